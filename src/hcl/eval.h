// The expression evaluator. Errors are statuses whose message is
// "file:line:col: summary: detail"; evaluation of one expression stops at
// its first error.
#pragma once

#include <functional>
#include <map>
#include <string>

#include "hcl/ast.h"
#include "hcl/functions.h"

namespace strata::hcl {

// Variables visible to an expression; child scopes shadow their parents.
class Scope {
 public:
  Scope() = default;
  explicit Scope(const Scope* parent) : parent_(parent) {}
  void Set(const std::string& name, Value v) { vars_[name] = std::move(v); }
  const Value* Lookup(const std::string& name) const;

 private:
  const Scope* parent_ = nullptr;
  std::map<std::string, Value> vars_;
};

struct EvalConfig {
  const FunctionTable* functions = nullptr;
  // Unknown roots become kRef values and unknown functions kCall values.
  bool symbolic = true;
  // Resolves `local.<name>` lazily (document evaluation); `range` is the
  // reference. When unset, `local` is an ordinary variable.
  std::function<Result<Value>(const std::string& name, const SourceRange& range)> resolve_local;
  // Resolves a bare `local` to the object of all locals.
  std::function<Result<Value>(const SourceRange& range)> resolve_all_locals;
};

class Evaluator {
 public:
  explicit Evaluator(EvalConfig config) : config_(std::move(config)) {}
  Result<Value> Eval(const Expr& e, const Scope& scope) const;

 private:
  Result<Value> EvalVariable(const VariableExpr& e, const Scope& scope) const;
  Result<Value> EvalGetAttr(const GetAttrExpr& e, const Scope& scope) const;
  Result<Value> EvalIndex(const IndexExpr& e, const Scope& scope) const;
  Result<Value> EvalSplat(const SplatExpr& e, const Scope& scope) const;
  Result<Value> EvalCall(const CallExpr& e, const Scope& scope) const;
  Result<Value> EvalTryCan(const CallExpr& e, const Scope& scope) const;
  Result<Value> EvalObject(const ObjectExpr& e, const Scope& scope) const;
  Result<Value> EvalFor(const ForExpr& e, const Scope& scope) const;
  Result<Value> EvalUnary(const UnaryExpr& e, const Scope& scope) const;
  Result<Value> EvalBinary(const BinaryExpr& e, const Scope& scope) const;
  Result<Value> EvalConditional(const ConditionalExpr& e, const Scope& scope) const;
  Result<std::string> EvalTemplateParts(const TemplateExpr& e, const Scope& scope) const;
  Status AppendTemplatePart(const Expr& part, const Scope& scope, std::string* out) const;

  EvalConfig config_;
};

// A status carrying "file:line:col: summary[: detail]".
Status ErrorAt(const SourceRange& r, const std::string& summary, const std::string& detail = "");
// A status for an error that was already recorded elsewhere (a broken
// local referenced again); document evaluation does not repeat it.
Status AlreadyReported();
bool IsAlreadyReported(const Status& s);

// Operators, shared with tests.
Result<Value> ApplyBinary(Operator op, const Value& lhs, const Value& rhs, const SourceRange& r);
Result<Value> ApplyUnary(Operator op, const Value& v, const SourceRange& r);
Result<Value> IndexValue(const Value& coll, const Value& key, const SourceRange& r);
Result<Value> GetAttrValue(const Value& obj, const std::string& name, const SourceRange& r);

}  // namespace strata::hcl
