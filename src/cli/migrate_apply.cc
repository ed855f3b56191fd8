// `migrate apply [amount]`: runs the pending migration files (Atlas §6.3).
#include <unistd.h>

#include <iostream>
#include <map>

#include "base/strings.h"
#include "cli/drivers.h"
#include "cli/go_duration.h"
#include "cli/interaction.h"
#include "cli/migrate_common.h"
#include "cli/migrate_progress.h"
#include "cli/template.h"
#include "dialect/conn_session.h"
#include "migrate/executor.h"

namespace strata::cli {
namespace {

Result<int> ParseAmount(const std::vector<std::string>& args) {
  if (args.empty()) return 0;
  if (args.size() > 1) return InvalidArgument("accepts at most 1 arg(s), received " + std::to_string(args.size()));
  const std::string& a = args[0];
  size_t used = 0;
  long long n = 0;
  try {
    n = std::stoll(a, &used);
  } catch (...) {
    used = 0;
  }
  if (used == 0 || used != a.size()) {
    return InvalidArgument("invalid amount argument " + GoQuote(a) + " (strconv.Atoi: parsing " + GoQuote(a) +
                           ": invalid syntax). Omit the argument or pass a valid integer instead");
  }
  if (n < 1) return InvalidArgument("cannot apply '" + std::to_string(n) + "' migration files");
  return static_cast<int>(n);
}

Status RenderFormat(const std::string& format, const ApplyReport& report, std::ostream& out) {
  std::map<std::string, TemplateFunc> funcs{{"json", [&](const std::vector<std::string>& a) -> Result<std::string> {
                                               return ApplyJSON(report, a.empty() ? "" : a.back());
                                             }}};
  ASSIGN_OR_RETURN(std::string text, ExecuteTemplate(format, funcs));
  out << text;
  return Status::Ok();
}

}  // namespace

Status MigrateApply(const MigrateApplyOptions& o, std::ostream& out) {
  ASSIGN_OR_RETURN(int amount, ParseAmount(o.args));
  ASSIGN_OR_RETURN(migrate::TxMode tx_mode, migrate::ParseTxMode(o.tx_mode));
  ASSIGN_OR_RETURN(migrate::ExecOrder order, migrate::ParseExecOrder(o.exec_order));
  ASSIGN_OR_RETURN(std::chrono::nanoseconds lock_timeout, ParseGoDuration(o.lock_timeout));
  if (!o.baseline.empty() && o.allow_dirty) {
    return InvalidArgument(
        "if any flags in the group [allow-dirty baseline] are set none of the others can be; "
        "[allow-dirty baseline] were all set");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::Dir> dir, OpenMigrationDir(o.d, false));
  RETURN_IF_ERROR(CheckDir(*dir, out));
  if (o.url.empty()) return InvalidArgument("required flag(s) \"url\" not set");
  ASSIGN_OR_RETURN(Url url, Url::Parse(o.url));
  ASSIGN_OR_RETURN(std::unique_ptr<dialect::Driver> drv, OpenDatabase(o.url));
  auto lock = drv->AcquireLock(kMigrateLockName, std::chrono::duration_cast<std::chrono::milliseconds>(lock_timeout));
  if (!lock.ok()) return lock.status().Wrap("acquiring database lock");
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::RevisionStore> revs, OpenRevisions(*drv, o.revisions_schema));
  RETURN_IF_ERROR(revs->Ensure());

  migrate::ExecOptions eo;
  eo.tx_mode = tx_mode;
  eo.exec_order = order;
  eo.baseline = o.baseline;
  eo.allow_dirty = o.allow_dirty;
  eo.dry_run = o.dry_run;
  eo.amount = amount;
  eo.interrupted = &Interrupted();

  ApplyReport report;
  report.env = {drv->Name(), url, o.d.dir};
  report.start_ns = NowUnixNanos();
  const bool text = o.format.empty();
  ProgressOptions po;
  po.stream_text = text;
  po.live = text && ::isatty(STDOUT_FILENO);
  ApplyProgress progress(report, out, po);
  dialect::ConnSession session(drv->Conn(), drv->Name() + ": ");
  migrate::Executor exec(*dir, *revs, session, drv->StatementScanner(), eo, &progress);

  auto pending = exec.Pending();
  if (!pending.ok() && pending.status().code() != Code::kNoPlan) return pending.status();
  if (!pending.ok()) {
    report.end_ns = NowUnixNanos();
    report.message = "No migration files to execute";
    if (text) {
      out << ApplyText(report);
      return Status::Ok();
    }
    return RenderFormat(o.format, report, out);
  }
  for (const migrate::File& f : *pending) report.pending.push_back(FileRef::Of(f));
  ASSIGN_OR_RETURN(std::vector<migrate::Revision> applied, revs->ReadAll());
  if (!applied.empty()) report.current = applied.back().version;
  report.target = pending->back().Version();

  Status st = exec.ExecuteN(*pending);
  report.end_ns = NowUnixNanos();
  if (st.ok()) {
    report.message = "Migrated to version " + report.target + " from " + report.current + " (" +
                     std::to_string(report.pending.size()) + " migrations in total)";
  } else {
    report.error = st.message();
  }
  if (text) {
    progress.Finish(st.message());
  } else {
    RETURN_IF_ERROR(RenderFormat(o.format, report, out));
  }
  return st;
}

}  // namespace strata::cli
