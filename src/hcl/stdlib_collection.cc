// Collection functions and type conversions: length, concat, merge, keys,
// tolist, ... plus print() and sql().
#include <algorithm>
#include <cstdio>

#include "hcl/functions.h"
#include "hcl/json.h"
#include "hcl/number.h"
#include "hcl/types.h"
#include "hcl/utf8.h"

namespace strata::hcl {
namespace {

Value Int(int64_t v) { return Value::NumberText(std::to_string(v)); }

Result<Value> Length(const ValueList& a) {
  const Value& v = a[0];
  switch (v.kind()) {
    case Value::Kind::kString:
      return Int(static_cast<int64_t>(Utf8Count(v.str())));
    case Value::Kind::kList:
      return Int(static_cast<int64_t>(v.items().size()));
    case Value::Kind::kObject:
      return Int(static_cast<int64_t>(v.fields().size()));
    case Value::Kind::kNull:
      return InvalidArgument("argument must not be null");
    default:
      return InvalidArgument("argument must be a string, a collection type, or a structural type");
  }
}

Result<Value> Concat(const ValueList& a) {
  ValueList out;
  for (size_t i = 0; i < a.size(); ++i) {
    ASSIGN_OR_RETURN(ValueList items, ListArg(a, i));
    out.insert(out.end(), items.begin(), items.end());
  }
  return Value::List(std::move(out));
}

Result<Value> Merge(const ValueList& a) {
  ValueMap out;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].is_null()) continue;
    ASSIGN_OR_RETURN(ValueMap fields, ObjectArg(a, i));
    for (auto& [k, v] : fields) {
      auto it = std::find_if(out.begin(), out.end(), [&](const auto& f) { return f.first == k; });
      if (it != out.end())
        it->second = v;
      else
        out.emplace_back(k, v);
    }
  }
  return SortedObject(std::move(out));
}

Result<Value> Keys(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueMap fields, ObjectArg(a, 0));
  std::vector<std::string> keys;
  for (const auto& f : fields) keys.push_back(f.first);
  std::sort(keys.begin(), keys.end());
  ValueList out;
  for (auto& k : keys) out.push_back(Value::String(k));
  return Value::List(std::move(out));
}

Result<Value> Values(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueMap fields, ObjectArg(a, 0));
  Value sorted = SortedObject(std::move(fields));
  ValueList out;
  for (const auto& f : sorted.fields()) out.push_back(f.second);
  return Value::List(std::move(out));
}

Result<Value> Element(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueList items, ListArg(a, 0));
  ASSIGN_OR_RETURN(int64_t i, IntArg(a, 1));
  if (items.empty()) return InvalidArgument("cannot use element function with an empty list");
  if (i < 0) return InvalidArgument("cannot use element function with a negative index");
  return items[static_cast<size_t>(i) % items.size()];
}

Result<Value> Index(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueList items, ListArg(a, 0));
  for (size_t i = 0; i < items.size(); ++i)
    if (items[i] == a[1]) return Int(static_cast<int64_t>(i));
  return InvalidArgument("item not found");
}

Result<Value> Contains(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueList items, ListArg(a, 0));
  return Value::Bool(std::find(items.begin(), items.end(), a[1]) != items.end());
}

Result<Value> Distinct(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueList items, ListArg(a, 0));
  ValueList out;
  for (auto& v : items)
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
  return Value::List(std::move(out));
}

void FlattenInto(const ValueList& items, ValueList* out) {
  for (const auto& v : items) {
    if (v.kind() == Value::Kind::kList)
      FlattenInto(v.items(), out);
    else
      out->push_back(v);
  }
}

Result<Value> Flatten(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueList items, ListArg(a, 0));
  ValueList out;
  FlattenInto(items, &out);
  return Value::List(std::move(out));
}

Result<Value> Compact(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueList items, ListArg(a, 0));
  ValueList out;
  for (const auto& v : items) {
    if (v.is_null()) continue;
    auto s = ToStringValue(v);
    if (!s.ok()) return InvalidArgument("compact requires a list of strings");
    if (!s->empty()) out.push_back(Value::String(*s));
  }
  return Value::List(std::move(out));
}

Result<Value> Chunklist(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueList items, ListArg(a, 0));
  ASSIGN_OR_RETURN(int64_t size, IntArg(a, 1));
  if (size < 0) return InvalidArgument("the size argument must be positive");
  if (size == 0) return Value::List({Value::List(items)});
  ValueList out;
  for (size_t i = 0; i < items.size(); i += static_cast<size_t>(size)) {
    size_t end = std::min(items.size(), i + static_cast<size_t>(size));
    out.push_back(Value::List(ValueList(items.begin() + i, items.begin() + end)));
  }
  return Value::List(std::move(out));
}

Result<Value> Coalesce(const ValueList& a) {
  for (const auto& v : a) {
    if (v.is_null()) continue;
    if (v.kind() == Value::Kind::kString && v.str().empty()) continue;
    return v;
  }
  return InvalidArgument("no non-null, non-empty-string arguments");
}

Result<Value> Coalescelist(const ValueList& a) {
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].is_null()) continue;
    ASSIGN_OR_RETURN(ValueList items, ListArg(a, i));
    if (!items.empty()) return a[i];
  }
  return InvalidArgument("no non-null arguments");
}

Result<Value> Range(const ValueList& a) {
  double start = 0, end = 0, step = 1;
  if (a.size() == 1) {
    ASSIGN_OR_RETURN(Value e, NumberArg(a, 0));
    end = e.number();
  } else {
    ASSIGN_OR_RETURN(Value s, NumberArg(a, 0));
    ASSIGN_OR_RETURN(Value e, NumberArg(a, 1));
    start = s.number();
    end = e.number();
    step = start <= end ? 1 : -1;
    if (a.size() == 3) {
      ASSIGN_OR_RETURN(Value st, NumberArg(a, 2));
      step = st.number();
    }
  }
  if (step == 0) return InvalidArgument("step must not be zero");
  if (start < end && step < 0)
    return InvalidArgument("step must be positive when start is less than end");
  if (start > end && step > 0)
    return InvalidArgument("step must be negative when start is greater than end");
  ValueList out;
  for (double v = start; step > 0 ? v < end : v > end; v += step) {
    if (out.size() >= 1024)
      return InvalidArgument(
          "more than 1024 values were generated; either decrease the difference "
          "between start and end or use a smaller step");
    out.push_back(Value::Number(v));
  }
  return Value::List(std::move(out));
}

Result<Value> Reverse(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueList items, ListArg(a, 0));
  std::reverse(items.begin(), items.end());
  return Value::List(std::move(items));
}

Result<Value> Slice(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueList items, ListArg(a, 0));
  ASSIGN_OR_RETURN(int64_t start, IntArg(a, 1));
  ASSIGN_OR_RETURN(int64_t end, IntArg(a, 2));
  if (start < 0) return InvalidArgument("the starting index must not be negative");
  if (end > static_cast<int64_t>(items.size()))
    return InvalidArgument("the ending index must not exceed the list length");
  if (start > end)
    return InvalidArgument("the starting index must not be greater than the ending index");
  return Value::List(ValueList(items.begin() + start, items.begin() + end));
}

Result<Value> Sort(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueList items, ListArg(a, 0));
  std::vector<std::string> strs;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].is_null())
      return InvalidArgument("given list element " + std::to_string(i) +
                             " is null; a null string cannot be sorted");
    auto s = ToStringValue(items[i]);
    if (!s.ok()) return InvalidArgument("list of string required");
    strs.push_back(*s);
  }
  std::sort(strs.begin(), strs.end());
  ValueList out;
  for (auto& s : strs) out.push_back(Value::String(s));
  return Value::List(std::move(out));
}

Result<Value> Zipmap(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueList keys, ListArg(a, 0));
  ASSIGN_OR_RETURN(ValueList values, ListArg(a, 1));
  if (keys.size() != values.size())
    return InvalidArgument("number of keys (" + std::to_string(keys.size()) +
                           ") does not match number of values (" + std::to_string(values.size()) +
                           ")");
  ValueMap out;
  for (size_t i = 0; i < keys.size(); ++i) {
    auto k = ToStringValue(keys[i]);
    if (!k.ok() || keys[i].is_null()) return InvalidArgument("keys must be strings");
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& f) { return f.first == *k; });
    if (it != out.end())
      it->second = values[i];
    else
      out.emplace_back(*k, values[i]);
  }
  return SortedObject(std::move(out));
}

Result<Value> Lookup(const ValueList& a) {
  ASSIGN_OR_RETURN(ValueMap fields, ObjectArg(a, 0));
  ASSIGN_OR_RETURN(std::string key, StringArg(a, 1));
  for (auto& [k, v] : fields)
    if (k == key) return v;
  if (a.size() == 3) return a[2];
  return InvalidArgument("lookup failed to find key \"" + key + "\"");
}

Result<Value> AllTrue(const ValueList& a, bool all) {
  ASSIGN_OR_RETURN(ValueList items, ListArg(a, 0));
  for (const auto& v : items) {
    bool b = false;
    if (!v.is_null()) {
      auto bv = ToBoolValue(v);
      if (!bv.ok()) return InvalidArgument("list of bool required");
      b = bv->bool_value();
    }
    if (all && !b) return Value::Bool(false);
    if (!all && b) return Value::Bool(true);
  }
  return Value::Bool(all);
}

Result<Value> Empty(const ValueList& a) {
  const Value& v = a[0];
  switch (v.kind()) {
    case Value::Kind::kString:
      return Value::Bool(v.str().empty());
    case Value::Kind::kList:
      return Value::Bool(v.items().empty());
    case Value::Kind::kObject:
      return Value::Bool(v.fields().empty());
    case Value::Kind::kNull:
      return Value::Bool(true);
    default:
      return InvalidArgument("argument must be a string, a collection type, or a structural type");
  }
}

std::string Friendly(const Value& v) { return v.TypeName(); }

Result<Value> ToList(const ValueList& a, bool set) {
  const Value& v = a[0];
  if (v.is_null()) return v;
  if (v.kind() != Value::Kind::kList)
    return InvalidArgument("cannot convert " + Friendly(v) + " to " + (set ? "set" : "list") +
                           " of any single type");
  ValueList items = UnifyElements(v.items());
  if (set) return MakeSet(std::move(items));
  return Value::List(std::move(items));
}

Result<Value> ToMap(const ValueList& a) {
  const Value& v = a[0];
  if (v.is_null() || v.kind() == Value::Kind::kObject) return v;
  return InvalidArgument("cannot convert " + Friendly(v) + " to map of any single type");
}

Result<Value> ToStringFn(const ValueList& a) {
  const Value& v = a[0];
  if (v.is_null()) return v;
  auto s = ToStringValue(v);
  if (!s.ok()) return InvalidArgument("cannot convert " + Friendly(v) + " to string");
  return Value::String(*s);
}

Result<Value> ToNumberFn(const ValueList& a) {
  const Value& v = a[0];
  if (v.is_null()) return v;
  auto n = ToNumberValue(v);
  if (n.ok()) return n;
  if (v.kind() == Value::Kind::kString)
    return InvalidArgument("cannot convert " + Quote(v.str()) +
                           " to number; given string must be a decimal representation of a number");
  return InvalidArgument("cannot convert " + Friendly(v) + " to number");
}

Result<Value> ToBoolFn(const ValueList& a) {
  const Value& v = a[0];
  if (v.is_null()) return v;
  auto b = ToBoolValue(v);
  if (b.ok()) return b;
  if (v.kind() == Value::Kind::kString)
    return InvalidArgument("cannot convert " + Quote(v.str()) +
                           " to bool; only the strings \"true\" or \"false\" are allowed");
  return InvalidArgument("cannot convert " + Friendly(v) + " to bool");
}

Result<Value> Print(const ValueList& a) {
  const Value& v = a[0];
  std::string text;
  switch (v.kind()) {
    case Value::Kind::kString:
      text = v.str();
      break;
    case Value::Kind::kNumber:
      text = v.number_text();
      break;
    case Value::Kind::kBool:
      text = v.bool_value() ? "true" : "false";
      break;
    default: {
      auto j = JsonEncode(v);
      text = j.ok() ? *j : v.ToHCL();
    }
  }
  std::printf("%s\n", text.c_str());
  std::fflush(stdout);
  return v;
}

Result<Value> Sql(const ValueList& a) {
  if (a[0].kind() != Value::Kind::kString) return InvalidArgument("string required");
  if (a[0].str().empty()) return InvalidArgument("empty expression");
  return Value::RawSQL(a[0].str());
}

}  // namespace

void AddCollectionFunctions(FunctionTable* t) {
  (*t)["alltrue"] = {1, 1, [](const ValueList& a) { return AllTrue(a, true); }};
  (*t)["anytrue"] = {1, 1, [](const ValueList& a) { return AllTrue(a, false); }};
  (*t)["chunklist"] = {2, 2, Chunklist};
  (*t)["coalesce"] = {1, -1, Coalesce};
  (*t)["coalescelist"] = {1, -1, Coalescelist};
  (*t)["compact"] = {1, 1, Compact};
  (*t)["concat"] = {1, -1, Concat};
  (*t)["contains"] = {2, 2, Contains};
  (*t)["distinct"] = {1, 1, Distinct};
  (*t)["element"] = {2, 2, Element};
  (*t)["empty"] = {1, 1, Empty};
  (*t)["flatten"] = {1, 1, Flatten};
  (*t)["index"] = {2, 2, Index};
  (*t)["keys"] = {1, 1, Keys};
  (*t)["length"] = {1, 1, Length};
  (*t)["lookup"] = {2, 3, Lookup};
  (*t)["merge"] = {0, -1, Merge};
  (*t)["range"] = {1, 3, Range};
  (*t)["reverse"] = {1, 1, Reverse};
  (*t)["slice"] = {3, 3, Slice};
  (*t)["sort"] = {1, 1, Sort};
  (*t)["values"] = {1, 1, Values};
  (*t)["zipmap"] = {2, 2, Zipmap};
  (*t)["tolist"] = {1, 1, [](const ValueList& a) { return ToList(a, false); }};
  (*t)["toset"] = {1, 1, [](const ValueList& a) { return ToList(a, true); }};
  (*t)["tomap"] = {1, 1, ToMap};
  (*t)["tostring"] = {1, 1, ToStringFn};
  (*t)["tonumber"] = {1, 1, ToNumberFn};
  (*t)["tobool"] = {1, 1, ToBoolFn};
  (*t)["print"] = {1, 1, Print};
  (*t)["sql"] = {1, 1, Sql};
}

}  // namespace strata::hcl
