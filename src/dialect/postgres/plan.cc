#include "dialect/postgres/plan.h"

#include <algorithm>
#include <set>

#include "base/overloaded.h"
#include "base/strings.h"
#include "dialect/postgres/plan_code.h"
#include "dialect/postgres/plan_types.h"
#include "dialect/postgres/planner.h"
#include "dialect/postgres/render_code.h"
#include "plan/order.h"
#include "spec/trigger_events.h"

namespace strata::dialect::postgres {
namespace internal {
namespace {

// Atlas's CheckChangesScope: a plan scoped to one schema (a qualifier is
// set) cannot create or drop schemas, and its table changes must all be in
// one schema (views and triggers follow their tables).
Status CheckScope(const schema::ChangeList& changes) {
  std::set<std::string> names;
  for (const auto& c : changes) {
    if (std::holds_alternative<schema::AddSchema>(c)) {
      return InvalidArgument("*schema.AddSchema is not allowed when migration plan is scoped to one schema");
    }
    if (std::holds_alternative<schema::DropSchema>(c)) {
      return InvalidArgument("*schema.DropSchema is not allowed when migration plan is scoped to one schema");
    }
    std::string name;
    if (const auto* m = std::get_if<schema::ModifySchemaAttr>(&c)) name = m->schema;
    if (const auto* a = std::get_if<schema::AddTable>(&c)) name = a->t.schema;
    if (const auto* m = std::get_if<schema::ModifyTable>(&c)) name = m->to.schema;
    if (const auto* d = std::get_if<schema::DropTable>(&c)) name = d->t.schema;
    if (!name.empty()) names.insert(name);
  }
  if (names.size() > 1) {
    std::vector<std::string> q;
    for (const auto& s : names) q.push_back(GoQuote(s));
    return InvalidArgument("found " + std::to_string(names.size()) + " schemas when migration plan is scoped to one: [" +
                           Join(q, " ") + "]");
  }
  return Status::Ok();
}

}  // namespace

std::string Source(const std::string& key, const std::string& name) { return key + " " + GoQuote(name); }

Planner::Planner(const plan::PlanOptions& opts) {
  ropts_.indent = opts.indent;
  ropts_.qualifier = opts.qualifier;
  concurrent_create_ = opts.concurrent_index_create;
  concurrent_drop_ = opts.concurrent_index_drop;
}

void Planner::Add(std::string cmd, std::string comment, std::vector<std::string> reverse, std::string source,
                  bool destructive) {
  plan::PlannedChange c;
  c.cmd = std::move(cmd);
  c.comment = std::move(comment);
  c.reverse = std::move(reverse);
  c.source = std::move(source);
  c.destructive = destructive;
  changes_.push_back(std::move(c));
}

Status Planner::AddSchema(const schema::AddSchema& a) {
  std::string cmd = "CREATE SCHEMA ";
  // "public" exists in every new database.
  if (a.if_not_exists || a.s.name == "public") cmd += "IF NOT EXISTS ";
  Add(cmd + Quote(a.s.name), "add new schema named " + GoQuote(a.s.name),
      {"DROP SCHEMA " + Quote(a.s.name) + " CASCADE"}, Source("add_schema", a.s.name));
  if (!a.s.comment.empty()) {
    Add(SchemaComment(a.s.name, a.s.comment), "set comment to schema: " + GoQuote(a.s.name),
        {SchemaComment(a.s.name, "")}, Source("add_schema", a.s.name));
  }
  return Status::Ok();
}

Status Planner::ModifySchemaAttr(const schema::ModifySchemaAttr& m) {
  if (m.key != "comment") {
    return Unsupported("postgres: unsupported schema attribute change " + GoQuote(m.key) + " on schema " +
                       GoQuote(m.schema));
  }
  Add(SchemaComment(m.schema, m.to), "set comment to schema: " + GoQuote(m.schema),
      {SchemaComment(m.schema, m.from)}, Source("modify_schema", m.schema));
  return Status::Ok();
}

plan::PlannedChange Planner::CreateIndexChange(const schema::Table& t, const schema::Index& idx,
                                               const std::string& source) const {
  plan::PlannedChange c;
  c.cmd = CreateIndex(t, idx, ropts_);
  c.comment = "create index " + GoQuote(idx.name) + " to table: " + GoQuote(t.name);
  c.reverse = {postgres::DropIndex(t, idx, ropts_)};
  c.source = source;
  return c;
}

Status Planner::AddTable(const schema::Table& t, bool if_not_exists, const std::string& source,
                         std::vector<plan::PlannedChange>* out) const {
  ASSIGN_OR_RETURN(std::string create, CreateTable(t, ropts_, if_not_exists));
  out->push_back({std::move(create), "create " + GoQuote(t.name) + " table", {postgres::DropTable(t, ropts_)}, false,
                  source});
  for (const auto& idx : t.indexes)
    if (!IsUniqueConstraint(idx)) out->push_back(CreateIndexChange(t, idx, source));
  auto comment = [&](std::string cmd, std::string rev, std::string what) {
    out->push_back({std::move(cmd), std::move(what), {std::move(rev)}, false, source});
  };
  if (!t.comment.empty()) {
    comment(TableComment(t, t.comment, ropts_), TableComment(t, "", ropts_),
            "set comment to table: " + GoQuote(t.name));
  }
  for (const auto& c : t.columns) {
    if (!c.options.Has("statistics")) continue;
    std::string alter = "ALTER TABLE " + TableName(t, ropts_) + " ALTER COLUMN " + Quote(c.name) + " SET STATISTICS ";
    comment(alter + c.options.Get("statistics"), alter + "-1",
            "set statistics target of column: " + GoQuote(c.name) + " on table: " + GoQuote(t.name));
  }
  for (const auto& c : t.columns) {
    if (c.comment.empty()) continue;
    comment(ColumnComment(t, c.name, c.comment, ropts_), ColumnComment(t, c.name, "", ropts_),
            "set comment to column: " + GoQuote(c.name) + " on table: " + GoQuote(t.name));
  }
  for (const auto& idx : t.indexes) {
    if (idx.comment.empty()) continue;
    comment(IndexComment(t, idx.name, idx.comment, ropts_), IndexComment(t, idx.name, "", ropts_),
            "set comment to index: " + GoQuote(idx.name) + " on table: " + GoQuote(t.name));
  }
  for (const char* key : {"row_security_enabled", "row_security_enforced"}) {
    if (!t.options.Flag(key)) continue;
    comment(RowSecurity(t, key, true, ropts_), RowSecurity(t, key, false, ropts_),
            "set row-level security of table: " + GoQuote(t.name));
  }
  return Status::Ok();
}

Status Planner::DropTable(const schema::DropTable& d) {
  std::vector<plan::PlannedChange> create;
  if (Status st = AddTable(d.t, false, "", &create); !st.ok()) {
    return Status(st.code(), "postgres: calculate reverse for drop table " + GoQuote(d.t.name) + ": " +
                                 st.message());
  }
  std::vector<std::string> reverse;
  for (auto& c : create) reverse.push_back(std::move(c.cmd));
  Add(postgres::DropTable(d.t, ropts_, d.if_exists), "drop " + GoQuote(d.t.name) + " table", std::move(reverse),
      Source("drop_table", d.t.name), /*destructive=*/true);
  return Status::Ok();
}

Status Planner::AddView(const schema::View& v) {
  Add(CreateView(v, ropts_), "create " + GoQuote(v.name) + " view", {postgres::DropView(v, ropts_)},
      Source("add_view", v.name));
  if (!v.comment.empty()) {
    Add(ViewComment(v, v.comment, ropts_), "set comment to view: " + GoQuote(v.name),
        {ViewComment(v, "", ropts_)}, Source("add_view", v.name));
  }
  for (auto& c : ViewIndexChanges(v, ropts_, Source("add_view", v.name))) changes_.push_back(std::move(c));
  return Status::Ok();
}

Status Planner::DropView(const schema::View& v) {
  std::vector<std::string> reverse = {CreateView(v, ropts_)};
  if (!v.comment.empty()) reverse.push_back(ViewComment(v, v.comment, ropts_));
  for (auto& c : ViewIndexChanges(v, ropts_, "")) reverse.push_back(std::move(c.cmd));
  Add(postgres::DropView(v, ropts_), "drop " + GoQuote(v.name) + " view", std::move(reverse),
      Source("drop_view", v.name));
  return Status::Ok();
}

namespace {

// PostgreSQL's rule for CREATE OR REPLACE VIEW: the new query must return
// the old columns (same names and types, same order) and may only append
// columns. Unknown columns (an HCL state not normalized on a dev database)
// do not qualify.
bool CanReplaceView(const schema::View& from, const schema::View& to) {
  if (from.materialized || to.materialized || from.columns.empty() || to.columns.empty()) return false;
  if (from.columns.size() > to.columns.size()) return false;
  for (size_t i = 0; i < from.columns.size(); ++i)
    if (!(from.columns[i] == to.columns[i])) return false;
  return true;
}

}  // namespace

Status Planner::ModifyView(const schema::ModifyView& m) {
  const schema::View &from = m.from, &to = m.to;
  bool def_changed = from.def != to.def || from.check_option != to.check_option ||
                     from.materialized != to.materialized;
  if (def_changed) {
    if (!CanReplaceView(from, to)) {
      // Dropped or changed columns (or a materialized view): re-create it.
      RETURN_IF_ERROR(DropView(from));
      RETURN_IF_ERROR(AddView(to));
      return Status::Ok();
    }
    std::vector<std::string> reverse;
    if (CanReplaceView(to, from)) {
      reverse = {CreateView(from, ropts_, /*or_replace=*/true)};
    } else {
      reverse = {postgres::DropView(to, ropts_), CreateView(from, ropts_)};
    }
    Add(CreateView(to, ropts_, /*or_replace=*/true), "modify " + GoQuote(to.name) + " view", std::move(reverse),
        Source("modify_view", to.name));
  }
  if (from.comment != to.comment) {
    Add(ViewComment(to, to.comment, ropts_), "set comment to view: " + GoQuote(to.name),
        {ViewComment(from, from.comment, ropts_)}, Source("modify_view", to.name));
  }
  if (!(from.indexes == to.indexes)) {
    // Materialized view indexes: drop the changed ones, create the new ones.
    schema::Table rel;
    rel.name = to.name;
    rel.schema = to.schema;
    for (const auto& idx : from.indexes) {
      auto it = std::find(to.indexes.begin(), to.indexes.end(), idx);
      if (it != to.indexes.end()) continue;
      Add(postgres::DropIndex(rel, idx, ropts_), "drop index " + GoQuote(idx.name) + " from view: " + GoQuote(to.name),
          {CreateIndex(rel, idx, ropts_)}, Source("modify_view", to.name));
    }
    schema::View added = to;
    added.indexes.clear();
    for (const auto& idx : to.indexes)
      if (std::find(from.indexes.begin(), from.indexes.end(), idx) == from.indexes.end()) added.indexes.push_back(idx);
    for (auto& c : ViewIndexChanges(added, ropts_, Source("modify_view", to.name))) changes_.push_back(std::move(c));
  }
  return Status::Ok();
}

Status Planner::AddTrigger(const schema::Trigger& t) {
  ASSIGN_OR_RETURN(std::string create, CreateTrigger(t, ropts_));
  Add(std::move(create), "create trigger " + GoQuote(t.name), {postgres::DropTrigger(t, ropts_)},
      Source("add_trigger", t.name));
  if (const std::string* c = t.options.Find(spec::kTriggerComment); c && !c->empty()) {
    std::string on = "COMMENT ON TRIGGER " + Quote(t.name) + " ON " + QualifiedName(t.schema, t.table, ropts_);
    Add(on + " IS " + QuoteString(*c), "set comment to trigger " + GoQuote(t.name), {on + " IS NULL"},
        Source("add_trigger", t.name));
  }
  return Status::Ok();
}

Status Planner::DropTrigger(const schema::Trigger& t) {
  ASSIGN_OR_RETURN(std::string create, CreateTrigger(t, ropts_));
  Add(postgres::DropTrigger(t, ropts_), "drop trigger " + GoQuote(t.name), {std::move(create)},
      Source("drop_trigger", t.name));
  return Status::Ok();
}

Status Planner::Plan(const schema::Change& change) {
  return std::visit(
      Overloaded{
          [&](const schema::AddSchema& a) { return AddSchema(a); },
          [&](const schema::DropSchema& d) -> Status {
            std::string cmd = "DROP SCHEMA ";
            if (d.if_exists) cmd += "IF EXISTS ";
            // No reverse, as in Atlas: the schema's objects are gone with it.
            Add(cmd + Quote(d.s.name) + " CASCADE", "drop schema named " + GoQuote(d.s.name), {},
                Source("drop_schema", d.s.name), /*destructive=*/true);
            return Status::Ok();
          },
          [&](const schema::ModifySchemaAttr& m) { return ModifySchemaAttr(m); },
          [&](const schema::AddTable& a) {
            return AddTable(a.t, a.if_not_exists, Source("add_table", a.t.name), &changes_);
          },
          [&](const schema::DropTable& d) { return DropTable(d); },
          [&](const schema::ModifyTable& m) { return ModifyTable(m); },
          [&](const schema::RenameTable& r) -> Status {
            // RENAME TO takes an unqualified name: the table stays in its schema.
            Add("ALTER TABLE " + TableName(r.from, ropts_) + " RENAME TO " + Quote(r.to.name),
                "rename a table from " + GoQuote(r.from.name) + " to " + GoQuote(r.to.name),
                {"ALTER TABLE " + TableName(r.to, ropts_) + " RENAME TO " + Quote(r.from.name)},
                Source("rename_table", r.to.name));
            return Status::Ok();
          },
          [&](const schema::AddView& a) { return AddView(a.v); },
          [&](const schema::DropView& d) { return DropView(d.v); },
          [&](const schema::ModifyView& m) { return ModifyView(m); },
          [&](const schema::AddTrigger& a) { return AddTrigger(a.t); },
          [&](const schema::DropTrigger& d) { return DropTrigger(d.t); },
          [&](const schema::ModifyTrigger& m) -> Status {
            RETURN_IF_ERROR(DropTrigger(m.from));
            return AddTrigger(m.to);
          },
          [&](const schema::AddObject& a) { return AddObject(a.o); },
          [&](const schema::DropObject& d) { return DropObject(d.o); },
          [&](const schema::ModifyObject& m) { return ModifyObject(m); },
      },
      change);
}

plan::Plan Planner::Finish() {
  plan::Plan p;
  for (auto& c : deferred_) changes_.push_back(std::move(c));
  // A new enum value cannot be used in the transaction that adds it.
  p.transactional = !non_transactional_ && !EnumValueUsedLater(changes_);
  p.changes = std::move(changes_);
  p.reversible = true;
  for (const auto& c : p.changes)
    if (c.reverse.empty()) p.reversible = false;
  return p;
}

}  // namespace internal

Result<plan::Plan> PlanChanges(const schema::ChangeList& changes, const plan::PlanOptions& opts) {
  if (opts.qualifier) RETURN_IF_ERROR(internal::CheckScope(changes));
  internal::Planner planner(opts);
  for (const auto& change : plan::OrderChanges(changes)) RETURN_IF_ERROR(planner.Plan(change));
  plan::Plan p = planner.Finish();
  if (internal::NeedsBodyChecksOff(changes)) p.changes.insert(p.changes.begin(), internal::BodyChecksOff());
  return p;
}

}  // namespace strata::dialect::postgres
