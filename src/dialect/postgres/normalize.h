// Canonical form of PostgreSQL tables before diffing: spellings the server
// treats the same become one spelling, so only real differences become
// changes.
#pragma once

#include <string>

#include "schema/schema.h"

namespace strata::dialect::postgres {

// - Column types are re-read through ParseType ("character varying(9)" ->
//   varchar(9), "int4" -> integer, "timestamp(6)" -> timestamp).
// - Index types "BTREE" (the default) are dropped, other types upper-cased;
//   page_per_range "128" (BRIN's default) is dropped.
// - Boolean options set to "false" are dropped, except "nulls_distinct"
//   (whose default is true and is only kept when "false").
// - "identity" values are upper-cased ("by_default" -> "BY DEFAULT").
// - NO ACTION foreign-key actions become kNone-equivalent (kNoAction).
void NormalizeTable(schema::Table& t);

// A default expression without a redundant cast of a quoted literal:
// "'x'::text" -> "'x'", "'{}'::jsonb" -> "'{}'", "('x'::character varying)" -> "'x'".
// Other expressions are returned unchanged (trimmed, outer parentheses removed).
std::string StripLiteralCast(const std::string& expr);
// "((a > 0))" -> "a > 0" when the outer parentheses wrap the whole text
// (parentheses inside quotes do not count); the text is trimmed.
std::string StripOuterParens(std::string s);

}  // namespace strata::dialect::postgres
