// Names of user-defined types in column type text: "status",
// "public.status", "\"My Schema\".\"Status\"[]". The codec turns such names
// into HCL references (`enum.status`) and back; PostgreSQL-style double
// quotes are the only identifier quoting understood.
#pragma once

#include <optional>
#include <string>

namespace strata::spec {

struct TypeName {
  std::string schema;  // empty when unqualified
  std::string name;
  int dims = 0;  // trailing "[]" pairs
};

// Nullopt when raw is not a (possibly qualified) identifier with optional
// "[]" suffixes (e.g. "varchar(10)", "double precision").
std::optional<TypeName> ParseTypeName(const std::string& raw);
// "schema.name[]" with identifiers quoted when they are not plain
// lower-case words (what quote_ident does, minus keywords).
std::string FormatTypeName(const TypeName& t);
// An identifier as quote_ident would print it.
std::string QuoteIdentIfNeeded(const std::string& ident);

}  // namespace strata::spec
