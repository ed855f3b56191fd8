// Expression evaluation.
#include "hcl/eval.h"

#include <algorithm>

#include "hcl/types.h"

namespace strata::hcl {
namespace {

// The scope name under which a splat's current element is bound; no
// identifier can spell it.
const char kSplatItem[] = "\x01splat";

struct Element {
  Value key;
  Value value;
};

Result<std::vector<Element>> Iterate(const Value& coll, const SourceRange& r, const char* what) {
  std::vector<Element> out;
  switch (coll.kind()) {
    case Value::Kind::kNull:
      return ErrorAt(
          r, "Iteration over null value",
          std::string("A null value cannot be used as the collection in a ") + what + ".");
    case Value::Kind::kList:
      for (size_t i = 0; i < coll.items().size(); ++i) {
        const Value& v = coll.items()[i];
        out.push_back({coll.is_set() ? v : Value::Number(static_cast<double>(i)), v});
      }
      return out;
    case Value::Kind::kObject: {
      std::vector<const std::pair<std::string, Value>*> fields;
      for (const auto& f : coll.fields()) fields.push_back(&f);
      std::sort(fields.begin(), fields.end(), [](auto* a, auto* b) { return a->first < b->first; });
      for (const auto* f : fields) out.push_back({Value::String(f->first), f->second});
      return out;
    }
    default:
      return ErrorAt(r, "Iteration over non-iterable value",
                     "A value of type " + coll.TypeName() +
                         " cannot be used as the collection in a " + what + ".");
  }
}

Result<std::string> InterpolationString(const Value& v, const SourceRange& r) {
  if (v.is_null())
    return ErrorAt(
        r, "Invalid template interpolation value",
        "The expression result is null. Cannot include a null value in a string template.");
  auto s = ToStringValue(v);
  if (!s.ok()) {
    std::string what = v.kind() == Value::Kind::kRef ? "a reference (" + v.ToHCL() + ")"
                       : v.kind() == Value::Kind::kCall
                           ? "a call of an unknown function (" + v.ToHCL() + ")"
                           : "a value of type " + v.TypeName();
    return ErrorAt(r, "Invalid template interpolation value",
                   "Cannot include " + what + " in a string template: string required.");
  }
  return s;
}

Result<bool> Condition(const Value& v, const SourceRange& r, const char* what) {
  if (v.is_null())
    return ErrorAt(r, std::string("Null ") + what,
                   "The condition value is null. Conditions must either be true or false.");
  auto b = ToBoolValue(v);
  if (!b.ok())
    return ErrorAt(r, std::string("Incorrect ") + what + " type",
                   "The condition expression must be of type bool.");
  return b->bool_value();
}

}  // namespace

const Value* Scope::Lookup(const std::string& name) const {
  for (const Scope* s = this; s != nullptr; s = s->parent_) {
    auto it = s->vars_.find(name);
    if (it != s->vars_.end()) return &it->second;
  }
  return nullptr;
}

Result<Value> Evaluator::Eval(const Expr& e, const Scope& scope) const {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return e.As<LiteralExpr>().value;
    case ExprKind::kTemplate: {
      ASSIGN_OR_RETURN(std::string s, EvalTemplateParts(e.As<TemplateExpr>(), scope));
      return Value::String(std::move(s));
    }
    case ExprKind::kTemplateWrap:
      return Eval(*e.As<TemplateWrapExpr>().wrapped, scope);
    case ExprKind::kTemplateIf:
    case ExprKind::kTemplateFor: {
      std::string out;
      RETURN_IF_ERROR(AppendTemplatePart(e, scope, &out));
      return Value::String(std::move(out));
    }
    case ExprKind::kVariable:
      return EvalVariable(e.As<VariableExpr>(), scope);
    case ExprKind::kGetAttr:
      return EvalGetAttr(e.As<GetAttrExpr>(), scope);
    case ExprKind::kIndex:
      return EvalIndex(e.As<IndexExpr>(), scope);
    case ExprKind::kSplat:
      return EvalSplat(e.As<SplatExpr>(), scope);
    case ExprKind::kAnonSymbol: {
      const Value* v = scope.Lookup(kSplatItem);
      if (v == nullptr)
        return ErrorAt(e.range, "Invalid splat",
                       "A splat item is only valid inside a splat expression.");
      return *v;
    }
    case ExprKind::kCall:
      return EvalCall(e.As<CallExpr>(), scope);
    case ExprKind::kTuple: {
      ValueList items;
      for (const auto& item : e.As<TupleExpr>().items) {
        ASSIGN_OR_RETURN(Value v, Eval(*item, scope));
        items.push_back(std::move(v));
      }
      return Value::List(std::move(items));
    }
    case ExprKind::kObject:
      return EvalObject(e.As<ObjectExpr>(), scope);
    case ExprKind::kFor:
      return EvalFor(e.As<ForExpr>(), scope);
    case ExprKind::kUnary:
      return EvalUnary(e.As<UnaryExpr>(), scope);
    case ExprKind::kBinary:
      return EvalBinary(e.As<BinaryExpr>(), scope);
    case ExprKind::kConditional:
      return EvalConditional(e.As<ConditionalExpr>(), scope);
    case ExprKind::kParens:
      return Eval(*e.As<ParensExpr>().inner, scope);
  }
  return Internal("unknown expression kind");
}

Result<Value> Evaluator::EvalVariable(const VariableExpr& e, const Scope& scope) const {
  if (const Value* v = scope.Lookup(e.name)) return *v;
  if (e.name == "local" && config_.resolve_all_locals) return config_.resolve_all_locals(e.range);
  if (config_.symbolic) return Value::Ref({e.name});
  return ErrorAt(e.range, "Unknown variable", "There is no variable named \"" + e.name + "\".");
}

Result<Value> Evaluator::EvalGetAttr(const GetAttrExpr& e, const Scope& scope) const {
  if (e.object->kind == ExprKind::kVariable) {
    const std::string& root = e.object->As<VariableExpr>().name;
    bool shadowed = scope.Lookup(root) != nullptr;
    if (root == "local" && config_.resolve_local && !shadowed)
      return config_.resolve_local(e.name, e.range);
    if (root == "var" && shadowed) {
      const Value* vars = scope.Lookup(root);
      if (vars->kind() == Value::Kind::kObject && vars->Field(e.name) == nullptr)
        return ErrorAt(e.range, "Reference to undeclared input variable",
                       "An input variable with the name \"" + e.name + "\" has not been declared.");
    }
  }
  ASSIGN_OR_RETURN(Value obj, Eval(*e.object, scope));
  return GetAttrValue(obj, e.name, e.range);
}

Result<Value> Evaluator::EvalIndex(const IndexExpr& e, const Scope& scope) const {
  ASSIGN_OR_RETURN(Value coll, Eval(*e.collection, scope));
  ASSIGN_OR_RETURN(Value key, Eval(*e.key, scope));
  return IndexValue(coll, key, e.range);
}

Result<Value> Evaluator::EvalSplat(const SplatExpr& e, const Scope& scope) const {
  ASSIGN_OR_RETURN(Value source, Eval(*e.source, scope));
  ValueList items;
  if (source.is_null()) return Value::List({});
  if (source.kind() == Value::Kind::kList) {
    items = source.items();
  } else {
    items.push_back(source);
  }
  ValueList out;
  for (auto& item : items) {
    Scope inner(&scope);
    inner.Set(kSplatItem, std::move(item));
    ASSIGN_OR_RETURN(Value v, Eval(*e.each, inner));
    out.push_back(std::move(v));
  }
  return Value::List(std::move(out));
}

Result<Value> Evaluator::EvalTryCan(const CallExpr& e, const Scope& scope) const {
  if (e.name == "can") {
    if (e.args.size() != 1)
      return ErrorAt(
          e.range, e.args.empty() ? "Not enough function arguments" : "Too many function arguments",
          "Function \"can\" expects 1 argument(s).");
    return Value::Bool(Eval(*e.args[0], scope).ok());
  }
  if (e.args.empty())
    return ErrorAt(e.range, "Not enough function arguments",
                   "Function \"try\" expects at least 1 argument(s).");
  std::vector<std::string> errors;
  for (const auto& arg : e.args) {
    auto v = Eval(*arg, scope);
    if (v.ok()) return v;
    errors.push_back(IsAlreadyReported(v.status()) ? "(error reported above)"
                                                   : v.status().message());
  }
  std::string detail = "Call to function \"try\" failed: no expression succeeded: ";
  for (size_t i = 0; i < errors.size(); ++i) detail += (i ? "; " : "") + errors[i];
  return ErrorAt(e.range, "Error in function call", detail);
}

Result<Value> Evaluator::EvalCall(const CallExpr& e, const Scope& scope) const {
  const FunctionDef* def = nullptr;
  if (config_.functions != nullptr) {
    auto it = config_.functions->find(e.name);
    if (it != config_.functions->end()) def = &it->second;
  }
  if (def == nullptr && (e.name == "try" || e.name == "can")) return EvalTryCan(e, scope);
  ValueList args;
  for (size_t i = 0; i < e.args.size(); ++i) {
    ASSIGN_OR_RETURN(Value v, Eval(*e.args[i], scope));
    if (e.expand_final && i + 1 == e.args.size()) {
      if (v.kind() != Value::Kind::kList)
        return ErrorAt(
            e.args[i]->range, "Invalid expanding argument value",
            "The expanding argument (indicated by ...) must be of a tuple, list, or set type.");
      for (const auto& item : v.items()) args.push_back(item);
    } else {
      args.push_back(std::move(v));
    }
  }
  if (def == nullptr) {
    if (config_.symbolic) return Value::Call(e.name, std::move(args));
    return ErrorAt(e.name_range, "Call to unknown function",
                   "There is no function named \"" + e.name + "\".");
  }
  int n = static_cast<int>(args.size());
  if (n < def->min_args) {
    std::string bound = def->max_args == def->min_args ? "" : "at least ";
    return ErrorAt(e.range, "Not enough function arguments",
                   "Function \"" + e.name + "\" expects " + bound + std::to_string(def->min_args) +
                       " argument(s).");
  }
  if (def->max_args >= 0 && n > def->max_args)
    return ErrorAt(e.range, "Too many function arguments",
                   "Function \"" + e.name + "\" expects only " + std::to_string(def->max_args) +
                       " argument(s).");
  auto result = def->fn(args);
  if (!result.ok()) {
    std::string msg = result.status().message();
    if (!msg.empty() && msg.back() != '.') msg += ".";
    return ErrorAt(e.range, "Error in function call",
                   "Call to function \"" + e.name + "\" failed: " + msg);
  }
  return result;
}

Result<Value> Evaluator::EvalObject(const ObjectExpr& e, const Scope& scope) const {
  ValueMap fields;
  for (const auto& item : e.items) {
    std::string key;
    if (item.has_literal_key) {
      key = item.literal_key;
    } else {
      ASSIGN_OR_RETURN(Value k, Eval(*item.key, scope));
      if (k.is_null())
        return ErrorAt(item.key->range, "Null value as key", "Can't use a null value as a key.");
      auto s = ToStringValue(k);
      if (!s.ok())
        return ErrorAt(item.key->range, "Incorrect key type",
                       "Can't use this value as a key: string required.");
      key = *s;
    }
    ASSIGN_OR_RETURN(Value v, Eval(*item.value, scope));
    auto it =
        std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == key; });
    if (it != fields.end()) {
      it->second = std::move(v);  // the last definition wins, as in cty
    } else {
      fields.emplace_back(std::move(key), std::move(v));
    }
  }
  return Value::Object(std::move(fields));
}

Result<Value> Evaluator::EvalFor(const ForExpr& e, const Scope& scope) const {
  ASSIGN_OR_RETURN(Value coll, Eval(*e.collection, scope));
  ASSIGN_OR_RETURN(std::vector<Element> elems,
                   Iterate(coll, e.collection->range, "'for' expression"));
  ValueList tuple;
  ValueMap object;
  for (auto& el : elems) {
    Scope inner(&scope);
    if (!e.key_var.empty()) inner.Set(e.key_var, el.key);
    inner.Set(e.value_var, el.value);
    if (e.condition) {
      ASSIGN_OR_RETURN(Value c, Eval(*e.condition, inner));
      if (c.is_null())
        return ErrorAt(e.condition->range, "Invalid 'for' condition",
                       "The value of the 'if' clause must not be null.");
      auto b = ToBoolValue(c);
      if (!b.ok())
        return ErrorAt(e.condition->range, "Invalid 'for' condition",
                       "The 'if' clause value is invalid: bool required.");
      if (!b->bool_value()) continue;
    }
    if (!e.object) {
      ASSIGN_OR_RETURN(Value v, Eval(*e.value, inner));
      tuple.push_back(std::move(v));
      continue;
    }
    ASSIGN_OR_RETURN(Value k, Eval(*e.key, inner));
    if (k.is_null())
      return ErrorAt(e.key->range, "Invalid object key",
                     "Key expression in 'for' expression must not produce a null value.");
    auto ks = ToStringValue(k);
    if (!ks.ok())
      return ErrorAt(e.key->range, "Invalid object key",
                     "The key expression produced an invalid result: string required.");
    ASSIGN_OR_RETURN(Value v, Eval(*e.value, inner));
    auto it =
        std::find_if(object.begin(), object.end(), [&](const auto& f) { return f.first == *ks; });
    if (e.group) {
      if (it == object.end()) {
        object.emplace_back(*ks, Value::List({std::move(v)}));
      } else {
        ValueList items = it->second.items();
        items.push_back(std::move(v));
        it->second = Value::List(std::move(items));
      }
      continue;
    }
    if (it != object.end())
      return ErrorAt(
          e.key->range, "Duplicate object key",
          "Two different items produced the key \"" + *ks +
              "\" in this 'for' expression. If duplicates are expected, use the ellipsis "
              "(...) after the value expression to enable grouping by key.");
    object.emplace_back(*ks, std::move(v));
  }
  if (e.object) return Value::Object(std::move(object));
  return Value::List(std::move(tuple));
}

Result<Value> Evaluator::EvalUnary(const UnaryExpr& e, const Scope& scope) const {
  ASSIGN_OR_RETURN(Value v, Eval(*e.operand, scope));
  return ApplyUnary(e.op, v, e.range);
}

Result<Value> Evaluator::EvalBinary(const BinaryExpr& e, const Scope& scope) const {
  ASSIGN_OR_RETURN(Value lhs, Eval(*e.lhs, scope));
  if (e.op == Operator::kAnd || e.op == Operator::kOr) {
    // Short-circuit: `x != null && x.y` must not evaluate x.y when x is null.
    if (lhs.kind() == Value::Kind::kBool && lhs.bool_value() == (e.op == Operator::kOr)) return lhs;
  }
  ASSIGN_OR_RETURN(Value rhs, Eval(*e.rhs, scope));
  return ApplyBinary(e.op, lhs, rhs, e.range);
}

Result<Value> Evaluator::EvalConditional(const ConditionalExpr& e, const Scope& scope) const {
  ASSIGN_OR_RETURN(Value c, Eval(*e.condition, scope));
  ASSIGN_OR_RETURN(bool b, Condition(c, e.condition->range, "condition"));
  return Eval(b ? *e.true_result : *e.false_result, scope);
}

Result<std::string> Evaluator::EvalTemplateParts(const TemplateExpr& e, const Scope& scope) const {
  std::string out;
  for (const auto& part : e.parts) RETURN_IF_ERROR(AppendTemplatePart(*part, scope, &out));
  return out;
}

Status Evaluator::AppendTemplatePart(const Expr& part, const Scope& scope, std::string* out) const {
  switch (part.kind) {
    case ExprKind::kLiteral:
      if (part.As<LiteralExpr>().value.kind() == Value::Kind::kString) {
        *out += part.As<LiteralExpr>().value.str();
        return Status::Ok();
      }
      break;
    case ExprKind::kTemplateIf: {
      const auto& n = part.As<TemplateIfExpr>();
      ASSIGN_OR_RETURN(Value c, Eval(*n.condition, scope));
      ASSIGN_OR_RETURN(bool b, Condition(c, n.condition->range, "condition"));
      const Expr* branch = b ? n.then_part.get() : n.else_part.get();
      if (branch != nullptr) {
        ASSIGN_OR_RETURN(std::string s, EvalTemplateParts(branch->As<TemplateExpr>(), scope));
        *out += s;
      }
      return Status::Ok();
    }
    case ExprKind::kTemplateFor: {
      const auto& n = part.As<TemplateForExpr>();
      ASSIGN_OR_RETURN(Value coll, Eval(*n.collection, scope));
      ASSIGN_OR_RETURN(std::vector<Element> elems,
                       Iterate(coll, n.collection->range, "'for' directive"));
      for (auto& el : elems) {
        Scope inner(&scope);
        if (!n.key_var.empty()) inner.Set(n.key_var, el.key);
        inner.Set(n.value_var, el.value);
        ASSIGN_OR_RETURN(std::string s, EvalTemplateParts(n.body->As<TemplateExpr>(), inner));
        *out += s;
      }
      return Status::Ok();
    }
    default:
      break;
  }
  ASSIGN_OR_RETURN(Value v, Eval(part, scope));
  ASSIGN_OR_RETURN(std::string s, InterpolationString(v, part.range));
  *out += s;
  return Status::Ok();
}

}  // namespace strata::hcl
