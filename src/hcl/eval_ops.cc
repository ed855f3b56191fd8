// Operators, indexing and attribute access on values.
#include <cmath>

#include "base/source.h"
#include "hcl/eval.h"
#include "hcl/number.h"
#include "hcl/types.h"

namespace strata::hcl {

Status ErrorAt(const SourceRange& r, const std::string& summary, const std::string& detail) {
  Diagnostic d;
  d.range = r;
  d.summary = summary;
  d.detail = detail;
  return InvalidArgument(d.ToString());
}

Status AlreadyReported() { return Status(Code::kAborted, ""); }
bool IsAlreadyReported(const Status& s) {
  return s.code() == Code::kAborted && s.message().empty();
}

namespace {

bool IsSymbolic(const Value& v) {
  return v.kind() == Value::Kind::kRef || v.kind() == Value::Kind::kCall ||
         v.kind() == Value::Kind::kRawSQL;
}

std::string DescribeSymbolic(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kRef:
      return "a reference (" + v.ToHCL() + ")";
    case Value::Kind::kCall:
      return "a call of an unknown function (" + v.ToHCL() + ")";
    default:
      return "a raw SQL expression (" + v.ToHCL() + ")";
  }
}

Status OperandError(const SourceRange& r, const char* side, const std::string& why) {
  return ErrorAt(r, "Invalid operand",
                 std::string("Unsuitable value for ") + side + " operand: " + why + ".");
}

Status DivideByZero(const SourceRange& r) {
  return ErrorAt(r, "Operation failed", "Error during operation: can't divide by zero.");
}

Result<Value> Arithmetic(Operator op, const Value& a, const Value& b, const SourceRange& r) {
  auto x = IntegerValue(a.number_text());
  auto y = IntegerValue(b.number_text());
  if (x && y) {
    int64_t out = 0;
    switch (op) {
      case Operator::kAdd:
        if (!__builtin_add_overflow(*x, *y, &out)) return Value::NumberText(std::to_string(out));
        break;
      case Operator::kSub:
        if (!__builtin_sub_overflow(*x, *y, &out)) return Value::NumberText(std::to_string(out));
        break;
      case Operator::kMul:
        if (!__builtin_mul_overflow(*x, *y, &out)) return Value::NumberText(std::to_string(out));
        break;
      case Operator::kDiv:
        if (*y == 0) return DivideByZero(r);
        if (*y != -1 && *x % *y == 0) return Value::NumberText(std::to_string(*x / *y));
        break;
      case Operator::kMod:
        if (*y == 0) return DivideByZero(r);
        if (*y == -1) return Value::NumberText("0");
        return Value::NumberText(std::to_string(*x % *y));
      default:
        break;
    }
  }
  double p = a.number(), q = b.number();
  switch (op) {
    case Operator::kAdd:
      return Value::Number(p + q);
    case Operator::kSub:
      return Value::Number(p - q);
    case Operator::kMul:
      return Value::Number(p * q);
    case Operator::kDiv:
      if (q == 0) return DivideByZero(r);
      return Value::Number(p / q);
    case Operator::kMod:
      if (q == 0) return DivideByZero(r);
      return Value::Number(std::fmod(p, q));
    default:
      return Internal("not an arithmetic operator");
  }
}

}  // namespace

Result<Value> ApplyBinary(Operator op, const Value& lhs, const Value& rhs, const SourceRange& r) {
  std::string sym = OperatorSymbol(op);
  if (IsSymbolic(lhs))
    return OperandError(
        r, "left", DescribeSymbolic(lhs) + " cannot be used with the \"" + sym + "\" operator");
  if (IsSymbolic(rhs))
    return OperandError(
        r, "right", DescribeSymbolic(rhs) + " cannot be used with the \"" + sym + "\" operator");
  switch (op) {
    case Operator::kEqual:
      return Value::Bool(lhs == rhs);
    case Operator::kNotEqual:
      return Value::Bool(!(lhs == rhs));
    case Operator::kAnd:
    case Operator::kOr: {
      auto a = ToBoolValue(lhs);
      if (!a.ok()) return OperandError(r, "left", "bool required");
      auto b = ToBoolValue(rhs);
      if (!b.ok()) return OperandError(r, "right", "bool required");
      bool v = op == Operator::kAnd ? (a->bool_value() && b->bool_value())
                                    : (a->bool_value() || b->bool_value());
      return Value::Bool(v);
    }
    default:
      break;
  }
  auto a = ToNumberValue(lhs);
  if (!a.ok()) return OperandError(r, "left", "number required");
  auto b = ToNumberValue(rhs);
  if (!b.ok()) return OperandError(r, "right", "number required");
  switch (op) {
    case Operator::kLess:
      return Value::Bool(CompareNumbers(*a, *b) < 0);
    case Operator::kLessEq:
      return Value::Bool(CompareNumbers(*a, *b) <= 0);
    case Operator::kGreater:
      return Value::Bool(CompareNumbers(*a, *b) > 0);
    case Operator::kGreaterEq:
      return Value::Bool(CompareNumbers(*a, *b) >= 0);
    default:
      return Arithmetic(op, *a, *b, r);
  }
}

Result<Value> ApplyUnary(Operator op, const Value& v, const SourceRange& r) {
  std::string sym = OperatorSymbol(op);
  if (IsSymbolic(v))
    return ErrorAt(r, "Invalid operand",
                   "Unsuitable value for unary operand: " + DescribeSymbolic(v) +
                       " cannot be used with the \"" + sym + "\" operator.");
  if (op == Operator::kNot) {
    auto b = ToBoolValue(v);
    if (!b.ok())
      return ErrorAt(r, "Invalid operand", "Unsuitable value for unary operand: bool required.");
    return Value::Bool(!b->bool_value());
  }
  auto n = ToNumberValue(v);
  if (!n.ok())
    return ErrorAt(r, "Invalid operand", "Unsuitable value for unary operand: number required.");
  const std::string& t = n->number_text();
  if (t == "0") return *n;
  if (t[0] == '-') return Value::NumberText(t.substr(1));
  return Value::NumberText("-" + t);
}

Result<Value> IndexValue(const Value& coll, const Value& key, const SourceRange& r) {
  static const std::string kNoElement =
      "The given key does not identify an element in this collection value";
  if (key.is_null())
    return ErrorAt(r, "Invalid index", "Can't use a null value as an indexing key.");
  switch (coll.kind()) {
    case Value::Kind::kNull:
      return ErrorAt(r, "Attempt to index null value",
                     "This value is null, so it does not have any indices.");
    case Value::Kind::kRef: {
      auto k = ToStringValue(key);
      if (!k.ok())
        return ErrorAt(r, "Invalid index", "Can't use this value as a key: string required.");
      std::vector<std::string> path = coll.path();
      path.push_back(*k);
      return Value::Ref(std::move(path));
    }
    case Value::Kind::kList: {
      if (coll.is_set())
        return ErrorAt(r, "Invalid index",
                       "Elements of a set are identified only by their value and don't have any "
                       "separate index or key to select with, so it's only possible to perform "
                       "operations across all elements of the set.");
      auto n = ToNumberValue(key);
      if (!n.ok()) return ErrorAt(r, "Invalid index", kNoElement + ": number required.");
      auto i = IntegerValue(n->number_text());
      if (!i) return ErrorAt(r, "Invalid index", kNoElement + ": a whole number is required.");
      if (*i < 0)
        return ErrorAt(r, "Invalid index",
                       kNoElement + ": a negative number is not a valid index for a sequence.");
      if (*i >= static_cast<int64_t>(coll.items().size()))
        return ErrorAt(
            r, "Invalid index",
            kNoElement +
                ": the given index is greater than or equal to the length of the collection.");
      return coll.items()[static_cast<size_t>(*i)];
    }
    case Value::Kind::kObject: {
      auto k = ToStringValue(key);
      if (!k.ok())
        return ErrorAt(r, "Invalid index", "Can't use this value as a key: string required.");
      const Value* f = coll.Field(*k);
      if (f == nullptr) return ErrorAt(r, "Invalid index", kNoElement + ".");
      return *f;
    }
    default:
      return ErrorAt(r, "Invalid index", "This value does not have any indices.");
  }
}

Result<Value> GetAttrValue(const Value& obj, const std::string& name, const SourceRange& r) {
  switch (obj.kind()) {
    case Value::Kind::kObject: {
      const Value* f = obj.Field(name);
      if (f == nullptr)
        return ErrorAt(r, "Unsupported attribute",
                       "This object does not have an attribute named \"" + name + "\".");
      return *f;
    }
    case Value::Kind::kRef: {
      std::vector<std::string> path = obj.path();
      path.push_back(name);
      return Value::Ref(std::move(path));
    }
    case Value::Kind::kNull:
      return ErrorAt(r, "Attempt to get attribute from null value",
                     "This value is null, so it does not have any attributes.");
    case Value::Kind::kList:
      return ErrorAt(r, "Unsupported attribute",
                     "Can't access attributes on a list of objects. Did you mean to access an "
                     "attribute for a specific element of the list, or across all elements of "
                     "the list?");
    case Value::Kind::kCall:
    case Value::Kind::kRawSQL:
      return ErrorAt(r, "Unsupported attribute",
                     "Can't access attributes on " + DescribeSymbolic(obj) + ".");
    default:
      return ErrorAt(
          r, "Unsupported attribute",
          "Can't access attributes on a primitive-typed value (" + obj.TypeName() + ").");
  }
}

}  // namespace strata::hcl
