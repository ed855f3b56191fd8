// Planning of functions, procedures and policies (plan_objects.cc
// dispatches here by Object::kind), materialized view indexes and the
// check_function_bodies setting of plans that create routines.
#pragma once

#include <vector>

#include "base/status.h"
#include "dialect/postgres/render.h"
#include "plan/plan.h"
#include "schema/changes.h"

namespace strata::dialect::postgres::internal {

// Kinds handled here: function, procedure, policy.
bool IsCodeObject(const schema::Object& o);
Status PlanAddCode(const schema::Object& o, const RenderOptions& ro, std::vector<plan::PlannedChange>* out);
Status PlanDropCode(const schema::Object& o, const RenderOptions& ro, std::vector<plan::PlannedChange>* out);
// Functions: CREATE OR REPLACE when PostgreSQL allows it (same kind, return
// type, argument names and modes, no default removed), else DROP + CREATE.
// Policies: DROP + CREATE. Comment-only changes: COMMENT ON.
Status PlanModifyCode(const schema::ModifyObject& m, const RenderOptions& ro,
                      std::vector<plan::PlannedChange>* out);

// CREATE INDEX statements of a materialized view, with their reverses.
std::vector<plan::PlannedChange> ViewIndexChanges(const schema::View& v, const RenderOptions& ro,
                                                  const std::string& source);

// Like pg_dump, plans that create or replace routines whose body the server
// would check at creation (LANGUAGE sql or plpgsql with an `AS` body) start
// with SET check_function_bodies = off: a body may name tables or routines
// created later in the same plan. SQL-standard bodies (BEGIN ATOMIC,
// RETURN) are always checked; the orderer puts them after the objects their
// dependencies name.
bool NeedsBodyChecksOff(const schema::ChangeList& changes);
plan::PlannedChange BodyChecksOff();

}  // namespace strata::dialect::postgres::internal
