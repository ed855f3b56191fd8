// SQLite's HCL surface (Atlas's `sql/sqlite/sqlspec.go` behaviour) as data
// for the generic schema <-> HCL codec in spec/.
#pragma once

#include "spec/dialect_spec.h"

namespace strata::dialect::sqlite {

// The SQLite dialect spec: SqliteTypes(), table `without_rowid`/`strict`,
// column `auto_increment`, partial indexes, VIRTUAL generated columns by
// default, and the Pro `view`/`trigger` blocks.
const spec::DialectSpec& SqliteSpec();

}  // namespace strata::dialect::sqlite
