// Inspection of MySQL/MariaDB databases (= schemas) into the schema model,
// with a fixed number of bulk information_schema queries (queries.h).
// Option keys: CONVENTIONS.md and inspect.cc.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "db/conn.h"
#include "dialect/mysql/flavor.h"
#include "schema/schema.h"

namespace strata::dialect::mysql {

// Inspects the named schemas (empty = every schema except mysql,
// information_schema, performance_schema and sys). Schemas, tables, views
// and triggers come back in name order. Runs kInspectQueries queries
// whatever the number of objects.
Result<schema::Realm> InspectSchemas(db::Conn& conn, const std::vector<std::string>& names, const Flavor& flavor);

// The number of queries InspectSchemas runs when it finds at least one schema.
inline constexpr int kInspectQueries = 13;

// A COLUMN_DEFAULT value to the model, in one form for both servers:
// string literals single-quoted ('x'), numbers and bit literals as written,
// CURRENT_TIMESTAMP[(p)] in upper case, other expressions raw without outer
// parentheses; nullopt for no default and for NULL. MariaDB quotes string
// literals and prints 'NULL' for a NULL default; MySQL prints literals bare
// and flags expressions with DEFAULT_GENERATED in `extra`.
std::optional<schema::Expr> ParseDefault(const std::optional<std::string>& value, const std::string& column_type,
                                         const std::string& extra, const Flavor& flavor);

// The ON UPDATE expression of an EXTRA text ("on update current_timestamp(3)"
// -> "CURRENT_TIMESTAMP(3)"), or "".
std::string OnUpdate(const std::string& extra);

// `def` with every "`schema`." qualifier outside string literals removed
// (view definitions name their own schema, which differs on a dev database).
std::string Unqualify(const std::string& def, const std::string& schema);

}  // namespace strata::dialect::mysql
