#include "dialect/sqlite/diff_hooks.h"

#include "base/strings.h"
#include "dialect/sqlite/literal.h"
#include "dialect/sqlite/normalize.h"
#include "dialect/sqlite/types.h"

namespace strata::dialect::sqlite {

void SqliteDiffHooks::NormalizeTable(schema::Table& t) const { sqlite::NormalizeTable(t); }

// Atlas compares only the affinity family (int == integer, varchar(10) ==
// varchar(20)). Strata compares the declared type: SQLite keeps it in its
// catalog, and "INTEGER PRIMARY KEY" (a rowid alias) differs from "INT
// PRIMARY KEY". Spelling case and spacing do not matter.
bool SqliteDiffHooks::TypesEqual(const schema::Type& a, const schema::Type& b) const {
  return EqualFold(FormatType(a), FormatType(b));
}

bool SqliteDiffHooks::DefaultsEqual(const std::optional<schema::Expr>& a,
                                    const std::optional<schema::Expr>& b) const {
  if (!a || !b) return a.has_value() == b.has_value();
  if (a->text == b->text) return true;
  auto x = Unquote(a->text), y = Unquote(b->text);
  if (!x.ok() || !y.ok()) return false;
  if (*x == *y) return true;
  // Quoted values are data: compare them byte for byte (done above).
  bool quoted =
      IsQuoted(a->text, '\'') || IsQuoted(a->text, '"') || IsQuoted(b->text, '\'') || IsQuoted(b->text, '"');
  return !quoted && diff::CanonicalExpr(a->text) == diff::CanonicalExpr(b->text);
}

bool SqliteDiffHooks::ExprEqual(const std::string& a, const std::string& b) const {
  return diff::CanonicalExpr(a) == diff::CanonicalExpr(b);
}

bool SqliteDiffHooks::ColumnOptionsEqual(const schema::Column& a, const schema::Column& b) const {
  return a.options.Flag("auto_increment") == b.options.Flag("auto_increment");
}

bool SqliteDiffHooks::IndexOptionsEqual(const schema::Index&, const schema::Index&) const { return true; }

bool SqliteDiffHooks::TableOptionEqual(const std::string& key, const std::string& a,
                                       const std::string& b) const {
  if (key == "strict" || key == "without_rowid") return (a == "true") == (b == "true");
  return true;
}

}  // namespace strata::dialect::sqlite
