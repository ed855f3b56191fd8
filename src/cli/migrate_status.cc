// `migrate status`: where the database stands relative to the directory
// (Atlas §6.6).
#include <map>
#include <ostream>

#include "cli/drivers.h"
#include "cli/migrate_common.h"
#include "cli/migrate_report.h"
#include "cli/template.h"
#include "migrate/executor.h"

namespace strata::cli {
namespace {

Status FillPending(migrate::Dir& dir, migrate::RevisionStore& revs, StatusReport& r) {
  ASSIGN_OR_RETURN(std::vector<migrate::File> all, dir.Files());
  for (const migrate::File& f : all) r.available.push_back(FileRef::Of(f));
  ASSIGN_OR_RETURN(bool exists, revs.Exists());
  std::vector<migrate::File> pending;
  if (exists) {
    ASSIGN_OR_RETURN(r.applied, revs.ReadAll());
  }
  if (r.applied.empty()) {
    ASSIGN_OR_RETURN(pending, migrate::FilesFromLastCheckpoint(dir));
  } else {
    // Out-of-order files are reported, not fatal: count them as pending
    // and show the linear-order error.
    migrate::PendingInfo info;
    ASSIGN_OR_RETURN(pending, migrate::PendingFiles(all, r.applied, migrate::ExecOrder::kNonLinear, &info));
    for (const migrate::File& f : info.out_of_order) r.out_of_order.push_back(FileRef::Of(f));
    if (!info.out_of_order.empty()) {
      auto linear = migrate::PendingFiles(all, r.applied, migrate::ExecOrder::kLinear, nullptr);
      if (!linear.ok()) r.error = linear.status().message();
    }
  }
  for (const migrate::File& f : pending) r.pending.push_back(FileRef::Of(f));
  r.status = pending.empty() ? "OK" : "PENDING";
  r.current = r.applied.empty() ? "No migration applied yet" : r.applied.back().version;
  if (pending.empty()) {
    r.next = "Already at latest version";
  } else {
    r.next = pending.front().Version();
    r.next_is_checkpoint = pending.front().IsCheckpoint();
  }
  if (!r.applied.empty()) {
    const migrate::Revision& last = r.applied.back();
    if (last.Partial() && !(last.type & migrate::kRevisionResolved)) {
      r.count = last.applied;
      r.total = last.total;
      r.sql = last.error_stmt;
      r.error = last.error;
    }
  }
  return Status::Ok();
}

}  // namespace

Status MigrateStatus(const MigrateStatusOptions& o, std::ostream& out) {
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::Dir> dir, OpenMigrationDir(o.d, false));
  RETURN_IF_ERROR(CheckDir(*dir, out));
  if (o.url.empty()) return InvalidArgument("required flag(s) \"url\" not set");
  ASSIGN_OR_RETURN(Url url, Url::Parse(o.url));
  ASSIGN_OR_RETURN(std::unique_ptr<dialect::Driver> drv, OpenDatabase(o.url));
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::RevisionStore> revs, OpenRevisions(*drv, o.revisions_schema));
  StatusReport r;
  r.env = {drv->Name(), url, o.d.dir};
  RETURN_IF_ERROR(FillPending(*dir, *revs, r));
  if (o.format.empty()) {
    out << StatusText(r);
    return Status::Ok();
  }
  std::map<std::string, TemplateFunc> funcs{{"json", [&](const std::vector<std::string>& a) -> Result<std::string> {
                                               return StatusJSON(r, a.empty() ? "" : a.back());
                                             }}};
  ASSIGN_OR_RETURN(std::string text, ExecuteTemplate(o.format, funcs));
  out << text;
  return Status::Ok();
}

}  // namespace strata::cli
