#include "hcl/types.h"

#include <algorithm>

#include "hcl/ast.h"
#include "hcl/number.h"

namespace strata::hcl {

std::string Type::ToString() const {
  switch (kind) {
    case Kind::kAny:
      return "any";
    case Kind::kString:
      return "string";
    case Kind::kNumber:
      return "number";
    case Kind::kBool:
      return "bool";
    case Kind::kList:
      return "list(" + elems[0].ToString() + ")";
    case Kind::kSet:
      return "set(" + elems[0].ToString() + ")";
    case Kind::kMap:
      return "map(" + elems[0].ToString() + ")";
    case Kind::kTuple: {
      std::string out = "tuple([";
      for (size_t i = 0; i < elems.size(); ++i) out += (i ? ", " : "") + elems[i].ToString();
      return out + "])";
    }
    case Kind::kObject: {
      std::string out = "object({";
      for (size_t i = 0; i < attrs.size(); ++i)
        out += (i ? ", " : "") + attrs[i].first + "=" + attrs[i].second.ToString();
      return out + "})";
    }
  }
  return "any";
}

Result<Value> ToNumberValue(const Value& v) {
  if (v.kind() == Value::Kind::kNumber) return v;
  if (v.kind() == Value::Kind::kString) {
    if (CanonicalNumberText(v.str())) return Value::NumberText(v.str());
  }
  return InvalidArgument("a number is required");
}

Result<Value> ToBoolValue(const Value& v) {
  if (v.kind() == Value::Kind::kBool) return v;
  if (v.kind() == Value::Kind::kString) {
    if (v.str() == "true") return Value::Bool(true);
    if (v.str() == "false") return Value::Bool(false);
  }
  return InvalidArgument("a bool is required");
}

Result<std::string> ToStringValue(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::kString:
      return v.str();
    case Value::Kind::kNumber:
      return v.number_text();
    case Value::Kind::kBool:
      return std::string(v.bool_value() ? "true" : "false");
    default:
      return InvalidArgument("string required");
  }
}

namespace {

std::string Described(const Type& t) {
  switch (t.kind) {
    case Type::Kind::kList:
      return "list of " + t.elems[0].ToString();
    case Type::Kind::kSet:
      return "set of " + t.elems[0].ToString();
    case Type::Kind::kMap:
      return "map of " + t.elems[0].ToString();
    default:
      return t.ToString();
  }
}

Status Wrap(const std::string& where, const Status& st) {
  return InvalidArgument(where + ": " + st.message());
}

int KindRank(Value::Kind k) { return static_cast<int>(k); }

}  // namespace

bool ValueLess(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return KindRank(a.kind()) < KindRank(b.kind());
  switch (a.kind()) {
    case Value::Kind::kNumber:
      return CompareNumbers(a, b) < 0;
    case Value::Kind::kString:
      return a.str() < b.str();
    case Value::Kind::kBool:
      return !a.bool_value() && b.bool_value();
    case Value::Kind::kNull:
      return false;
    default:
      return a.ToHCL() < b.ToHCL();
  }
}

ValueList UnifyElements(ValueList items) {
  bool has_string = false, mixed = false;
  Value::Kind first = items.empty() ? Value::Kind::kNull : items[0].kind();
  bool all_primitive = true;
  for (const auto& v : items) {
    Value::Kind k = v.kind();
    if (k == Value::Kind::kNull) continue;
    if (k != Value::Kind::kString && k != Value::Kind::kNumber && k != Value::Kind::kBool)
      all_primitive = false;
    if (k == Value::Kind::kString) has_string = true;
    if (k != first) mixed = true;
  }
  if (!mixed || !all_primitive || !has_string) return items;
  for (auto& v : items) {
    if (v.is_null()) continue;
    v = Value::String(*ToStringValue(v));
  }
  return items;
}

Value MakeSet(ValueList items) {
  ValueList out;
  for (auto& v : items)
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
  std::stable_sort(out.begin(), out.end(), ValueLess);
  return Value::List(std::move(out), true);
}

Result<Value> Convert(const Value& v, const Type& t) {
  if (v.is_null() || t.kind == Type::Kind::kAny) return v;
  switch (t.kind) {
    case Type::Kind::kAny:
      return v;
    case Type::Kind::kString: {
      auto s = ToStringValue(v);
      if (!s.ok()) return InvalidArgument("string required");
      return Value::String(*s);
    }
    case Type::Kind::kNumber:
      return ToNumberValue(v);
    case Type::Kind::kBool:
      return ToBoolValue(v);
    case Type::Kind::kList:
    case Type::Kind::kSet: {
      if (v.kind() != Value::Kind::kList) return InvalidArgument(Described(t) + " required");
      ValueList out;
      for (size_t i = 0; i < v.items().size(); ++i) {
        auto e = Convert(v.items()[i], t.elems[0]);
        if (!e.ok()) return Wrap("element " + std::to_string(i), e.status());
        out.push_back(std::move(e).value());
      }
      if (t.elems[0].kind == Type::Kind::kAny) out = UnifyElements(std::move(out));
      if (t.kind == Type::Kind::kSet) return MakeSet(std::move(out));
      return Value::List(std::move(out));
    }
    case Type::Kind::kMap: {
      if (v.kind() != Value::Kind::kObject) return InvalidArgument(Described(t) + " required");
      ValueMap out;
      for (const auto& [k, fv] : v.fields()) {
        auto e = Convert(fv, t.elems[0]);
        if (!e.ok()) return Wrap("element \"" + k + "\"", e.status());
        out.emplace_back(k, std::move(e).value());
      }
      return Value::Object(std::move(out));
    }
    case Type::Kind::kTuple: {
      if (v.kind() != Value::Kind::kList) return InvalidArgument("tuple required");
      if (v.items().size() != t.elems.size())
        return InvalidArgument("tuple required with " + std::to_string(t.elems.size()) +
                               " elements, got " + std::to_string(v.items().size()));
      ValueList out;
      for (size_t i = 0; i < t.elems.size(); ++i) {
        auto e = Convert(v.items()[i], t.elems[i]);
        if (!e.ok()) return Wrap("element " + std::to_string(i), e.status());
        out.push_back(std::move(e).value());
      }
      return Value::List(std::move(out));
    }
    case Type::Kind::kObject: {
      if (v.kind() != Value::Kind::kObject) return InvalidArgument("object required");
      ValueMap out;
      for (const auto& [name, at] : t.attrs) {
        const Value* fv = v.Field(name);
        if (fv == nullptr) return InvalidArgument("attribute \"" + name + "\" is required");
        auto e = Convert(*fv, at);
        if (!e.ok()) return Wrap("attribute \"" + name + "\"", e.status());
        out.emplace_back(name, std::move(e).value());
      }
      return Value::Object(std::move(out));
    }
  }
  return v;
}

Result<Type> ParseTypeExpr(const Expr& e) {
  const Expr* x = &e;
  while (x->kind == ExprKind::kParens) x = x->As<ParensExpr>().inner.get();
  if (x->kind == ExprKind::kVariable) {
    const std::string& n = x->As<VariableExpr>().name;
    if (n == "string") return Type::Of(Type::Kind::kString);
    if (n == "number" || n == "int") return Type::Of(Type::Kind::kNumber);
    if (n == "bool") return Type::Of(Type::Kind::kBool);
    if (n == "any") return Type::Of(Type::Kind::kAny);
    if (n == "list") return Type::Collection(Type::Kind::kList, Type::Of(Type::Kind::kAny));
    if (n == "set") return Type::Collection(Type::Kind::kSet, Type::Of(Type::Kind::kAny));
    if (n == "map") return Type::Collection(Type::Kind::kMap, Type::Of(Type::Kind::kAny));
    return InvalidArgument(n);
  }
  if (x->kind != ExprKind::kCall) return InvalidArgument("type expression");
  const auto& call = x->As<CallExpr>();
  if (call.args.size() != 1 || call.expand_final) return InvalidArgument(call.name);
  const Expr& arg = *call.args[0];
  if (call.name == "list" || call.name == "set" || call.name == "map") {
    ASSIGN_OR_RETURN(Type elem, ParseTypeExpr(arg));
    Type::Kind k = call.name == "list"  ? Type::Kind::kList
                   : call.name == "set" ? Type::Kind::kSet
                                        : Type::Kind::kMap;
    return Type::Collection(k, std::move(elem));
  }
  if (call.name == "tuple" && arg.kind == ExprKind::kTuple) {
    Type t = Type::Of(Type::Kind::kTuple);
    for (const auto& item : arg.As<TupleExpr>().items) {
      ASSIGN_OR_RETURN(Type elem, ParseTypeExpr(*item));
      t.elems.push_back(std::move(elem));
    }
    return t;
  }
  if (call.name == "object" && arg.kind == ExprKind::kObject) {
    Type t = Type::Of(Type::Kind::kObject);
    for (const auto& item : arg.As<ObjectExpr>().items) {
      std::string name;
      if (item.has_literal_key) {
        name = item.literal_key;
      } else if (item.key->kind == ExprKind::kTemplate) {
        const auto& parts = item.key->As<TemplateExpr>().parts;
        if (parts.size() > 1 || (parts.size() == 1 && parts[0]->kind != ExprKind::kLiteral))
          return InvalidArgument("object attribute name");
        if (!parts.empty()) name = parts[0]->As<LiteralExpr>().value.str();
      } else {
        return InvalidArgument("object attribute name");
      }
      ASSIGN_OR_RETURN(Type at, ParseTypeExpr(*item.value));
      t.attrs.emplace_back(std::move(name), std::move(at));
    }
    std::sort(t.attrs.begin(), t.attrs.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return t;
  }
  return InvalidArgument(call.name);
}

}  // namespace strata::hcl
