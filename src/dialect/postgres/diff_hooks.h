// How the generic differ compares PostgreSQL states (Atlas's
// sql/postgres/diff.go rules, on Strata's model).
#pragma once

#include "diff/differ.h"

namespace strata::dialect::postgres {

class PostgresDiffHooks : public diff::DiffHooks {
 public:
  // See normalize.h.
  void NormalizeTable(schema::Table& t) const override;
  // Canonical types compare by name and arguments; "varchar" and "character
  // varying", "int4" and "integer", "timestamp(6)" and "timestamp" are equal.
  // Serial types equal their integer types (the sequence is the default).
  bool TypesEqual(const schema::Type& a, const schema::Type& b) const override;
  // Defaults compare without redundant literal casts ('x'::text == 'x') and
  // quoted numbers equal unquoted ones ('1' == 1).
  bool DefaultsEqual(const std::optional<schema::Expr>& a,
                     const std::optional<schema::Expr>& b) const override;
  // Expressions compare modulo whitespace, case, parentheses and literal casts.
  bool ExprEqual(const std::string& a, const std::string& b) const override;
  bool IndexOptionsEqual(const schema::Index& a, const schema::Index& b) const override;
  // "unlogged" is a flag ("" == "false"); "partition" compares case-insensitively.
  bool TableOptionEqual(const std::string& key, const std::string& a, const std::string& b) const override;
  // PostgreSQL views pin the types of the columns they select: a column type
  // change or drop re-creates the views above it (diff/view_deps.cc).
  bool RecreateDependentViews() const override { return true; }
  // Enums, domains, composites, sequences, extensions: diff_types.h.
  bool ObjectEqual(const schema::Object& a, const schema::Object& b) const override;
};

}  // namespace strata::dialect::postgres
