// PostgreSQL's HCL surface (Atlas's `sql/postgres/sqlspec.go` behaviour) as
// data for the generic schema <-> HCL codec in spec/.
#pragma once

#include "spec/dialect_spec.h"

namespace strata::dialect::postgres {

// The PostgreSQL dialect spec: PostgresTypes(), index `type`, `where`,
// `nulls_distinct`, `page_per_range`, index-part `ops`/`nulls_first`/
// `nulls_last`, foreign-key `deferrable`, check `no_inherit`, STORED
// generated columns, and the Pro `view`/`materialized`/`trigger` blocks.
const spec::DialectSpec& PostgresSpec();

}  // namespace strata::dialect::postgres
