// Canonical form of MySQL/MariaDB tables before diffing: spellings and
// defaults the server treats the same become one form, so only real
// differences become changes.
#pragma once

#include <string>

#include "dialect/mysql/flavor.h"
#include "schema/schema.h"

namespace strata::dialect::mysql {

// - Column types are re-read through ParseType ("INTEGER(11)" -> int(11)).
// - Column charset/collate equal to the table's are dropped (inherited).
// - Flags set to "false" (auto_increment, invisible) are dropped; check
//   "enforced" = "true" (the default) is dropped.
// - Generated column types are upper-cased ("" -> VIRTUAL).
// - An explicit NULL default is no default.
// - Index type BTREE (the default) is dropped, others upper-cased; parser
//   names lower-cased.
// - Foreign-key actions NO ACTION and RESTRICT (InnoDB's default, which
//   the servers report either way) become kNone.
// - Table engine is spelled as the server does (InnoDB, MyISAM, ...);
//   charset/collate lower-cased.
// - MariaDB keeps json as longtext plus a CHECK (json_valid(`c`)) named
//   after the column: such a column becomes json and the check goes.
void NormalizeTable(schema::Table& t, const Flavor& f);

// Canonical text of a SQL expression for comparison: backticks around
// identifiers removed, whitespace outside quotes removed, upper-cased
// outside quotes, redundant outer parentheses removed.
std::string CanonicalExpr(const std::string& e);

// Canonical text of a default value: quotes removed from literals, numbers
// in shortest form, CURRENT_TIMESTAMP synonyms (now(), current_timestamp(),
// localtimestamp) as CURRENT_TIMESTAMP[(p)].
std::string CanonicalDefault(const std::string& e);

}  // namespace strata::dialect::mysql
