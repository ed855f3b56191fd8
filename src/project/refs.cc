#include "project/refs.h"

namespace strata::project {
namespace {

using hcl::ExprKind;

// The root variable name and the attribute names after it (x.a.b -> x, {a, b}).
bool Traversal(const hcl::Expr& e, std::string* root, std::vector<std::string>* names) {
  if (e.kind == ExprKind::kVariable) {
    *root = e.As<hcl::VariableExpr>().name;
    return true;
  }
  if (e.kind == ExprKind::kGetAttr) {
    const auto& g = e.As<hcl::GetAttrExpr>();
    if (!Traversal(*g.object, root, names)) return false;
    names->push_back(g.name);
    return true;
  }
  return false;
}

void Walk(const hcl::Expr* e, std::vector<Reference>* out) {
  if (e == nullptr) return;
  switch (e->kind) {
    case ExprKind::kLiteral:
    case ExprKind::kAnonSymbol:
      return;
    case ExprKind::kVariable:
      if (e->As<hcl::VariableExpr>().name == "local") out->push_back({Reference::Kind::kAllLocals, "", "", e->range});
      return;
    case ExprKind::kGetAttr: {
      std::string root;
      std::vector<std::string> names;
      if (Traversal(*e, &root, &names)) {
        if (root == "local" && !names.empty()) {
          out->push_back({Reference::Kind::kLocal, "", names[0], e->range});
          return;
        }
        if (root == "data" && names.size() >= 2) {
          out->push_back({Reference::Kind::kData, names[0], names[1], e->range});
          return;
        }
        if (root == "atlas" && names.size() == 1 && names[0] == "env")
          out->push_back({Reference::Kind::kAtlasEnv, "", "", e->range});
        return;  // a plain traversal has nothing else inside
      }
      Walk(e->As<hcl::GetAttrExpr>().object.get(), out);
      return;
    }
    case ExprKind::kTemplate:
      for (const auto& p : e->As<hcl::TemplateExpr>().parts) Walk(p.get(), out);
      return;
    case ExprKind::kTemplateWrap:
      Walk(e->As<hcl::TemplateWrapExpr>().wrapped.get(), out);
      return;
    case ExprKind::kTemplateIf: {
      const auto& t = e->As<hcl::TemplateIfExpr>();
      Walk(t.condition.get(), out);
      Walk(t.then_part.get(), out);
      Walk(t.else_part.get(), out);
      return;
    }
    case ExprKind::kTemplateFor: {
      const auto& t = e->As<hcl::TemplateForExpr>();
      Walk(t.collection.get(), out);
      Walk(t.body.get(), out);
      return;
    }
    case ExprKind::kIndex: {
      const auto& i = e->As<hcl::IndexExpr>();
      Walk(i.collection.get(), out);
      Walk(i.key.get(), out);
      return;
    }
    case ExprKind::kSplat: {
      const auto& s = e->As<hcl::SplatExpr>();
      Walk(s.source.get(), out);
      Walk(s.each.get(), out);
      return;
    }
    case ExprKind::kCall:
      for (const auto& a : e->As<hcl::CallExpr>().args) Walk(a.get(), out);
      return;
    case ExprKind::kTuple:
      for (const auto& a : e->As<hcl::TupleExpr>().items) Walk(a.get(), out);
      return;
    case ExprKind::kObject:
      for (const auto& item : e->As<hcl::ObjectExpr>().items) {
        if (!item.has_literal_key) Walk(item.key.get(), out);
        Walk(item.value.get(), out);
      }
      return;
    case ExprKind::kFor: {
      const auto& f = e->As<hcl::ForExpr>();
      Walk(f.collection.get(), out);
      Walk(f.key.get(), out);
      Walk(f.value.get(), out);
      Walk(f.condition.get(), out);
      return;
    }
    case ExprKind::kUnary:
      Walk(e->As<hcl::UnaryExpr>().operand.get(), out);
      return;
    case ExprKind::kBinary:
      Walk(e->As<hcl::BinaryExpr>().lhs.get(), out);
      Walk(e->As<hcl::BinaryExpr>().rhs.get(), out);
      return;
    case ExprKind::kConditional: {
      const auto& c = e->As<hcl::ConditionalExpr>();
      Walk(c.condition.get(), out);
      Walk(c.true_result.get(), out);
      Walk(c.false_result.get(), out);
      return;
    }
    case ExprKind::kParens:
      Walk(e->As<hcl::ParensExpr>().inner.get(), out);
      return;
  }
}

}  // namespace

void CollectReferences(const hcl::Expr& e, std::vector<Reference>* out) { Walk(&e, out); }

}  // namespace strata::project
