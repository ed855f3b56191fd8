// Default DiffHooks behaviour; dialects override what differs.
#include "base/strings.h"
#include "diff/differ.h"

namespace strata::diff {

bool DiffHooks::TypesEqual(const schema::Type& a, const schema::Type& b) const {
  if (a.unsupported || b.unsupported || a.name.empty() || b.name.empty())
    return CanonicalExpr(a.raw) == CanonicalExpr(b.raw);
  if (a.name != b.name || a.is_unsigned != b.is_unsigned || a.args.size() != b.args.size()) return false;
  for (size_t i = 0; i < a.args.size(); ++i)
    if (CanonicalExpr(a.args[i]) != CanonicalExpr(b.args[i])) return false;
  return true;
}

bool DiffHooks::DefaultsEqual(const std::optional<schema::Expr>& a,
                              const std::optional<schema::Expr>& b) const {
  if (!a || !b) return a.has_value() == b.has_value();
  return CanonicalExpr(a->text) == CanonicalExpr(b->text);
}

bool DiffHooks::ExprEqual(const std::string& a, const std::string& b) const {
  return CanonicalExpr(a) == CanonicalExpr(b);
}

bool DiffHooks::ViewDefEqual(const std::string& a, const std::string& b) const {
  std::string x = Trim(a), y = Trim(b);
  while (EndsWith(x, ";")) x = Trim(x.substr(0, x.size() - 1));
  while (EndsWith(y, ";")) y = Trim(y.substr(0, y.size() - 1));
  return CanonicalExpr(x) == CanonicalExpr(y);
}

bool DiffHooks::TriggerDefEqual(const std::string& a, const std::string& b) const {
  return ViewDefEqual(a, b);
}

bool DiffHooks::ObjectEqual(const schema::Object& a, const schema::Object& b) const {
  return a.kind == b.kind && a.name == b.name && a.signature == b.signature &&
         a.values == b.values && a.comment == b.comment && a.options == b.options &&
         ViewDefEqual(a.def, b.def);
}

bool DiffHooks::ColumnOptionsEqual(const schema::Column& a, const schema::Column& b) const {
  return a.options == b.options;
}

bool DiffHooks::IndexOptionsEqual(const schema::Index& a, const schema::Index& b) const {
  return a.options == b.options;
}

bool DiffHooks::SchemaOptionEqual(const std::string& key, const std::string& a,
                                  const std::string& b) const {
  return a == b;
}

bool DiffHooks::TableOptionEqual(const std::string& key, const std::string& a,
                                 const std::string& b) const {
  return a == b;
}

}  // namespace strata::diff
