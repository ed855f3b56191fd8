// Migration planning for SQLite (Atlas's sql/sqlite/migrate.go): the SQL
// statements for a change list, each with its reverse.
//
// ALTER TABLE in SQLite can only add and rename columns, so a modified table
// is changed in place only when every change is a column rename, an index
// change or a simple column addition. Anything else rebuilds the table:
//   PRAGMA foreign_keys = off                  (once, first in the plan)
//   CREATE TABLE `new_t` (...desired...)
//   INSERT INTO `new_t` (...) SELECT ... FROM `t`
//   DROP TABLE `t`
//   ALTER TABLE `new_t` RENAME TO `t`
//   CREATE INDEX ... (the desired indexes)
//   PRAGMA foreign_keys = on                   (once, last in the plan)
// Every statement's reverse undoes exactly that statement from the state it
// left, so running all reverses backwards restores the original table and
// its rows (as far as dropped columns allow).
#pragma once

#include "base/status.h"
#include "plan/plan.h"
#include "schema/changes.h"

namespace strata::dialect::sqlite {

// Orders `changes` with plan::OrderChanges and plans them.
Result<plan::Plan> PlanChanges(const schema::ChangeList& changes, const plan::PlanOptions& opts);

}  // namespace strata::dialect::sqlite
