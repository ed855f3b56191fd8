// Inspection of SQLite's "main" schema with a fixed number of bulk queries:
// sqlite_schema joined with the table-valued pragma functions, whatever the
// number of tables. Facts the pragmas do not report are read from the
// stored CREATE statements (ddl.h).
#pragma once

#include "base/status.h"
#include "db/conn.h"
#include "schema/schema.h"

namespace strata::dialect::sqlite {

// The number of queries InspectMain runs, for tests and benchmarks.
inline constexpr int kInspectQueries = 6;

// Inspects every ordinary table (not virtual, shadow or sqlite_* internal
// tables), view and trigger of the "main" database.
Result<schema::Schema> InspectMain(db::Conn& conn);

}  // namespace strata::dialect::sqlite
