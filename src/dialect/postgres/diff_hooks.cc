#include "dialect/postgres/diff_hooks.h"

#include <regex>

#include "base/strings.h"
#include "dialect/postgres/diff_types.h"
#include "dialect/postgres/normalize.h"
#include "dialect/postgres/render_types.h"
#include "dialect/postgres/types.h"
#include "spec/partition.h"

namespace strata::dialect::postgres {
namespace {

std::string SerialBase(const std::string& n) {
  if (n == "serial" || n == "serial4") return "integer";
  if (n == "bigserial" || n == "serial8") return "bigint";
  if (n == "smallserial" || n == "serial2") return "smallint";
  return n;
}

std::string Canonical(const schema::Type& t) {
  schema::Type p = ParseType(t.unsupported || t.name.empty() ? t.raw : FormatType(t));
  if (!p.unsupported) p.name = SerialBase(p.name);
  return p.unsupported ? ToLower(diff::CanonicalExpr(p.raw)) : FormatType(p);
}

std::string Unquote(const std::string& s) {
  if (s.size() >= 2 && s.front() == '\'' && s.back() == '\'')
    return ReplaceAll(s.substr(1, s.size() - 2), "''", "'");
  return s;
}

// Removes "::type" casts that follow a quoted literal anywhere in an
// expression ("a = 'x'::text" -> "a = 'x'").
std::string StripCasts(const std::string& e) {
  static const std::regex kCast(
      R"(('(?:[^']|'')*')::(?:[a-z_][a-z0-9_ ]*?)(?:\([0-9, ]*\))?(?:\[\])*(?=$|[\s),=<>+\-*/|]))",
      std::regex::icase);
  return std::regex_replace(e, kCast, "$1");
}

}  // namespace

void PostgresDiffHooks::NormalizeTable(schema::Table& t) const { postgres::NormalizeTable(t); }

bool PostgresDiffHooks::TypesEqual(const schema::Type& a, const schema::Type& b) const {
  return Canonical(a) == Canonical(b);
}

bool PostgresDiffHooks::DefaultsEqual(const std::optional<schema::Expr>& a,
                                      const std::optional<schema::Expr>& b) const {
  if (!a || !b) return a.has_value() == b.has_value();
  std::string x = StripLiteralCast(a->text), y = StripLiteralCast(b->text);
  if (diff::CanonicalExpr(x) == diff::CanonicalExpr(y)) return true;
  // '1' and 1, 'x' and x for literal values.
  return Unquote(x) == Unquote(y);
}

bool PostgresDiffHooks::ExprEqual(const std::string& a, const std::string& b) const {
  return diff::CanonicalExpr(StripCasts(a)) == diff::CanonicalExpr(StripCasts(b));
}

bool PostgresDiffHooks::IndexOptionsEqual(const schema::Index& a, const schema::Index& b) const {
  schema::Index x = a, y = b;
  schema::Table t;
  t.indexes = {x, y};
  postgres::NormalizeTable(t);
  return t.indexes[0].options == t.indexes[1].options;
}

bool PostgresDiffHooks::ObjectEqual(const schema::Object& a, const schema::Object& b) const {
  if (IsTypeObject(a)) return TypeObjectsEqual(*this, a, b);
  return DiffHooks::ObjectEqual(a, b);
}

bool PostgresDiffHooks::TableOptionEqual(const std::string& key, const std::string& a,
                                         const std::string& b) const {
  if (key == "unlogged" || key == "row_security_enabled" || key == "row_security_enforced")
    return (a == "true") == (b == "true");
  if (key == "partition") {
    // "RANGE (at)" (pg_get_partkeydef) equals "RANGE (\"at\")" (HCL).
    auto x = spec::ParsePartitionKey(a), y = spec::ParsePartitionKey(b);
    if (!x || !y || x->type != y->type || x->parts.size() != y->parts.size())
      return diff::CanonicalExpr(a) == diff::CanonicalExpr(b);
    for (size_t i = 0; i < x->parts.size(); ++i) {
      const auto &p = x->parts[i], &q = y->parts[i];
      if (p.column != q.column || (p.column.empty() && !ExprEqual(p.expr, q.expr))) return false;
    }
    return true;
  }
  // A partition without a bound is the DEFAULT partition.
  if (key == "partition_bound")
    return ExprEqual(a.empty() ? "DEFAULT" : a, b.empty() ? "DEFAULT" : b);
  return a == b;
}

}  // namespace strata::dialect::postgres
