// `migrate set [version]`: edits the revision table without running any
// migration (Atlas §6.5).
#include <algorithm>
#include <ostream>

#include "base/strings.h"
#include "cli/drivers.h"
#include "cli/migrate_common.h"
#include "cli/migrate_report.h"
#include "migrate/executor.h"

namespace strata::cli {
namespace {

struct SetChange {
  std::string version, description;
  bool removed = false;
};

std::string SetText(const std::string& current, std::vector<SetChange> changes, bool all_deleted) {
  if (changes.empty()) return "";
  std::sort(changes.begin(), changes.end(),
            [](const SetChange& a, const SetChange& b) { return a.version < b.version; });
  int64_t set = 0, removed = 0;
  for (const SetChange& c : changes) (c.removed ? removed : set)++;
  std::string s;
  if (all_deleted) {
    s = "All revisions deleted (" + std::to_string(removed) + " in total):\n";
  } else {
    std::string summary;
    if (set > 0) summary = std::to_string(set) + " set";
    if (removed > 0) summary += (summary.empty() ? "" : ", ") + std::to_string(removed) + " removed";
    s = "Current version is " + current + " (" + summary + "):\n";
  }
  for (const SetChange& c : changes) {
    s += std::string(c.removed ? "  - " : "  + ") + c.version + " (" + c.description + ")\n";
  }
  return s;
}

// Applies the change and returns the text to print once it is committed.
Result<std::string> SetRevisions(migrate::Dir& dir, migrate::RevisionStore& store,
                                 const std::vector<std::string>& args) {
  ASSIGN_OR_RETURN(std::vector<migrate::File> files, dir.Files());
  ASSIGN_OR_RETURN(std::vector<migrate::Revision> revs, store.ReadAll());
  std::string target;
  if (args.size() == 1) {
    target = args[0];
  } else if (args.empty() && !revs.empty()) {
    target = files.empty() ? "" : files.back().Version();
  } else {
    return InvalidArgument("accepts 1 arg(s), received " + std::to_string(args.size()));
  }
  if (!target.empty() &&
      std::none_of(files.begin(), files.end(), [&](const migrate::File& f) { return f.Version() == target; })) {
    return NotFound("migration with version " + GoQuote(target) + " not found");
  }
  ASSIGN_OR_RETURN(migrate::HashFile sums, dir.Checksum());
  std::vector<SetChange> changes;
  for (const migrate::Revision& r : revs) {
    if (target.empty() || r.version > target) {
      RETURN_IF_ERROR(store.Delete(r.version));
      changes.push_back({r.version, r.description, true});
    } else if (r.version == target && (r.Partial() || !r.error.empty())) {
      migrate::Revision fixed = r;
      fixed.type = migrate::kRevisionExecuted | migrate::kRevisionResolved;
      fixed.applied = fixed.total;
      fixed.error.clear();
      fixed.error_stmt.clear();
      fixed.partial_hashes.clear();
      RETURN_IF_ERROR(store.Write(fixed));
      changes.push_back({r.version, r.description, false});
    }
  }
  std::string last;
  for (const migrate::Revision& r : revs) {
    if (r.version <= target) last = r.version;
  }
  if (!target.empty() && (last.empty() || target > last)) {
    for (const migrate::File& f : files) {
      const std::string v = f.Version();
      if ((!last.empty() && v <= last) || v > target) continue;
      migrate::Revision r;
      r.version = v;
      r.description = f.Desc();
      r.type = migrate::kRevisionResolved;
      r.executed_at_unix_ns = NowUnixNanos();
      r.operator_version = std::string(migrate::kOperatorVersion);
      if (auto h = sums.SumByName(f.name()); h.ok()) r.hash = *h;
      RETURN_IF_ERROR(store.Write(r));
      changes.push_back({v, r.description, false});
    }
  }
  return SetText(target, std::move(changes), target.empty());
}

}  // namespace

Status MigrateSet(const MigrateSetOptions& o, std::ostream& out) {
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::Dir> dir, OpenMigrationDir(o.d, false));
  RETURN_IF_ERROR(CheckDir(*dir, out));
  if (o.url.empty()) return InvalidArgument("required flag(s) \"url\" not set");
  ASSIGN_OR_RETURN(std::unique_ptr<dialect::Driver> drv, OpenDatabase(o.url));
  auto lock = drv->AcquireLock(kMigrateLockName, std::chrono::milliseconds(0));
  if (!lock.ok()) return lock.status().Wrap("acquiring database lock");
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::RevisionStore> store, OpenRevisions(*drv, o.revisions_schema));
  RETURN_IF_ERROR(store->Ensure());
  db::Conn& conn = drv->Conn();
  RETURN_IF_ERROR(conn.Begin());
  Result<std::string> text = SetRevisions(*dir, *store, o.args);
  if (!text.ok()) {
    (void)conn.Rollback();
    return text.status();
  }
  RETURN_IF_ERROR(conn.Commit());
  out << *text;
  return Status::Ok();
}

}  // namespace strata::cli
