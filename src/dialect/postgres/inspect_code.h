// Inspection of views, materialized views (with their indexes), functions,
// procedures, triggers and row-level security policies: five bulk queries
// (queries_code.h) for all the inspected schemas together.
#pragma once

#include "base/status.h"
#include "db/conn.h"
#include "schema/schema.h"

namespace strata::dialect::postgres {

// Adds the views, triggers and objects of realm's schemas (already listed in
// realm) to them.
Status InspectCode(db::Conn& conn, schema::Realm& realm);

// Splits pg_get_triggerdef text into schema::Trigger options and the
// "EXECUTE FUNCTION f(args)" definition, so that the statement can be
// rendered again for another schema. Leaves the whole statement in def
// (no options) when it has clauses the options cannot hold (REFERENCING,
// FROM, DEFERRABLE: constraint triggers). Exposed for tests.
void SetTriggerDefinition(const std::string& triggerdef, schema::Trigger& t);

}  // namespace strata::dialect::postgres
