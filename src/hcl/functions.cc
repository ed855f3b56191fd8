// The function table and argument helpers shared by the stdlib_*.cc files.
#include "hcl/functions.h"

#include <algorithm>

#include "hcl/number.h"
#include "hcl/types.h"

namespace strata::hcl {

const FunctionTable& Stdlib() {
  static const FunctionTable* table = [] {
    auto* t = new FunctionTable();
    AddCollectionFunctions(t);
    AddSetFunctions(t);
    AddStringFunctions(t);
    AddFormatFunctions(t);
    AddRegexFunctions(t);
    AddNumericFunctions(t);
    AddEncodingFunctions(t);
    AddTimeFunctions(t);
    AddUrlFunctions(t);
    return t;
  }();
  return *table;
}

namespace {

Status ArgError(size_t i, const std::string& what) {
  return InvalidArgument("invalid value for argument " + std::to_string(i + 1) + ": " + what);
}

Status CheckPresent(const ValueList& args, size_t i) {
  if (i >= args.size()) return ArgError(i, "missing argument");
  if (args[i].is_null()) return ArgError(i, "argument must not be null");
  return Status::Ok();
}

}  // namespace

Result<std::string> StringArg(const ValueList& args, size_t i) {
  RETURN_IF_ERROR(CheckPresent(args, i));
  auto s = ToStringValue(args[i]);
  if (!s.ok()) return ArgError(i, "string required");
  return s;
}

Result<Value> NumberArg(const ValueList& args, size_t i) {
  RETURN_IF_ERROR(CheckPresent(args, i));
  auto n = ToNumberValue(args[i]);
  if (!n.ok()) return ArgError(i, "number required");
  return n;
}

Result<int64_t> IntArg(const ValueList& args, size_t i) {
  ASSIGN_OR_RETURN(Value n, NumberArg(args, i));
  auto v = IntegerValue(n.number_text());
  if (!v) return ArgError(i, "a whole number is required");
  return *v;
}

Result<bool> BoolArg(const ValueList& args, size_t i) {
  RETURN_IF_ERROR(CheckPresent(args, i));
  auto b = ToBoolValue(args[i]);
  if (!b.ok()) return ArgError(i, "bool required");
  return b->bool_value();
}

Result<ValueList> ListArg(const ValueList& args, size_t i) {
  RETURN_IF_ERROR(CheckPresent(args, i));
  if (args[i].kind() != Value::Kind::kList) return ArgError(i, "list, set or tuple required");
  return args[i].items();
}

Result<ValueMap> ObjectArg(const ValueList& args, size_t i) {
  RETURN_IF_ERROR(CheckPresent(args, i));
  if (args[i].kind() != Value::Kind::kObject) return ArgError(i, "map or object required");
  return args[i].fields();
}

Value SortedObject(ValueMap fields) {
  std::stable_sort(fields.begin(), fields.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return Value::Object(std::move(fields));
}

}  // namespace strata::hcl
