// Executing PostgreSQL plans. PostgreSQL DDL is transactional, so a plan runs
// in one transaction (TxMode::kFile / kAll) and a failure rolls all of it
// back; with TxMode::kNone statements run one by one (e.g. CREATE INDEX
// CONCURRENTLY, which refuses transactions).
#pragma once

#include "base/status.h"
#include "db/conn.h"
#include "dialect/driver.h"
#include "plan/plan.h"

namespace strata::dialect::postgres {

// Runs the plan's statements, filling `report` (may be null). Stops between
// statements when opts.interrupted is set (kAborted). Errors read
// "postgres: executing statement <stmt>: <server message>".
Status ApplyPlan(db::Conn& conn, const plan::Plan& p, const ApplyOptions& opts, ApplyReport* report);

}  // namespace strata::dialect::postgres
