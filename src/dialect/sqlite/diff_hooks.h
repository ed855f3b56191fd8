// How the generic differ compares SQLite states (Atlas's sql/sqlite/diff.go).
#pragma once

#include "diff/differ.h"

namespace strata::dialect::sqlite {

class SqliteDiffHooks : public diff::DiffHooks {
 public:
  // See normalize.h.
  void NormalizeTable(schema::Table& t) const override;
  // Types are equal when they belong to the same family (types.h ClassOf):
  // SQLite only has type affinities, so Atlas compares the family only.
  bool TypesEqual(const schema::Type& a, const schema::Type& b) const override;
  // Atlas's rule: the same text, or the same value once unquoted ('a' and
  // "a"); raw expressions also match modulo whitespace, case and wrapping
  // parentheses (SQLite reports DEFAULT (1+2) as 1+2).
  bool DefaultsEqual(const std::optional<schema::Expr>& a,
                     const std::optional<schema::Expr>& b) const override;
  bool ExprEqual(const std::string& a, const std::string& b) const override;
  // Only auto_increment has a meaning here (collate is compared by the
  // differ after NormalizeTable).
  bool ColumnOptionsEqual(const schema::Column& a, const schema::Column& b) const override;
  // SQLite indexes have no options (partial predicates are Index::where).
  bool IndexOptionsEqual(const schema::Index& a, const schema::Index& b) const override;
  // strict and without_rowid are flags ("" == "false"); other keys are not
  // SQLite table options and never produce a change.
  bool TableOptionEqual(const std::string& key, const std::string& a, const std::string& b) const override;
};

}  // namespace strata::dialect::sqlite
