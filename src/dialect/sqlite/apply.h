// Executing SQLite plans: one transaction, foreign-key pragmas outside it,
// and a foreign-key check before COMMIT.
#pragma once

#include <string_view>

#include "base/status.h"
#include "db/conn.h"
#include "dialect/driver.h"
#include "plan/plan.h"

namespace strata::dialect::sqlite {

// Runs the plan's statements. With TxMode::kFile or kAll they run in one
// transaction; "PRAGMA foreign_keys" statements, which SQLite ignores inside
// a transaction, run before BEGIN (leading ones) or after COMMIT (the rest).
// When the plan toggles foreign keys or enforcement is on, violations that
// did not exist before the plan fail it and roll everything back. Errors read
// "sqlite: executing statement <stmt>: <cause>".
Status ApplyPlan(db::Conn& conn, const plan::Plan& p, const ApplyOptions& opts, ApplyReport* report);

// Executes a SQL script statement by statement (no implicit transaction:
// scripts may manage their own). Errors read "<file>:<line>:<col>: <cause>"
// with the position of the failing statement.
Status ExecScript(db::Conn& conn, std::string_view sql, const std::string& filename);

}  // namespace strata::dialect::sqlite
