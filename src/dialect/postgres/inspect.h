// Inspection of PostgreSQL schemas into the schema model, with a fixed
// number of bulk catalog queries (queries.h). Option keys: see inspect.cc.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "db/conn.h"
#include "schema/schema.h"

namespace strata::dialect::postgres {

// Inspects the named schemas (empty = every schema except pg_* and
// information_schema). Schemas are returned in name order, tables too.
// Runs a fixed number of queries whatever the number of tables and objects
// (14: 6 for tables, 5 in inspect_code.h, 3 in inspect_types.h).
Result<schema::Realm> InspectSchemas(db::Conn& conn, const std::vector<std::string>& names);

// A PostgreSQL array in text form ("{a,\"b c\",NULL}") to its elements
// (NULL elements become ""). Exposed for tests.
std::vector<std::string> ParseTextArray(const std::string& text);
// The text-array literal for a list of strings ("{\"a\",\"b\"}").
std::string TextArrayLiteral(const std::vector<std::string>& items);

// A column default as the catalog prints it (pg_get_expr) to the model:
// "'x'::text" -> literal 'x', "42" and "'-1'::integer" -> literal 42/-1,
// "true" -> literal, anything else -> raw expression. Exposed for tests.
schema::Expr ParseDefault(const std::string& expr);

}  // namespace strata::dialect::postgres
