// `migrate diff [name]`: replays the migration directory on the dev
// database, diffs it with the desired state, and writes the difference as a
// new migration file in the directory's format.
#include <ostream>
#include <regex>

#include "base/strings.h"
#include "cli/go_duration.h"
#include "cli/migrate_authoring.h"
#include "cli/state.h"
#include "diff/differ.h"
#include "migrate/formats/formatter.h"
#include "migrate/formats/layout.h"
#include "project/env.h"

namespace strata::cli {
namespace {

constexpr char kSynced[] = "The migration directory is synced with the desired state, no changes to be made\n";
constexpr char kDiffLock[] = "atlas_migrate_diff";

// --format for migrate diff: only `{{ sql . "<indent>" }}` (or `{{ sql . }}`,
// `$` for `.`) is understood; it sets the statements' indent.
Result<std::string> IndentFromFormat(const std::string& format) {
  if (format.empty()) return std::string();
  static const std::regex kSql(R"re(^\{\{-?\s*sql\s+(\.|\$)(\s+"((?:[^"\\]|\\.)*)")?\s*-?\}\}$)re");
  std::smatch m;
  if (!std::regex_match(format, m, kSql)) {
    return InvalidArgument("migrate diff: unsupported --format " + GoQuote(format) +
                           ": only {{ sql . \"<indent>\" }} is supported");
  }
  std::string raw = m[3].str(), indent;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 == raw.size()) {
      indent += raw[i];
      continue;
    }
    char c = raw[++i];
    indent += c == 't' ? '\t' : c == 'n' ? '\n' : c;
  }
  return indent;
}

Result<StateOptions> DiffStateOptions(const GlobalOptions& g, const MigrateDiffOptions& o) {
  StateOptions so;
  so.schemas = o.schemas;
  so.mem = g.mem;
  if (g.project_env != nullptr) {
    so.vars = g.project_env->extra;
  } else {
    ASSIGN_OR_RETURN(so.vars, ParseVars(g.vars));
  }
  return so;
}

// The changes that move `current` (the replayed directory) to `desired`.
// A schema-bound dev database compares single schemas, names ignored.
Result<schema::ChangeList> DiffDirState(const schema::Realm& current, const schema::Realm& desired,
                                        const std::string& bound, const diff::DiffHooks& hooks) {
  if (bound.empty()) return diff::DiffRealm(current, desired, hooks);
  if (current.schemas.size() > 1 || desired.schemas.size() > 1) {
    return InvalidArgument("cannot diff more than 1 schema when dev-url is limited to schema " + GoQuote(bound));
  }
  schema::Schema from, to;
  from.name = to.name = bound;
  if (!current.schemas.empty()) from = current.schemas[0];
  if (!desired.schemas.empty()) to = desired.schemas[0];
  return diff::DiffSchema(from, to, hooks);
}

}  // namespace

Status MigrateDiff(const GlobalOptions& g, const MigrateDiffOptions& o, std::ostream& out, std::ostream& err) {
  if (o.to.empty() && o.dev_url.empty()) return InvalidArgument("required flag(s) \"dev-url\", \"to\" not set");
  if (o.dev_url.empty()) return InvalidArgument("required flag(s) \"dev-url\" not set");
  if (o.to.empty()) return InvalidArgument("required flag(s) \"to\" not set");
  migrate::formats::DirUrl where;
  ASSIGN_OR_RETURN(std::unique_ptr<migrate::Dir> dir, OpenFormatDir(o.dir, o.dir_format, true, &where));
  RETURN_IF_ERROR(CheckDirSum(*dir, err));
  ASSIGN_OR_RETURN(std::string indent, IndentFromFormat(o.format));
  ASSIGN_OR_RETURN(std::chrono::nanoseconds timeout, ParseGoDuration(o.lock_timeout));
  ASSIGN_OR_RETURN(StateOptions so, DiffStateOptions(g, o));

  DevProvider dev(o.dev_url);
  ASSIGN_OR_RETURN(devdb::DevDatabase * dd, dev.Get());
  dialect::Driver& d = dd->driver();
  auto lock = d.AcquireLock(kDiffLock, std::chrono::duration_cast<std::chrono::milliseconds>(timeout));
  if (!lock.ok()) return lock.status().Wrap("acquiring database lock");

  ASSIGN_OR_RETURN(State desired, ReadState(o.to, dev, so));
  ASSIGN_OR_RETURN(schema::Realm current, dd->ReplayDir(*dir));
  const std::string bound = d.BoundSchema();
  ASSIGN_OR_RETURN(schema::ChangeList changes, DiffDirState(current, desired.realm, bound, d.Hooks()));
  if (changes.empty()) {
    out << kSynced;
    return Status::Ok();
  }
  plan::PlanOptions po;
  po.indent = indent;
  if (!bound.empty()) po.qualifier = o.qualifier;
  if (g.project_env != nullptr) {
    po.concurrent_index_create = g.project_env->diff.concurrent_create;
    po.concurrent_index_drop = g.project_env->diff.concurrent_drop;
  }
  ASSIGN_OR_RETURN(plan::Plan p, d.PlanChanges(changes, po));
  migrate::formats::FormatInput in;
  in.now = migrate::formats::NowVersion();
  in.name = o.name;
  for (const migrate::File& f : migrate::formats::FormatPlan(where.format, p, in)) {
    RETURN_IF_ERROR(dir->WriteFile(f.name(), f.bytes()));
  }
  ASSIGN_OR_RETURN(migrate::HashFile sum, dir->Checksum());
  return migrate::WriteSumFile(*dir, sum);
}

}  // namespace strata::cli
