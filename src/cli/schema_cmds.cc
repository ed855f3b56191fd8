// `schema inspect | apply | diff | clean`.
#include <iostream>
#include <map>

#include "base/strings.h"
#include "base/url.h"
#include "cli/commands.h"
#include "cli/drivers.h"
#include "cli/interaction.h"
#include "cli/output.h"
#include "cli/state.h"
#include "cli/template.h"
#include "diff/differ.h"
#include "project/env.h"
#include "spec/encode.h"

namespace strata::cli {
namespace {

// With --env, schema files get the env's extra attributes as input
// variables and --var feeds the project file only; without it, --var goes
// to the schema files.
Result<StateOptions> MakeStateOptions(const GlobalOptions& g, const std::vector<std::string>& schemas,
                                      const std::vector<std::string>& exclude) {
  StateOptions so;
  so.schemas = schemas;
  so.exclude = exclude;
  so.mem = g.mem;
  if (g.project_env != nullptr) {
    so.vars = g.project_env->extra;
  } else {
    ASSIGN_OR_RETURN(so.vars, ParseVars(g.vars));
  }
  return so;
}

// The env's `diff { skip { ... } }` keys.
diff::DiffOptions MakeDiffOptions(const GlobalOptions& g) {
  diff::DiffOptions o;
  if (g.project_env != nullptr) o.skip = g.project_env->diff.skip;
  return o;
}

// The env's `diff { concurrent_index { ... } }` settings.
void SetConcurrentIndex(const GlobalOptions& g, plan::PlanOptions& po) {
  if (g.project_env == nullptr) return;
  po.concurrent_index_create = g.project_env->diff.concurrent_create;
  po.concurrent_index_drop = g.project_env->diff.concurrent_drop;
}

// Diffs two states the way Atlas does: schema diff when both are bound to
// one schema (names ignored), realm diff otherwise.
Result<schema::ChangeList> DiffStates(const State& from, const State& to, const diff::DiffHooks& hooks,
                                      const diff::DiffOptions& opts = {}) {
  if (!from.bound_schema.empty()) {
    if (to.realm.schemas.size() > 1) {
      return InvalidArgument("cannot use a desired state with " + std::to_string(to.realm.schemas.size()) +
                             " schemas when the URL is limited to schema " + GoQuote(from.bound_schema));
    }
    schema::Schema cur = from.realm.schemas.empty() ? schema::Schema{} : from.realm.schemas[0];
    schema::Schema des = to.realm.schemas.empty() ? schema::Schema{} : to.realm.schemas[0];
    if (cur.name.empty()) cur.name = from.bound_schema;
    return diff::DiffSchema(cur, des, hooks, opts);
  }
  return diff::DiffRealm(from.realm, to.realm, hooks, opts);
}

void PrintPlan(const plan::Plan& p, std::ostream& out) {
  out << "-- Planned Changes:\n";
  for (const auto& c : p.changes) {
    if (!c.comment.empty()) out << "-- " << CapitalizeFirst(c.comment) << "\n";
    if (c.destructive) out << "-- DESTRUCTIVE: this change can lose data\n";
    out << c.cmd << ";\n";
  }
}

Result<dialect::TxMode> ParseTxMode(const std::string& s) {
  if (s == "file" || s.empty()) return dialect::TxMode::kFile;
  if (s == "none") return dialect::TxMode::kNone;
  return InvalidArgument("unknown tx-mode " + GoQuote(s));
}

// Runs a confirmed plan and reports what happened.
Status RunPlan(dialect::Driver& d, const plan::Plan& p, dialect::TxMode mode, const std::string& url,
               const std::string& format, std::ostream& out) {
  dialect::ApplyOptions ao;
  ao.tx_mode = mode;
  ao.interrupted = &Interrupted();
  dialect::ApplyReport report;
  Status st = d.ApplyPlan(p, ao, &report);
  if (!format.empty()) {
    ApplyLog log{d.Name(), url, report.applied, report.pending, report.error_stmt, report.error};
    std::map<std::string, TemplateFunc> funcs{
        {"json", [&](const std::vector<std::string>& a) -> Result<std::string> {
           return ApplyJSON(log, a.empty() ? "" : a.back());
         }}};
    ASSIGN_OR_RETURN(std::string text, ExecuteTemplate(format, funcs));
    out << text;
  }
  return st;
}

}  // namespace

Status SchemaInspect(const GlobalOptions& g, const InspectOptions& o, std::ostream& out) {
  if (o.url.empty()) return InvalidArgument("required flag(s) \"url\" not set");
  ASSIGN_OR_RETURN(StateOptions so, MakeStateOptions(g, o.schemas, o.exclude));
  ASSIGN_OR_RETURN(Url u, Url::Parse(o.url));
  DevProvider dev(o.dev_url);
  State st;
  std::unique_ptr<dialect::Driver> target;
  if (IsDatabaseScheme(u.scheme)) {
    ASSIGN_OR_RETURN(target, OpenDatabase(o.url));
    ASSIGN_OR_RETURN(st, InspectDatabase(*target, so));
  } else {
    if (o.dev_url.empty()) return InvalidArgument("--dev-url cannot be empty");
    ASSIGN_OR_RETURN(st, ReadState({o.url}, dev, so));
  }
  ASSIGN_OR_RETURN(const spec::DialectSpec* sp, SpecFor(st.driver));
  if (o.format.empty()) {
    out << spec::EncodeRealm(st.realm, *sp);
    return Status::Ok();
  }
  dialect::Driver* d = target.get();
  std::map<std::string, TemplateFunc> funcs{
      {".", [&](const std::vector<std::string>&) -> Result<std::string> {
         return spec::EncodeRealm(st.realm, *sp);
       }},
      {"json", [&](const std::vector<std::string>& a) -> Result<std::string> {
         return RealmJSON(st.realm, *sp->types, a.empty() ? "" : a.back());
       }},
      {"mermaid", [&](const std::vector<std::string>&) -> Result<std::string> { return RealmMermaid(st.realm); }},
      {"sql", [&](const std::vector<std::string>& a) -> Result<std::string> {
         dialect::Driver* drv = d;
         if (drv == nullptr) {
           ASSIGN_OR_RETURN(devdb::DevDatabase * dd, dev.Get());
           drv = &dd->driver();
         }
         return RealmSQL(*drv, st.realm, !st.bound_schema.empty(), a.empty() ? "" : a[0]);
       }},
  };
  ASSIGN_OR_RETURN(std::string text, ExecuteTemplate(o.format, funcs));
  out << text;
  return Status::Ok();
}

Status SchemaApply(const GlobalOptions& g, const ApplyOptions& o, std::ostream& out) {
  if (o.dry_run && o.auto_approve) {
    return InvalidArgument(
        "if any flags in the group [auto-approve dry-run] are set none of the others can be; "
        "[auto-approve dry-run] were all set");
  }
  if (!o.format.empty() && !o.dry_run && !o.auto_approve)
    return InvalidArgument("--log and --format can only be used with --dry-run or --auto-approve");
  if (o.url.empty()) return InvalidArgument("required flag(s) \"url\" not set");
  if (o.to.empty()) return InvalidArgument("required flag(s) \"to\" not set");
  ASSIGN_OR_RETURN(dialect::TxMode mode, ParseTxMode(o.tx_mode));
  ASSIGN_OR_RETURN(StateOptions so, MakeStateOptions(g, o.schemas, o.exclude));
  ASSIGN_OR_RETURN(Url u, Url::Parse(o.url));
  if (!IsDatabaseScheme(u.scheme)) return InvalidArgument("--url must be a database connection");
  // Read the desired state first: a broken schema file must not touch (or
  // even create) the target database.
  DevProvider dev(o.dev_url);
  ASSIGN_OR_RETURN(State desired, ReadState(o.to, dev, so));
  ASSIGN_OR_RETURN(auto target, OpenDatabase(o.url));
  if (desired.driver != target->Name()) {
    return InvalidArgument("mismatched drivers: the desired state is " + GoQuote(desired.driver) +
                           " and the target database is " + GoQuote(target->Name()));
  }
  ASSIGN_OR_RETURN(State current, InspectDatabase(*target, so));
  ASSIGN_OR_RETURN(schema::ChangeList changes, DiffStates(current, desired, target->Hooks(), MakeDiffOptions(g)));
  if (changes.empty()) {
    if (o.format.empty()) out << "Schema is synced, no changes to be made\n";
    else return RunPlan(*target, plan::Plan{}, mode, u.Redacted(), o.format, out);
    return Status::Ok();
  }
  plan::PlanOptions po;
  po.indent = "  ";
  if (!current.bound_schema.empty()) po.qualifier = "";
  SetConcurrentIndex(g, po);
  ASSIGN_OR_RETURN(plan::Plan p, target->PlanChanges(changes, po));
  if (!o.format.empty()) {
    if (o.dry_run) {
      ApplyLog log{target->Name(), u.Redacted(), {}, {}, "", ""};
      for (const auto& c : p.changes) log.pending.push_back(c.cmd);
      std::map<std::string, TemplateFunc> funcs{
          {"json", [&](const std::vector<std::string>& a) -> Result<std::string> {
             return ApplyJSON(log, a.empty() ? "" : a.back());
           }}};
      ASSIGN_OR_RETURN(std::string text, ExecuteTemplate(o.format, funcs));
      out << text;
      return Status::Ok();
    }
    return RunPlan(*target, p, mode, u.Redacted(), o.format, out);
  }
  PrintPlan(p, out);
  if (o.dry_run) return Status::Ok();
  if (!o.auto_approve) {
    out.flush();
    ASSIGN_OR_RETURN(bool yes, ConfirmApply());
    if (!yes) return Status::Ok();
  }
  return RunPlan(*target, p, mode, u.Redacted(), "", out);
}

Status SchemaDiff(const GlobalOptions& g, const DiffOptions& o, std::ostream& out) {
  if (o.from.empty()) return InvalidArgument("required flag(s) \"from\" not set");
  if (o.to.empty()) return InvalidArgument("required flag(s) \"to\" not set");
  ASSIGN_OR_RETURN(StateOptions so, MakeStateOptions(g, o.schemas, o.exclude));
  DevProvider dev(o.dev_url);
  ASSIGN_OR_RETURN(State from, ReadState(o.from, dev, so));
  ASSIGN_OR_RETURN(State to, ReadState(o.to, dev, so));
  if (from.driver != to.driver) {
    return InvalidArgument("mismatched drivers: " + GoQuote(from.driver) + " <> " + GoQuote(to.driver));
  }
  // Plans are rendered by a driver of the same dialect: the dev database if
  // there is one, else the "from" database.
  std::unique_ptr<dialect::Driver> owned;
  dialect::Driver* d = nullptr;
  if (!dev.empty()) {
    ASSIGN_OR_RETURN(devdb::DevDatabase * dd, dev.Get());
    d = &dd->driver();
  } else {
    ASSIGN_OR_RETURN(owned, OpenDatabase(o.from[0]));
    d = owned.get();
  }
  State from_scoped = from;
  bool bound = !from.bound_schema.empty() && !to.bound_schema.empty();
  if (!bound) from_scoped.bound_schema.clear();
  ASSIGN_OR_RETURN(schema::ChangeList changes, DiffStates(from_scoped, to, d->Hooks(), MakeDiffOptions(g)));
  if (changes.empty()) {
    out << "Schemas are synced, no changes to be made.\n";
    return Status::Ok();
  }
  plan::PlanOptions po;
  if (bound) po.qualifier = "";
  SetConcurrentIndex(g, po);
  auto render = [&](const std::string& indent) -> Result<std::string> {
    po.indent = indent;
    ASSIGN_OR_RETURN(plan::Plan p, d->PlanChanges(changes, po));
    return plan::FormatSQL(p);
  };
  if (o.format.empty()) {
    ASSIGN_OR_RETURN(std::string text, render(""));
    out << text;
    return Status::Ok();
  }
  std::map<std::string, TemplateFunc> funcs{
      {"sql", [&](const std::vector<std::string>& a) -> Result<std::string> { return render(a.empty() ? "" : a[0]); }},
  };
  ASSIGN_OR_RETURN(std::string text, ExecuteTemplate(o.format, funcs));
  out << text;
  return Status::Ok();
}

Status SchemaClean(const GlobalOptions& g, const CleanOptions& o, std::ostream& out) {
  if (o.url.empty()) return InvalidArgument("required flag(s) \"url\" not set");
  ASSIGN_OR_RETURN(StateOptions so, MakeStateOptions(g, {}, {}));
  ASSIGN_OR_RETURN(auto target, OpenDatabase(o.url));
  ASSIGN_OR_RETURN(State current, InspectDatabase(*target, so));
  State empty;
  empty.bound_schema = current.bound_schema;
  if (!current.bound_schema.empty()) {
    schema::Schema s;
    s.name = current.bound_schema;
    empty.realm.schemas.push_back(s);
  }
  ASSIGN_OR_RETURN(schema::ChangeList changes, DiffStates(current, empty, target->Hooks()));
  if (changes.empty()) {
    out << "Nothing to drop\n";
    return Status::Ok();
  }
  plan::PlanOptions po;
  po.indent = "  ";
  if (!current.bound_schema.empty()) po.qualifier = "";
  ASSIGN_OR_RETURN(plan::Plan p, target->PlanChanges(changes, po));
  PrintPlan(p, out);
  if (!o.auto_approve) {
    out.flush();
    ASSIGN_OR_RETURN(bool yes, ConfirmApply());
    if (!yes) return Status::Ok();
  }
  ASSIGN_OR_RETURN(Url u, Url::Parse(o.url));
  return RunPlan(*target, p, dialect::TxMode::kFile, u.Redacted(), "", out);
}

}  // namespace strata::cli
