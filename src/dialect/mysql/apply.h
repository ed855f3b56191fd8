// Applying a plan on MySQL/MariaDB. DDL commits implicitly there, so a plan
// is never one transaction: statements run one by one, and on a failure
// the report and the error say exactly which statements were already
// applied (they stay applied).
#pragma once

#include "base/status.h"
#include "db/conn.h"
#include "dialect/driver.h"
#include "plan/plan.h"

namespace strata::dialect::mysql {

// Runs p's statements in order. On failure: report->applied holds the
// statements that ran, error_stmt the failing one, pending the rest; the
// error reads "mysql: executing statement: <stmt>: <server message>" and,
// when statements were applied before it, lists them.
Status ApplyPlan(db::Conn& conn, const plan::Plan& p, const ApplyOptions& opts, ApplyReport* report);

}  // namespace strata::dialect::mysql
