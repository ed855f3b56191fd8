// MySQL's HCL surface (Atlas's `sql/mysql/sqlspec.go` behaviour) as data for
// the generic schema <-> HCL codec in spec/.
#pragma once

#include "spec/dialect_spec.h"

namespace strata::dialect::mysql {

// The MySQL dialect spec: MysqlTypes(), schema charset/collate, table
// charset/collate/engine/auto_increment, column charset/collate/unsigned/
// auto_increment/on_update, index type/parser, index-part prefix, check
// enforced, and the Pro `view`/`trigger` blocks.
const spec::DialectSpec& MysqlSpec();

}  // namespace strata::dialect::mysql
