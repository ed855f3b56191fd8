#include "dialect/postgres/apply.h"

#include <atomic>
#include <string>

#include "db/pq/conn.h"

namespace strata::dialect::postgres {
namespace {

class Runner {
 public:
  Runner(db::Conn& conn, const plan::Plan& p, ApplyReport* report, const std::atomic<bool>* interrupted)
      : conn_(conn), p_(p), report_(report), interrupted_(interrupted) {
    for (const auto& c : p.changes) report_->pending.push_back(c.cmd);
  }

  Status Exec(size_t i) {
    const std::string& cmd = p_.changes[i].cmd;
    if (interrupted_ != nullptr && interrupted_->load()) {
      return Fail(cmd, Status(Code::kAborted, "postgres: interrupted before statement " + std::to_string(i + 1) +
                                                  " of " + std::to_string(p_.changes.size())));
    }
    if (Status st = conn_.Exec(cmd); !st.ok()) {
      report_->pending.erase(report_->pending.begin());
      return Fail(cmd, Status(Code::kExec, "postgres: executing statement " + cmd + ": " + db::pq::Cause(st)));
    }
    report_->applied.push_back(cmd);
    report_->pending.erase(report_->pending.begin());
    return Status::Ok();
  }

  Status Fail(const std::string& stmt, Status err) {
    report_->error_stmt = stmt;
    report_->error = err.message();
    return err;
  }

 private:
  db::Conn& conn_;
  const plan::Plan& p_;
  ApplyReport* report_;
  const std::atomic<bool>* interrupted_;
};

}  // namespace

Status ApplyPlan(db::Conn& conn, const plan::Plan& p, const ApplyOptions& opts, ApplyReport* report) {
  ApplyReport local;
  if (report == nullptr) report = &local;
  *report = ApplyReport{};
  Runner run(conn, p, report, opts.interrupted);
  const size_t n = p.changes.size();
  if (opts.tx_mode == TxMode::kNone || !p.transactional) {
    for (size_t i = 0; i < n; ++i) RETURN_IF_ERROR(run.Exec(i));
    return Status::Ok();
  }
  if (Status st = conn.Begin(); !st.ok()) {
    return run.Fail("BEGIN", Status(Code::kExec, "postgres: starting transaction: " + db::pq::Cause(st)));
  }
  for (size_t i = 0; i < n; ++i) {
    if (Status st = run.Exec(i); !st.ok()) {
      // The server already aborted the transaction; ROLLBACK ends it.
      (void)conn.Rollback();
      // As in the SQLite dialect, `applied` lists what ran before the
      // failure; the rollback undid it.
      return st;
    }
  }
  if (Status st = conn.Commit(); !st.ok()) {
    (void)conn.Rollback();
    return run.Fail("COMMIT", Status(Code::kExec, "postgres: committing: " + db::pq::Cause(st)));
  }
  return Status::Ok();
}

}  // namespace strata::dialect::postgres
