// MySQL's and MariaDB's column types as data (the type list of Atlas's MySQL
// HCL registry, reference 4.4) and the reading of information_schema's
// COLUMN_TYPE text.
#pragma once

#include <string>

#include "schema/schema.h"
#include "spec/type_registry.h"

namespace strata::dialect::mysql {

// Canonical names are the lower-case SQL spellings: "int", "bigint",
// "varchar", "double", "datetime", "enum", ... ; aliases: "integer" -> int,
// "bool"/"boolean" -> bool, "dec"/"fixed" -> decimal, "numeric" stays numeric.
const spec::TypeRegistry& MysqlTypes();

// Reads a COLUMN_TYPE text (or a type a user wrote in SQL):
//   "int(10) unsigned zerofill" -> int, args {"10"}, is_unsigned, raw keeps
//                                  "zerofill"; unsupported (printed raw,
//                                  sql("...") in HCL)
//   "enum('a','b')"             -> enum, args {"a","b"} (unquoted values)
//   "varchar(255)"              -> varchar(255)
//   "tinyint(1)"                -> tinyint(1)
//   "decimal(10,2)"             -> decimal(10,2)
// Unknown names are unsupported with their raw text.
schema::Type ParseType(const std::string& column_type);

// The canonical SQL text of a type: "int unsigned", "enum('a','b')",
// "varchar(255)", "int(10) unsigned zerofill".
std::string FormatType(const schema::Type& t);

// True when the type was declared ZEROFILL (kept in `raw`).
bool IsZerofill(const schema::Type& t);

}  // namespace strata::dialect::mysql
