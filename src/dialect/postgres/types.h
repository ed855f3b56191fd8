// PostgreSQL's column types as data (the type list of Atlas's PostgreSQL
// HCL registry, reference 4.3) and the canonical reading of the type text
// the catalog reports through format_type().
#pragma once

#include <string>

#include "schema/schema.h"
#include "spec/type_registry.h"

namespace strata::dialect::postgres {

// Canonical names are the short SQL spellings: "varchar", "char",
// "timestamp", "timestamptz", "integer", "double precision", ...; the long
// forms ("character varying", "timestamp without time zone", "int4") are
// aliases.
const spec::TypeRegistry& PostgresTypes();

// Reads a type as format_type() prints it (or as a user wrote it in SQL):
//   "character varying(255)"            -> varchar(255)
//   "timestamp(3) without time zone"    -> timestamp(3)
//   "timestamp with time zone"          -> timestamptz
//   "time(6) without time zone"         -> time   (6 is the default precision)
//   "integer[]", "character varying(9)[]" -> unsupported (printed as sql("...")),
//                                          raw "integer[]", "varchar(9)[]"
//   "interval day to second(3)"         -> interval, raw kept
// Unknown names (enums, domains, extension types) are unsupported with
// their raw text.
schema::Type ParseType(const std::string& format_type);

// The canonical SQL text of a type ("varchar(255)", "integer[]").
std::string FormatType(const schema::Type& t);

// True for serial, bigserial, smallserial and their serialN aliases.
bool IsSerial(const std::string& canonical_name);

}  // namespace strata::dialect::postgres
