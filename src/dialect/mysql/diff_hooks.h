// How the generic differ compares MySQL/MariaDB states (Atlas's
// sql/mysql/diff.go rules, on Strata's model).
#pragma once

#include "diff/differ.h"
#include "dialect/mysql/flavor.h"

namespace strata::dialect::mysql {

class MysqlDiffHooks : public diff::DiffHooks {
 public:
  explicit MysqlDiffHooks(Flavor f) : flavor_(f) {}

  // See normalize.h.
  void NormalizeTable(schema::Table& t) const override;
  // Canonical types compare by name, arguments and unsigned; integer display
  // widths are ignored (except tinyint(1), MySQL's bool); bool == tinyint(1).
  bool TypesEqual(const schema::Type& a, const schema::Type& b) const override;
  // Quoted numbers equal unquoted ones ('1' == 1); current_timestamp() ==
  // CURRENT_TIMESTAMP == now(); an explicit NULL default equals none.
  bool DefaultsEqual(const std::optional<schema::Expr>& a,
                     const std::optional<schema::Expr>& b) const override;
  // Expressions compare modulo whitespace, case, backticks and parentheses.
  bool ExprEqual(const std::string& a, const std::string& b) const override;
  bool ColumnOptionsEqual(const schema::Column& a, const schema::Column& b) const override;
  // Index type BTREE is the default; "parser" compares case-insensitively.
  bool IndexOptionsEqual(const schema::Index& a, const schema::Index& b) const override;
  // engine/charset/collate compare case-insensitively, an absent engine is
  // InnoDB; auto_increment is compared only when both sides set it.
  bool TableOptionEqual(const std::string& key, const std::string& a, const std::string& b) const override;
  // charset/collate left out of the desired state keep the server's.
  bool SchemaOptionEqual(const std::string& key, const std::string& a, const std::string& b) const override;

  const Flavor& flavor() const { return flavor_; }

 private:
  Flavor flavor_;
};

}  // namespace strata::dialect::mysql
