// Set functions: setunion, setintersection, setsubtract, setproduct.
#include <algorithm>

#include "hcl/functions.h"
#include "hcl/types.h"

namespace strata::hcl {
namespace {

bool Has(const ValueList& items, const Value& v) {
  return std::find(items.begin(), items.end(), v) != items.end();
}

Result<Value> SetUnion(const ValueList& a) {
  ValueList all;
  for (size_t i = 0; i < a.size(); ++i) {
    ASSIGN_OR_RETURN(ValueList items, ListArg(a, i));
    all.insert(all.end(), items.begin(), items.end());
  }
  return MakeSet(UnifyElements(std::move(all)));
}

Result<Value> SetIntersection(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueList first, ListArg(a, 0));
  std::vector<ValueList> others;
  for (size_t i = 1; i < a.size(); ++i) {
    ASSIGN_OR_RETURN(ValueList items, ListArg(a, i));
    others.push_back(std::move(items));
  }
  ValueList out;
  for (const auto& v : first) {
    bool everywhere =
        std::all_of(others.begin(), others.end(), [&](const ValueList& o) { return Has(o, v); });
    if (everywhere) out.push_back(v);
  }
  return MakeSet(std::move(out));
}

Result<Value> SetSubtract(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueList from, ListArg(a, 0));
  ASSIGN_OR_RETURN(ValueList remove, ListArg(a, 1));
  ValueList out;
  for (const auto& v : from)
    if (!Has(remove, v)) out.push_back(v);
  return MakeSet(std::move(out));
}

Result<Value> SetProduct(const ValueList& a) {
  if (a.size() < 2) return InvalidArgument("at least two arguments are required");
  bool all_sets = true;
  std::vector<ValueList> lists;
  for (size_t i = 0; i < a.size(); ++i) {
    ASSIGN_OR_RETURN(ValueList items, ListArg(a, i));
    if (!a[i].is_set()) all_sets = false;
    lists.push_back(std::move(items));
  }
  ValueList product = {Value::List({})};
  for (const auto& list : lists) {
    ValueList next;
    for (const auto& prefix : product) {
      for (const auto& v : list) {
        ValueList tuple = prefix.items();
        tuple.push_back(v);
        next.push_back(Value::List(std::move(tuple)));
      }
    }
    product = std::move(next);
  }
  if (all_sets) return MakeSet(std::move(product));
  return Value::List(std::move(product));
}

}  // namespace

void AddSetFunctions(FunctionTable* t) {
  (*t)["setunion"] = {1, -1, SetUnion};
  (*t)["setintersection"] = {1, -1, SetIntersection};
  (*t)["setsubtract"] = {2, 2, SetSubtract};
  (*t)["setproduct"] = {2, -1, SetProduct};
}

}  // namespace strata::hcl
