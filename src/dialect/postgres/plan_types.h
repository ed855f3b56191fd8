// Planning of PostgreSQL's type-like objects (render_types.h), dispatched
// from plan_objects.cc. Each planned statement carries its reverse, except
// ALTER TYPE ... ADD VALUE, which PostgreSQL cannot undo (an enum value
// cannot be dropped): its reverse is empty and the plan is irreversible.
//
// A sequence OWNED BY a column is created before the tables (their
// defaults may call nextval() on it); its OWNED BY goes to `deferred`,
// which the planner appends after every other change, when the table
// exists. Dropping such a sequence uses IF EXISTS: dropping its table in
// the same plan drops it first.
#pragma once

#include <vector>

#include "base/status.h"
#include "dialect/postgres/render.h"
#include "plan/plan.h"
#include "schema/changes.h"

namespace strata::dialect::postgres::internal {

Status PlanAddType(const schema::Object& o, const RenderOptions& ro, std::vector<plan::PlannedChange>* out,
                   std::vector<plan::PlannedChange>* deferred);
Status PlanDropType(const schema::Object& o, const RenderOptions& ro, std::vector<plan::PlannedChange>* out);
// True when a statement after an ALTER TYPE ... ADD VALUE 'v' uses 'v':
// PostgreSQL rejects that inside the transaction that added the value
// ("unsafe use of new value"), so such a plan runs without one.
bool EnumValueUsedLater(const std::vector<plan::PlannedChange>& changes);

Status PlanModifyType(const schema::ModifyObject& m, const RenderOptions& ro,
                      std::vector<plan::PlannedChange>* out);

}  // namespace strata::dialect::postgres::internal
