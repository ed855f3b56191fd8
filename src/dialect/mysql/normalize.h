// Canonical form of MySQL/MariaDB tables before diffing: spellings and
// defaults the server treats the same become one form, so only real
// differences become changes.
#pragma once

#include <string>

#include "dialect/mysql/flavor.h"
#include "schema/schema.h"

namespace strata::dialect::mysql {

// - Column types are re-read through ParseType ("INTEGER(11)" -> int(11)).
// - Column charset/collate equal to the table's are dropped (inherited), and
//   so is a collation that is its charset's default (DefaultCollation).
// - MariaDB generated columns are nullable (it takes no NOT NULL on them).
// - The index InnoDB creates for a foreign key (named after the key, on its
//   columns) is dropped: it comes and goes with the key.
// - Flags set to "false" (auto_increment, invisible) are dropped; check
//   "enforced" = "true" (the default) is dropped.
// - Generated column types are upper-cased ("" -> VIRTUAL).
// - An explicit NULL default is no default.
// - Index type BTREE (the default) is dropped, others upper-cased; parser
//   names lower-cased; SPATIAL key parts lose their prefix (MariaDB
//   reports 32).
// - Foreign-key actions NO ACTION and RESTRICT (InnoDB's default, which
//   the servers report either way) become kNone.
// - Table engine is spelled as the server does (InnoDB, MyISAM, ...);
//   charset/collate lower-cased.
// - MariaDB keeps json as longtext plus a CHECK (json_valid(`c`)) named
//   after the column: such a column becomes json and the check goes.
void NormalizeTable(schema::Table& t, const Flavor& f);

// The default collation of a character set on the server ("latin1" ->
// "latin1_swedish_ci"), or "" when unknown.
std::string DefaultCollation(const std::string& charset, const Flavor& f);

// Canonical text of a SQL expression for comparison: backticks around
// identifiers removed, whitespace outside quotes removed, upper-cased
// outside quotes, redundant outer parentheses removed.
std::string CanonicalExpr(const std::string& e);

// Canonical text of a default value: quotes removed from literals, numbers
// in shortest form, true/false as 1/0, CURRENT_TIMESTAMP synonyms (now(), current_timestamp(),
// localtimestamp) as CURRENT_TIMESTAMP[(p)].
std::string CanonicalDefault(const std::string& e);

}  // namespace strata::dialect::mysql
