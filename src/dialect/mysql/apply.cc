#include "dialect/mysql/apply.h"

#include <string>

#include "base/strings.h"
#include "db/mysql/conn.h"

namespace strata::dialect::mysql {
namespace {

// The error with the statements that ran before it: they are committed.
std::string WithApplied(std::string msg, const std::vector<std::string>& applied) {
  if (applied.empty()) return msg;
  msg += "\nstatements applied before the failure (MySQL commits DDL at once; they were not rolled back):";
  for (const auto& s : applied) msg += "\n  " + ReplaceAll(s, "\n", "\n  ") + ";";
  return msg;
}

}  // namespace

Status ApplyPlan(db::Conn& conn, const plan::Plan& p, const ApplyOptions& opts, ApplyReport* report) {
  ApplyReport local;
  if (report == nullptr) report = &local;
  *report = ApplyReport{};
  for (const auto& c : p.changes) report->pending.push_back(c.cmd);
  const size_t n = p.changes.size();
  for (size_t i = 0; i < n; ++i) {
    const std::string& cmd = p.changes[i].cmd;
    if (opts.interrupted != nullptr && opts.interrupted->load()) {
      Status st(Code::kAborted, WithApplied("mysql: interrupted before statement " + std::to_string(i + 1) + " of " +
                                                std::to_string(n),
                                            report->applied));
      report->error_stmt = cmd;
      report->error = st.message();
      return st;
    }
    report->pending.erase(report->pending.begin());
    if (Status st = conn.Exec(cmd); !st.ok()) {
      Status err(Code::kExec,
                 WithApplied("mysql: executing statement: " + cmd + ": " + db::mysql::Cause(st), report->applied));
      report->error_stmt = cmd;
      report->error = db::mysql::Cause(st);
      return err;
    }
    report->applied.push_back(cmd);
  }
  return Status::Ok();
}

}  // namespace strata::dialect::mysql
