// A dialect's column types as data: which SQL type names exist, how many
// arguments they take, and how they are spelled in HCL. Parsing, printing
// and the HCL mapping are generic; each dialect only lists its types.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "schema/schema.h"

namespace strata::spec {

struct TypeDef {
  std::string name;          // canonical SQL name, lower-case: "varchar", "double precision"
  int max_args = 0;          // 0: takes no arguments; -1: any number (enum-like)
  bool string_args = false;  // arguments are quoted strings (enum("a","b"))
  std::vector<std::string> aliases;  // other SQL spellings that mean the same ("int4")
  // HCL identifier when it is not the name with '_' for spaces
  // (PostgreSQL "interval day to second" is `day_to_second`).
  std::string hcl_name;
};

class TypeRegistry {
 public:
  explicit TypeRegistry(std::vector<TypeDef> defs) : defs_(std::move(defs)) {}

  // "VARCHAR(255)", "double precision", "unsigned big int" -> Type. Names are
  // lower-cased and whitespace-normalized; unknown names get unsupported=true
  // and keep their raw text.
  schema::Type ParseSQL(const std::string& raw) const;
  // The SQL text for a type: "varchar(255)", or raw for unsupported ones.
  std::string ToSQL(const schema::Type& t) const;
  // HCL spelling: "int", "varchar(255)", "double_precision", or sql("raw").
  std::string ToHCL(const schema::Type& t) const;
  // From an HCL identifier or call: name "double_precision", args {"10","2"}.
  Result<schema::Type> FromHCL(const std::string& hcl_name, const std::vector<std::string>& args) const;

  const TypeDef* Find(const std::string& sql_name) const;
  const std::vector<TypeDef>& defs() const { return defs_; }

 private:
  std::vector<TypeDef> defs_;
};

}  // namespace strata::spec
