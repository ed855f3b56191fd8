// `migrate down [amount]`: reverts the last applied migration files. No
// down files are needed: the target state is computed by replaying the
// directory up to the target version on the dev database, and the live
// database is planned towards it (the plan is the reverse of those files).
// Before anything runs, the live database must match what the directory
// says it holds at its current version.
#include <chrono>
#include <map>
#include <ostream>

#include "base/strings.h"
#include "cli/migrate_common.h"
#include "cli/drivers.h"
#include "cli/go_duration.h"
#include "cli/migrate_authoring.h"
#include "cli/migrate_down_report.h"
#include "cli/state.h"
#include "cli/template.h"
#include "diff/differ.h"

namespace strata::cli {
namespace {

constexpr char kExecuteLock[] = "atlas_migrate_execute";

Result<int> ParseAmount(const std::string& s) {
  if (s.empty()) return 1;
  bool digits = !s.empty() && s.size() < 10;
  for (char c : s) digits = digits && c >= '0' && c <= '9';
  if (!digits || std::stoi(s) <= 0) {
    return InvalidArgument(
        "invalid amount argument " + GoQuote(s) +
        " (a positive number of files to revert). Omit the argument or pass a valid integer instead");
  }
  return std::stoi(s);
}

// The live database's state without the revisions table.
Result<schema::Realm> InspectLive(dialect::Driver& d) {
  StateOptions so;
  so.exclude = {std::string(migrate::kRevisionTable)};
  ASSIGN_OR_RETURN(State st, InspectDatabase(d, so));
  return st.realm;
}

Result<schema::ChangeList> DiffStates(const schema::Realm& from, const schema::Realm& to, dialect::Driver& d) {
  if (d.BoundSchema().empty()) return diff::DiffRealm(from, to, d.Hooks());
  schema::Schema a, b;
  a.name = b.name = d.BoundSchema();
  if (!from.schemas.empty()) a = from.schemas[0];
  if (!to.schemas.empty()) b = to.schemas[0];
  return diff::DiffSchema(a, b, d.Hooks());
}

Result<plan::Plan> PlanTowards(const schema::Realm& from, const schema::Realm& to, dialect::Driver& d) {
  ASSIGN_OR_RETURN(schema::ChangeList changes, DiffStates(from, to, d));
  plan::PlanOptions po;
  if (!d.BoundSchema().empty()) po.qualifier = "";
  if (changes.empty()) return plan::Plan{};
  return d.PlanChanges(changes, po);
}

// The refusal when the database is not where its revisions say it is.
Status DriftError(const std::string& version, const plan::Plan& fix) {
  std::string msg = "the database does not match the migration directory at version " + GoQuote(version) +
                    "; it was changed outside the migration files. Changes that would make it match:";
  for (const auto& c : fix.changes) {
    if (c.source == "pragma") continue;  // session settings, not drift
    msg += "\n  ";
    if (!c.comment.empty()) msg += "-- " + CapitalizeFirst(c.comment) + ": ";
    msg += c.cmd + ";";
  }
  return Error(msg);
}

}  // namespace

Status MigrateDown(const GlobalOptions& g, const MigrateDownOptions& o, std::ostream& out, std::ostream& err) {
  (void)g;
  if (o.url.empty()) return InvalidArgument("required flag(s) \"url\" not set");
  if (o.dev_url.empty()) return InvalidArgument("required flag(s) \"dev-url\" not set");
  if (!o.amount.empty() && !o.to_version.empty()) {
    return InvalidArgument("the amount argument and --to-version are mutually exclusive");
  }
  ASSIGN_OR_RETURN(int amount, ParseAmount(o.amount));
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::Dir> dir, OpenFormatDir(o.dir, "", false));
  RETURN_IF_ERROR(CheckDirSum(*dir, err));
  ASSIGN_OR_RETURN(std::chrono::nanoseconds timeout, ParseGoDuration(o.lock_timeout));
  if (!o.to_version.empty()) {
    ASSIGN_OR_RETURN(std::vector<migrate::File> files, dir->Files());
    bool found = false;
    for (const auto& f : files) found = found || f.Version() == o.to_version;
    if (!found) return NotFound("migration with version " + GoQuote(o.to_version) + " not found");
  }

  ASSIGN_OR_RETURN(std::unique_ptr<dialect::Driver> target, OpenDatabase(o.url));
  auto lock = target->AcquireLock(kExecuteLock, std::chrono::duration_cast<std::chrono::milliseconds>(timeout));
  if (!lock.ok()) return lock.status().Wrap("acquiring database lock");
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::RevisionStore> store, OpenRevisions(*target, o.revisions_schema));
  ASSIGN_OR_RETURN(bool exists, store->Exists());
  std::vector<migrate::Revision> revs;
  if (exists) {
    ASSIGN_OR_RETURN(revs, store->ReadAll());
  }
  if (revs.empty()) {
    out << "No migration files to revert\n";
    return Status::Ok();
  }
  for (const auto& r : revs) {
    if (r.Partial() || !r.error.empty()) {
      return Error("revision " + GoQuote(r.version) +
                   " is partially applied; fix it with 'migrate apply' or 'migrate set' first");
    }
  }
  const std::string current = revs.back().version;
  // The revisions to revert, last first, and the version to go back to.
  std::string to_version;
  size_t keep = 0;
  if (!o.to_version.empty()) {
    while (keep < revs.size() && revs[keep].version <= o.to_version) ++keep;
    to_version = o.to_version;
  } else {
    keep = revs.size() > static_cast<size_t>(amount) ? revs.size() - amount : 0;
    if (keep > 0) to_version = revs[keep - 1].version;
  }
  const size_t count = revs.size() - keep;
  if (count == 0) {
    out << "No migration files to revert\n";
    return Status::Ok();
  }

  DevProvider dev(o.dev_url);
  ASSIGN_OR_RETURN(devdb::DevDatabase * dd, dev.Get());
  // 1. The live database must be what the applied files made it.
  ASSIGN_OR_RETURN(schema::Realm expected, dd->ReplayDir(*dir, {.to_version = current}));
  ASSIGN_OR_RETURN(schema::Realm live, InspectLive(*target));
  ASSIGN_OR_RETURN(plan::Plan drift, PlanTowards(live, expected, *target));
  if (!drift.changes.empty()) return DriftError(current, drift);
  // 2. The state at the target version, and the plan that reaches it.
  schema::Realm wanted;
  if (!to_version.empty()) {
    ASSIGN_OR_RETURN(wanted, dd->ReplayDir(*dir, {.to_version = to_version}));
  } else {
    for (const auto& s : expected.schemas) {
      schema::Schema empty;
      empty.name = s.name;
      wanted.schemas.push_back(std::move(empty));
    }
  }
  ASSIGN_OR_RETURN(plan::Plan p, PlanTowards(live, wanted, *target));

  DownReport report;
  report.current = current;
  report.target = to_version;
  ASSIGN_OR_RETURN(std::vector<migrate::File> files, dir->Files());
  for (size_t i = revs.size(); i > keep; --i) {
    FileRef ref{"", revs[i - 1].version, revs[i - 1].description};
    for (const auto& f : files)
      if (f.Version() == ref.version) ref.name = f.name();
    report.planned.push_back(ref);
  }
  RevertedReport reverted;
  reverted.file = report.planned.front();
  report.start_ns = reverted.start_ns = NowUnixNanos();
  for (const auto& c : p.changes) reverted.applied.push_back(c.cmd + ";");
  Status result = Status::Ok();
  if (!o.dry_run) {
    dialect::ApplyReport applied;
    result = target->ApplyPlan(p, {}, &applied);
    if (!result.ok()) {
      reverted.failed = true;
      reverted.applied.clear();
      for (const std::string& stmt : applied.applied) reverted.applied.push_back(stmt + ";");
      if (!applied.error_stmt.empty()) reverted.applied.push_back(applied.error_stmt + ";");
      reverted.error_stmt = applied.error_stmt;
      reverted.error_text = result.message();
      report.error = result.message();
    } else {
      for (size_t i = revs.size(); i > keep && result.ok(); --i) result = store->Delete(revs[i - 1].version);
    }
  }
  report.end_ns = reverted.end_ns = NowUnixNanos();
  report.reverted.push_back(std::move(reverted));
  if (o.format.empty()) {
    out << DownText(report);
  } else {
    std::map<std::string, TemplateFunc> funcs{{"json", [&](const std::vector<std::string>& a) -> Result<std::string> {
                                                 return DownJSON(report, a.empty() ? "" : a.back());
                                               }}};
    ASSIGN_OR_RETURN(std::string text, ExecuteTemplate(o.format, funcs));
    out << text;
  }
  return result;
}

}  // namespace strata::cli
