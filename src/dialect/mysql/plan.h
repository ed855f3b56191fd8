// Migration planning for MySQL and MariaDB (Atlas's sql/mysql/migrate.go):
// the SQL statements for a change list, each with its reverse.
//
// Schemas: CREATE DATABASE `s` [CHARSET x] [COLLATE y], reverse DROP
// DATABASE; ALTER DATABASE for charset/collate. Tables: CREATE TABLE with
// every index, key and check inline and the table options after ")". A
// modified table is ONE `ALTER TABLE` statement whose clauses are the
// sub-changes in order, with a modified index or foreign key split into its
// DROP and its ADD (reference 7.4). Not transactional: MySQL commits DDL.
#pragma once

#include "base/status.h"
#include "dialect/mysql/flavor.h"
#include "plan/plan.h"
#include "schema/changes.h"

namespace strata::dialect::mysql {

// Orders `changes` with plan::OrderChanges and plans them for `flavor`.
Result<plan::Plan> PlanChanges(const schema::ChangeList& changes, const plan::PlanOptions& opts,
                               const Flavor& flavor);

}  // namespace strata::dialect::mysql
