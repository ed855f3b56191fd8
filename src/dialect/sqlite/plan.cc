#include "dialect/sqlite/plan.h"

#include "base/overloaded.h"
#include "base/strings.h"
#include "db/sqlite/conn.h"
#include "dialect/sqlite/diff_hooks.h"
#include "dialect/sqlite/planner.h"
#include "plan/order.h"

namespace strata::dialect::sqlite {
namespace internal {
namespace {

bool IsMainSchema(const std::string& name) { return name.empty() || name == "main"; }

// SQLite has no schema-level objects besides tables, views and triggers.
Status UnsupportedObject(const schema::Object& o) {
  return Unsupported("sqlite: " + o.kind + " " + GoQuote(o.name) + " is not supported by SQLite");
}

// CURRENT_TIME and friends are not constants, which ALTER TABLE ADD COLUMN
// requires of a default.
bool IsTimeKeyword(const std::string& s) {
  std::string u = ToUpper(Trim(s));
  return u == "CURRENT_TIME" || u == "CURRENT_DATE" || u == "CURRENT_TIMESTAMP";
}

bool UsesColumn(const schema::Table& t, const std::string& col) {
  auto in_parts = [&](const schema::Index& idx) {
    for (const auto& p : idx.parts)
      if (p.column == col) return true;
    return false;
  };
  if (t.primary_key && in_parts(*t.primary_key)) return true;
  for (const auto& idx : t.indexes)
    if (in_parts(idx)) return true;
  for (const auto& fk : t.foreign_keys)
    for (const auto& c : fk.columns)
      if (c == col) return true;
  return false;
}

// ALTER TABLE ADD COLUMN accepts a column that is not part of a key, has a
// constant default (or none), and is not a STORED generated column.
bool SimpleAddColumn(const schema::Table& to, const schema::Column& c) {
  if (UsesColumn(to, c.name) || c.options.Flag("auto_increment")) return false;
  if (c.default_value) {
    if (c.default_value->kind == schema::Expr::Kind::kRaw) return false;
    if (IsTimeKeyword(c.default_value->text)) return false;
  }
  if (c.generated && EqualFold(c.generated->type, "STORED")) return false;
  return true;
}

}  // namespace

std::string Source(const std::string& key, const std::string& name) { return key + " " + GoQuote(name); }

bool Alterable(const schema::ModifyTable& m) {
  for (const auto& change : m.changes) {
    bool ok = std::visit(
        Overloaded{
            [](const schema::RenameColumn&) { return true; },
            // A UNIQUE constraint can only be added by rebuilding the table.
            [](const schema::AddIndex& a) { return !IsInlineIndex(a.i); },
            // SQLite refuses to drop or rename the index of a UNIQUE constraint.
            [](const schema::DropIndex& d) { return !IsAutoIndex(d.i); },
            [](const schema::RenameIndex& r) { return !IsAutoIndex(r.from); },
            [&](const schema::AddColumn& a) { return SimpleAddColumn(m.to, a.c); },
            [](const schema::ModifyTableAttr& a) { return a.key != "strict" && a.key != "without_rowid"; },
            [](const auto&) { return false; },
        },
        change);
    if (!ok) return false;
  }
  return true;
}

Planner::Planner(const plan::PlanOptions& opts) {
  ropts_.indent = opts.indent;
  // SQLite has one schema per connection; Atlas leaves its DDL unqualified
  // unless a qualifier is forced.
  ropts_.qualifier = opts.qualifier;
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

Result<std::vector<std::string>> Planner::CreateStatements(const schema::Table& t) const {
  std::vector<std::string> out;
  ASSIGN_OR_RETURN(std::string create, CreateTable(t, ropts_));
  out.push_back(std::move(create));
  for (const auto& idx : t.indexes) {
    if (IsInlineIndex(idx)) continue;
    ASSIGN_OR_RETURN(std::string ci, CreateIndex(t.name, idx));
    out.push_back(std::move(ci));
  }
  return out;
}

Status Planner::AddTable(const schema::Table& t, bool if_not_exists) {
  ASSIGN_OR_RETURN(std::string create, CreateTable(t, ropts_, if_not_exists));
  Add(std::move(create), "create " + GoQuote(t.name) + " table",
      {"DROP TABLE " + QualifiedName(t.name, ropts_)}, Source("add_table", t.name));
  for (const auto& idx : t.indexes)
    if (!IsInlineIndex(idx)) RETURN_IF_ERROR(AddIndex(t.name, idx));
  return Status::Ok();
}

Status Planner::DropTable(const schema::DropTable& d) {
  auto reverse = CreateStatements(d.t);
  if (!reverse.ok()) {
    return db::sqlite::Annotate(reverse.status(), "calculate reverse for drop table " + GoQuote(d.t.name));
  }
  skip_fks_ = true;
  std::string cmd = "DROP TABLE ";
  if (d.if_exists) cmd += "IF EXISTS ";
  Add(cmd + Quote(d.t.name), "drop " + GoQuote(d.t.name) + " table", std::move(reverse).value(),
      Source("drop_table", d.t.name), /*destructive=*/true);
  return Status::Ok();
}

Status Planner::AddIndex(const std::string& table, const schema::Index& idx) {
  ASSIGN_OR_RETURN(std::string name, IndexName(table, idx));
  ASSIGN_OR_RETURN(std::string create, CreateIndex(table, idx));
  Add(std::move(create), "create index " + GoQuote(name) + " to table: " + GoQuote(table),
      {sqlite::DropIndex(name)}, Source("add_index", name));
  return Status::Ok();
}

Status Planner::DropIndex(const std::string& table, const schema::Index& idx) {
  ASSIGN_OR_RETURN(std::string name, IndexName(table, idx));
  ASSIGN_OR_RETURN(std::string create, CreateIndex(table, idx));
  Add(sqlite::DropIndex(name), "drop index " + GoQuote(name) + " from table: " + GoQuote(table),
      {std::move(create)}, Source("drop_index", name));
  return Status::Ok();
}

Status Planner::ModifyTable(const schema::ModifyTable& m) {
  if (m.changes.empty()) return Status::Ok();
  return Alterable(m) ? AlterTable(m) : CopyTable(m);
}

Status Planner::AlterTable(const schema::ModifyTable& m) {
  const std::string& t = m.to.name;
  const std::string alter = "ALTER TABLE " + Quote(t);
  for (const auto& change : m.changes) {
    if (const auto* a = std::get_if<schema::AddIndex>(&change)) {
      RETURN_IF_ERROR(AddIndex(t, a->i));
    } else if (const auto* d = std::get_if<schema::DropIndex>(&change)) {
      RETURN_IF_ERROR(DropIndex(t, d->i));
    } else if (const auto* r = std::get_if<schema::RenameIndex>(&change)) {
      RETURN_IF_ERROR(AddIndex(t, r->to));
      RETURN_IF_ERROR(DropIndex(t, r->from));
    } else if (const auto* ac = std::get_if<schema::AddColumn>(&change)) {
      auto def = ColumnDef(ac->c);
      if (!def.ok()) return db::sqlite::Annotate(def.status(), "add column to table " + GoQuote(t));
      Add(alter + " ADD COLUMN " + *def, "add column " + GoQuote(ac->c.name) + " to table: " + GoQuote(t),
          {alter + " DROP COLUMN " + Quote(ac->c.name)}, Source("add_column", ac->c.name));
    } else if (const auto* rc = std::get_if<schema::RenameColumn>(&change)) {
      Add(alter + " RENAME COLUMN " + Quote(rc->from.name) + " TO " + Quote(rc->to.name),
          "rename a column from " + GoQuote(rc->from.name) + " to " + GoQuote(rc->to.name),
          {alter + " RENAME COLUMN " + Quote(rc->to.name) + " TO " + Quote(rc->from.name)},
          Source("rename_column", rc->to.name));
    }
    // Other attributes (comments) do not exist in SQLite: nothing to do.
  }
  return Status::Ok();
}

Status Planner::ModifyView(const schema::ModifyView& m) {
  // Comments and other attributes SQLite does not store change nothing.
  if (SqliteDiffHooks().ViewDefEqual(m.from.def, m.to.def)) return Status::Ok();
  Add(sqlite::DropView(m.from, ropts_), "drop " + GoQuote(m.from.name) + " view",
      {CreateView(m.from, ropts_)}, Source("modify_view", m.from.name));
  Add(CreateView(m.to, ropts_), "create " + GoQuote(m.to.name) + " view", {sqlite::DropView(m.to, ropts_)},
      Source("modify_view", m.to.name));
  return Status::Ok();
}

Status Planner::AddTrigger(const schema::Trigger& t) {
  ASSIGN_OR_RETURN(std::string create, CreateTrigger(t));
  Add(std::move(create), "create trigger " + GoQuote(t.name), {sqlite::DropTrigger(t)},
      Source("add_trigger", t.name));
  return Status::Ok();
}

Status Planner::DropTrigger(const schema::Trigger& t) {
  ASSIGN_OR_RETURN(std::string create, CreateTrigger(t));
  Add(sqlite::DropTrigger(t), "drop trigger " + GoQuote(t.name), {std::move(create)},
      Source("drop_trigger", t.name));
  return Status::Ok();
}

Status Planner::Plan(const schema::Change& change) {
  return std::visit(
      Overloaded{
          [](const schema::AddSchema& a) -> Status {
            if (IsMainSchema(a.s.name)) return Status::Ok();  // "main" always exists
            return Unsupported("sqlite: cannot create schema " + GoQuote(a.s.name) +
                               ": attached databases are not supported");
          },
          [](const schema::DropSchema& d) -> Status {
            return Unsupported("sqlite: cannot drop schema " + GoQuote(d.s.name) +
                               ": SQLite schemas are database files");
          },
          // SQLite schemas carry no attributes (comments, charsets).
          [](const schema::ModifySchemaAttr&) -> Status { return Status::Ok(); },
          [&](const schema::AddTable& a) { return AddTable(a.t, a.if_not_exists); },
          [&](const schema::DropTable& d) { return DropTable(d); },
          [&](const schema::ModifyTable& m) { return ModifyTable(m); },
          [&](const schema::RenameTable& r) -> Status {
            Add("ALTER TABLE " + QualifiedName(r.from.name, ropts_) + " RENAME TO " +
                    QualifiedName(r.to.name, ropts_),
                "rename a table from " + GoQuote(r.from.name) + " to " + GoQuote(r.to.name),
                {"ALTER TABLE " + QualifiedName(r.to.name, ropts_) + " RENAME TO " +
                 QualifiedName(r.from.name, ropts_)},
                Source("rename_table", r.to.name));
            return Status::Ok();
          },
          [&](const schema::AddView& a) -> Status {
            if (a.v.materialized)
              return Unsupported("sqlite: materialized view " + GoQuote(a.v.name) + " is not supported");
            Add(CreateView(a.v, ropts_), "create " + GoQuote(a.v.name) + " view",
                {sqlite::DropView(a.v, ropts_)}, Source("add_view", a.v.name));
            return Status::Ok();
          },
          [&](const schema::DropView& d) -> Status {
            Add(sqlite::DropView(d.v, ropts_), "drop " + GoQuote(d.v.name) + " view",
                {CreateView(d.v, ropts_)}, Source("drop_view", d.v.name));
            return Status::Ok();
          },
          [&](const schema::ModifyView& m) -> Status {
            if (m.to.materialized)
              return Unsupported("sqlite: materialized view " + GoQuote(m.to.name) + " is not supported");
            return ModifyView(m);
          },
          [&](const schema::AddTrigger& a) { return AddTrigger(a.t); },
          [&](const schema::DropTrigger& d) { return DropTrigger(d.t); },
          [&](const schema::ModifyTrigger& m) -> Status {
            // IF EXISTS: a rebuilt table (planned earlier) took the old
            // trigger with it.
            ASSIGN_OR_RETURN(std::string old, CreateTrigger(m.from));
            Add("DROP TRIGGER IF EXISTS " + Quote(m.from.name), "drop trigger " + GoQuote(m.from.name),
                {std::move(old)}, Source("modify_trigger", m.from.name));
            return AddTrigger(m.to);
          },
          [&](const schema::AddObject& a) { return UnsupportedObject(a.o); },
          [&](const schema::DropObject& d) { return UnsupportedObject(d.o); },
          [&](const schema::ModifyObject& m) { return UnsupportedObject(m.to); },
      },
      change);
}

plan::Plan Planner::Finish() {
  plan::Plan p;
  p.transactional = true;
  if (skip_fks_) {
    // SQLite ignores these pragmas inside a transaction; ApplyPlan runs them
    // outside of it.
    plan::PlannedChange off{"PRAGMA foreign_keys = off",
                            "disable the enforcement of foreign-keys constraints",
                            {"PRAGMA foreign_keys = on"},
                            false,
                            "pragma"};
    plan::PlannedChange on{"PRAGMA foreign_keys = on",
                           "enable back the enforcement of foreign-keys constraints",
                           {"PRAGMA foreign_keys = off"},
                           false,
                           "pragma"};
    changes_.insert(changes_.begin(), std::move(off));
    changes_.push_back(std::move(on));
  }
  p.changes = std::move(changes_);
  p.reversible = true;
  for (const auto& c : p.changes)
    if (c.reverse.empty()) p.reversible = false;
  return p;
}

}  // namespace internal

Result<plan::Plan> PlanChanges(const schema::ChangeList& changes, const plan::PlanOptions& opts) {
  internal::Planner planner(opts);
  for (const auto& change : plan::OrderChanges(changes)) RETURN_IF_ERROR(planner.Plan(change));
  return planner.Finish();
}

}  // namespace strata::dialect::sqlite
