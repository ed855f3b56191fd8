// Migration planning for PostgreSQL (Atlas's sql/postgres/migrate.go): the
// SQL statements for a change list, each with its reverse.
//
// Schemas: CREATE SCHEMA [IF NOT EXISTS] "s" (IF NOT EXISTS always for
// "public"), reverse DROP SCHEMA "s" CASCADE; DROP SCHEMA "s" CASCADE has no
// reverse, as in Atlas. Tables: CREATE TABLE, then its plain indexes, then
// its comments; DROP TABLE reverses to all of those. A modified table is
//   DROP INDEX ...              (plain indexes that go or are rebuilt)
//   ALTER TABLE "t" a, b, ...   (constraint drops first; one statement)
//   CREATE INDEX ...            (plain indexes that come or are rebuilt)
//   COMMENT ON / RENAME ...     (each its own statement)
// The reverse of the ALTER TABLE is one ALTER TABLE built from the reversed
// sub-changes in reverse order.
#pragma once

#include "base/status.h"
#include "plan/plan.h"
#include "schema/changes.h"

namespace strata::dialect::postgres {

// Orders `changes` with plan::OrderChanges and plans them. Transactional.
Result<plan::Plan> PlanChanges(const schema::ChangeList& changes, const plan::PlanOptions& opts);

}  // namespace strata::dialect::postgres
