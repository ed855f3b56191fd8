// Atlas's --exclude patterns (sql/internal/sqlx/exclude.go) applied to an
// inspected schema. Patterns are dot-separated globs; inside a schema,
// "t*" removes tables (and views/triggers) and "t.c*" removes columns,
// indexes, foreign keys and checks of matching tables. A realm pattern has
// the schema glob in front ("main.t*").
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "schema/schema.h"

namespace strata::dialect {

Status ExcludeSchema(schema::Schema& s, const std::vector<std::string>& patterns);
// Realm patterns; a one-part pattern that matches removes the whole schema.
Status ExcludeRealm(schema::Realm& r, const std::vector<std::string>& patterns);

}  // namespace strata::dialect
