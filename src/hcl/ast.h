// The HCL syntax tree. Every node keeps its source range. Expressions are a
// small class hierarchy tagged by ExprKind; use As<T>() to downcast.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/source.h"
#include "hcl/hcl.h"

namespace strata::hcl {

enum class ExprKind {
  kLiteral,       // number, bool, null, or a literal template part
  kTemplate,      // "a ${b} c", heredocs
  kTemplateWrap,  // "${x}": a template that is a single interpolation
  kTemplateIf,    // %{ if c }..%{ else }..%{ endif }, inside a template
  kTemplateFor,   // %{ for k, v in c }..%{ endfor }, inside a template
  kVariable,      // a root identifier: foo
  kGetAttr,       // x.name
  kIndex,         // x[key], x.0 (legacy)
  kSplat,         // x[*].a, x.*.a
  kAnonSymbol,    // the element placeholder inside a splat
  kCall,          // f(a, b...)
  kTuple,         // [a, b]
  kObject,        // { k = v }
  kFor,           // [for ..] or {for ..}
  kUnary,         // -x, !x
  kBinary,        // a + b
  kConditional,   // c ? a : b
  kParens,        // (x)
};

enum class Operator {
  kNegate,
  kNot,
  kOr,
  kAnd,
  kEqual,
  kNotEqual,
  kLess,
  kLessEq,
  kGreater,
  kGreaterEq,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kMod,
};
const char* OperatorSymbol(Operator op);

struct Expr {
  explicit Expr(ExprKind k) : kind(k) {}
  virtual ~Expr() = default;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  template <typename T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }

  ExprKind kind;
  SourceRange range;
};
using ExprPtr = std::unique_ptr<Expr>;

struct LiteralExpr : Expr {
  LiteralExpr() : Expr(ExprKind::kLiteral) {}
  Value value;
};

struct TemplateExpr : Expr {
  TemplateExpr() : Expr(ExprKind::kTemplate) {}
  // Literal string parts, interpolated expressions, kTemplateIf/kTemplateFor.
  std::vector<ExprPtr> parts;
  bool heredoc = false;
};

struct TemplateWrapExpr : Expr {
  TemplateWrapExpr() : Expr(ExprKind::kTemplateWrap) {}
  ExprPtr wrapped;
};

struct TemplateIfExpr : Expr {
  TemplateIfExpr() : Expr(ExprKind::kTemplateIf) {}
  ExprPtr condition;
  ExprPtr then_part;  // a TemplateExpr
  ExprPtr else_part;  // a TemplateExpr, or null
};

struct TemplateForExpr : Expr {
  TemplateForExpr() : Expr(ExprKind::kTemplateFor) {}
  std::string key_var;  // empty when only a value variable is declared
  std::string value_var;
  ExprPtr collection;
  ExprPtr body;  // a TemplateExpr
};

struct VariableExpr : Expr {
  VariableExpr() : Expr(ExprKind::kVariable) {}
  std::string name;
};

struct GetAttrExpr : Expr {
  GetAttrExpr() : Expr(ExprKind::kGetAttr) {}
  ExprPtr object;
  std::string name;
  SourceRange name_range;
};

struct IndexExpr : Expr {
  IndexExpr() : Expr(ExprKind::kIndex) {}
  ExprPtr collection;
  ExprPtr key;
  bool legacy = false;  // written as x.0
};

struct SplatExpr : Expr {
  SplatExpr() : Expr(ExprKind::kSplat) {}
  ExprPtr source;
  ExprPtr each;       // evaluated per element, relative to an AnonSymbolExpr
  bool full = false;  // [*] rather than .*
};

struct AnonSymbolExpr : Expr {
  AnonSymbolExpr() : Expr(ExprKind::kAnonSymbol) {}
};

struct CallExpr : Expr {
  CallExpr() : Expr(ExprKind::kCall) {}
  std::string name;
  SourceRange name_range;
  std::vector<ExprPtr> args;
  bool expand_final = false;  // f(a, list...)
};

struct TupleExpr : Expr {
  TupleExpr() : Expr(ExprKind::kTuple) {}
  std::vector<ExprPtr> items;
};

struct ObjectItem {
  ExprPtr key;
  // Set when the key is a bare identifier (or true/false/null) written
  // without parentheses: it names the attribute literally.
  std::string literal_key;
  bool has_literal_key = false;
  ExprPtr value;
};

struct ObjectExpr : Expr {
  ObjectExpr() : Expr(ExprKind::kObject) {}
  std::vector<ObjectItem> items;
};

struct ForExpr : Expr {
  ForExpr() : Expr(ExprKind::kFor) {}
  std::string key_var;  // empty when only a value variable is declared
  std::string value_var;
  ExprPtr collection;
  ExprPtr key;  // object for only
  ExprPtr value;
  ExprPtr condition;  // optional
  bool object = false;
  bool group = false;  // value followed by "..."
};

struct UnaryExpr : Expr {
  UnaryExpr() : Expr(ExprKind::kUnary) {}
  Operator op = Operator::kNegate;
  ExprPtr operand;
};

struct BinaryExpr : Expr {
  BinaryExpr() : Expr(ExprKind::kBinary) {}
  Operator op = Operator::kAdd;
  ExprPtr lhs;
  ExprPtr rhs;
};

struct ConditionalExpr : Expr {
  ConditionalExpr() : Expr(ExprKind::kConditional) {}
  ExprPtr condition;
  ExprPtr true_result;
  ExprPtr false_result;
};

struct ParensExpr : Expr {
  ParensExpr() : Expr(ExprKind::kParens) {}
  ExprPtr inner;
};

// ---- Structure ----
struct Body;

struct AttributeNode {
  std::string name;
  ExprPtr expr;
  SourceRange range;  // name through the end of the expression
  SourceRange name_range;
};

struct BlockNode {
  std::string type;
  std::vector<std::string> labels;
  std::vector<SourceRange> label_ranges;
  std::unique_ptr<Body> body;
  SourceRange range;  // type and labels (the header)
  SourceRange type_range;
  SourceRange open_brace_range;
  SourceRange close_brace_range;
};

struct Body {
  std::vector<AttributeNode> attributes;  // source order
  std::vector<BlockNode> blocks;          // source order
  SourceRange range;

  const AttributeNode* Attr(const std::string& name) const;
};

struct File {
  std::string filename;
  std::string source;
  Body body;
};

}  // namespace strata::hcl
