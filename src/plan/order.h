// Dependency ordering of a change list, shared by every dialect planner.
// Schemas are created before their tables, referenced tables before the
// tables that reference them, tables before views and triggers that use
// them; drops run in the reverse order. Ties keep the input order so plans
// are deterministic.
#pragma once

#include "schema/changes.h"

namespace strata::plan {

schema::ChangeList OrderChanges(schema::ChangeList changes);

}  // namespace strata::plan
