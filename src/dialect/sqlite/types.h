// SQLite's column types as data (Atlas's SQLite type registry, plus a few
// common spellings SQLite accepts).
#pragma once

#include <string>

#include "spec/type_registry.h"

namespace strata::dialect::sqlite {

const spec::TypeRegistry& SqliteTypes();

// The family a declared type belongs to, as Atlas's sql/sqlite ParseType
// assigns it (SQLite's type affinities).
enum class TypeClass {
  kBool,
  kBinary,
  kInteger,
  kFloat,
  kDecimal,
  kString,
  kJSON,
  kTime,
  kUUID,
  kUserDefined,
};

TypeClass ClassOf(const schema::Type& t);

// The type as printed in DDL: the lower-cased base name with its arguments
// for known families ("VARCHAR(255)" -> "varchar(255)"; Atlas drops the
// arguments, Strata keeps what SQLite's catalog shows), or the declaration
// verbatim for user-defined types. An omitted type is "blob".
std::string FormatType(const schema::Type& t);

// Parses a declared column type (pragma_table_xinfo's `type`). An empty
// declaration keeps raw "" and gets the name "blob", SQLite's affinity for
// untyped columns and Atlas's reading of it.
schema::Type ParseColumnType(const std::string& decl);

}  // namespace strata::dialect::sqlite
