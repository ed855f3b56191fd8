#include "dialect/mysql/plan.h"

#include <algorithm>
#include <set>

#include "base/overloaded.h"
#include "base/strings.h"
#include "dialect/mysql/planner.h"
#include "plan/order.h"

namespace strata::dialect::mysql {
namespace internal {
namespace {

// Atlas's CheckChangesScope: a plan scoped to one schema (a qualifier is
// set) cannot create or drop schemas, and its table changes must all be in
// one schema.
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
    return InvalidArgument("found " + std::to_string(names.size()) +
                           " schemas when migration plan is scoped to one: [" + Join(q, " ") + "]");
  }
  return Status::Ok();
}

}  // namespace

std::string Source(const std::string& key, const std::string& name) { return key + " " + GoQuote(name); }

Planner::Planner(const plan::PlanOptions& opts, const Flavor& flavor) {
  ropts_.indent = opts.indent;
  ropts_.qualifier = opts.qualifier;
  ropts_.flavor = flavor;
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
  Add(CreateSchema(a.s, ropts_.flavor, a.if_not_exists), "add new schema named " + GoQuote(a.s.name),
      {mysql::DropSchema(a.s.name)}, Source("add_schema", a.s.name));
  return Status::Ok();
}

namespace {

// The schema's tables with the tables they reference first; foreign keys of
// a reference cycle are split off into `deferred` (added after all tables).
std::vector<schema::Table> CreationOrder(const schema::Schema& s, std::vector<schema::Table>* deferred) {
  std::vector<schema::Table> out;
  std::set<std::string> done;
  std::vector<const schema::Table*> left;
  for (const auto& t : s.tables) left.push_back(&t);
  auto ready = [&](const schema::Table& t) {
    for (const auto& fk : t.foreign_keys) {
      bool same = fk.ref_schema.empty() || fk.ref_schema == s.name;
      if (same && fk.ref_table != t.name && done.count(fk.ref_table) == 0) return false;
    }
    return true;
  };
  while (!left.empty()) {
    auto it = std::find_if(left.begin(), left.end(), [&](const schema::Table* t) { return ready(*t); });
    schema::Table t = it != left.end() ? **it : *left.front();
    if (it == left.end()) {
      // A cycle: create the first table without the keys that wait, and
      // add them once every table exists.
      it = left.begin();
      schema::Table keys = t;
      keys.foreign_keys.clear();
      std::vector<schema::ForeignKey> kept;
      for (const auto& fk : t.foreign_keys) {
        bool same = fk.ref_schema.empty() || fk.ref_schema == s.name;
        (same && fk.ref_table != t.name && done.count(fk.ref_table) == 0 ? keys.foreign_keys : kept).push_back(fk);
      }
      t.foreign_keys = std::move(kept);
      deferred->push_back(std::move(keys));
    }
    done.insert(t.name);
    out.push_back(std::move(t));
    left.erase(it);
  }
  return out;
}

}  // namespace

Status Planner::DropSchema(const schema::DropSchema& d) {
  // The reverse re-creates the database and everything in it (not the
  // rows); the differ reports a dropped schema as one change.
  std::vector<std::string> reverse = {CreateSchema(d.s, ropts_.flavor)};
  RenderOptions ro = ropts_;
  ro.indent.clear();
  auto fail = [&](const Status& st) {
    return Status(st.code(), "mysql: calculate reverse for drop schema " + GoQuote(d.s.name) + ": " + st.message());
  };
  std::vector<schema::Table> deferred;
  for (const auto& t : CreationOrder(d.s, &deferred)) {
    auto create = CreateTable(t, ro);
    if (!create.ok()) return fail(create.status());
    reverse.push_back(std::move(create).value());
  }
  for (const auto& t : deferred) {
    std::vector<std::string> adds;
    for (const auto& fk : t.foreign_keys) adds.push_back("ADD " + ForeignKeyDef(t, fk, ro));
    reverse.push_back("ALTER TABLE " + TableName(t, ro) + " " + Join(adds, ", "));
  }
  for (const auto& o : d.s.objects) {
    auto create = CreateObject(o, ro);
    if (!create.ok()) return fail(create.status());
    reverse.push_back(std::move(create).value());
  }
  if (!d.s.views.empty() && !ro.qualifier) reverse.push_back("USE " + Quote(d.s.name));
  for (const auto& v : d.s.views) reverse.push_back(CreateView(v, ro));
  for (const auto& t : d.s.triggers) {
    auto create = CreateTrigger(t, ro);
    if (!create.ok()) return fail(create.status());
    reverse.push_back(std::move(create).value());
  }
  Add(mysql::DropSchema(d.s.name, d.if_exists), "drop schema named " + GoQuote(d.s.name), std::move(reverse),
      Source("drop_schema", d.s.name), /*destructive=*/true);
  return Status::Ok();
}

Status Planner::ModifySchemaAttr(const schema::ModifySchemaAttr& m) {
  auto clause = [&](const std::string& v) -> Result<std::string> {
    if (m.key == "charset") return "CHARSET " + v;
    if (m.key == "collate") return "COLLATE " + v;
    if (m.key == "comment" && ropts_.flavor.mariadb) return "COMMENT " + QuoteString(v);
    return Unsupported("mysql: unsupported schema attribute change " + GoQuote(m.key) + " on schema " +
                       GoQuote(m.schema));
  };
  ASSIGN_OR_RETURN(std::string up, clause(m.to));
  const std::string head = "ALTER DATABASE " + Quote(m.schema);
  const std::string source = Source("modify_schema", m.schema);
  std::string down;
  // An attribute that was not set has no value to go back to (except an
  // empty comment).
  bool reversible = !m.from.empty() || m.key == "comment";
  if (reversible) {
    ASSIGN_OR_RETURN(std::string d, clause(m.from));
    down = std::move(d);
  }
  // Several attributes of one database go into one ALTER DATABASE.
  if (!changes_.empty() && changes_.back().source == source) {
    plan::PlannedChange& last = changes_.back();
    last.cmd += " " + up;
    if (!reversible || last.reverse.empty()) {
      last.reverse.clear();
    } else {
      last.reverse[0] += " " + down;
    }
    return Status::Ok();
  }
  std::vector<std::string> reverse;
  if (reversible) reverse.push_back(head + " " + down);
  Add(head + " " + up, "modify " + GoQuote(m.schema) + " schema", std::move(reverse), source);
  return Status::Ok();
}

Status Planner::AddTable(const schema::AddTable& a) {
  RETURN_IF_ERROR(CheckCompatibility(a.t, ropts_.flavor));
  ASSIGN_OR_RETURN(std::string create, CreateTable(a.t, ropts_, a.if_not_exists));
  Add(std::move(create), "create " + GoQuote(a.t.name) + " table", {mysql::DropTable(a.t, ropts_)},
      Source("add_table", a.t.name));
  return Status::Ok();
}

Status Planner::DropTable(const schema::DropTable& d) {
  auto create = CreateTable(d.t, ropts_);
  if (!create.ok()) {
    return Status(create.status().code(), "mysql: calculate reverse for drop table " + GoQuote(d.t.name) + ": " +
                                              create.status().message());
  }
  Add(mysql::DropTable(d.t, ropts_, d.if_exists), "drop " + GoQuote(d.t.name) + " table",
      {std::move(create).value()}, Source("drop_table", d.t.name), /*destructive=*/true);
  return Status::Ok();
}

std::vector<std::string> Planner::WithDatabase(const std::string& schema, std::string stmt) const {
  if (ropts_.qualifier || schema.empty()) return {std::move(stmt)};
  return {"USE " + Quote(schema), std::move(stmt)};
}

void Planner::UseDatabase(const std::string& schema, const std::string& source) {
  // Realm scope only: a qualifier means the connection's database is the
  // target. The reverse is the same USE (harmless; reverses are qualified).
  if (ropts_.qualifier || schema.empty() || schema == current_db_) return;
  current_db_ = schema;
  Add("USE " + Quote(schema), "use " + GoQuote(schema) + " for the unqualified names of view bodies",
      {"USE " + Quote(schema)}, source);
}

Status Planner::AddView(const schema::View& v) {
  UseDatabase(v.schema, Source("add_view", v.name));
  Add(CreateView(v, ropts_), "create " + GoQuote(v.name) + " view", {mysql::DropView(v, ropts_)},
      Source("add_view", v.name));
  return Status::Ok();
}

Status Planner::DropView(const schema::View& v) {
  Add(mysql::DropView(v, ropts_), "drop " + GoQuote(v.name) + " view", WithDatabase(v.schema, CreateView(v, ropts_)),
      Source("drop_view", v.name));
  return Status::Ok();
}

Status Planner::ModifyView(const schema::ModifyView& m) {
  // MySQL replaces any view definition in place.
  UseDatabase(m.to.schema, Source("modify_view", m.to.name));
  Add(CreateView(m.to, ropts_, /*or_replace=*/true), "modify " + GoQuote(m.to.name) + " view",
      WithDatabase(m.from.schema, CreateView(m.from, ropts_, /*or_replace=*/true)), Source("modify_view", m.to.name));
  return Status::Ok();
}

Status Planner::AddTrigger(const schema::Trigger& t) {
  ASSIGN_OR_RETURN(std::string create, CreateTrigger(t, ropts_));
  Add(std::move(create), "create trigger " + GoQuote(t.name), {mysql::DropTrigger(t, ropts_)},
      Source("add_trigger", t.name));
  return Status::Ok();
}

Status Planner::DropTrigger(const schema::Trigger& t) {
  ASSIGN_OR_RETURN(std::string create, CreateTrigger(t, ropts_));
  Add(mysql::DropTrigger(t, ropts_), "drop trigger " + GoQuote(t.name), {std::move(create)},
      Source("drop_trigger", t.name));
  return Status::Ok();
}

Status Planner::Plan(const schema::Change& change) {
  return std::visit(
      Overloaded{
          [&](const schema::AddSchema& a) { return AddSchema(a); },
          [&](const schema::DropSchema& d) { return DropSchema(d); },
          [&](const schema::ModifySchemaAttr& m) { return ModifySchemaAttr(m); },
          [&](const schema::AddTable& a) { return AddTable(a); },
          [&](const schema::DropTable& d) { return DropTable(d); },
          [&](const schema::ModifyTable& m) { return ModifyTable(m); },
          [&](const schema::RenameTable& r) -> Status {
            Add("RENAME TABLE " + TableName(r.from, ropts_) + " TO " + TableName(r.to, ropts_),
                "rename a table from " + GoQuote(r.from.name) + " to " + GoQuote(r.to.name),
                {"RENAME TABLE " + TableName(r.to, ropts_) + " TO " + TableName(r.from, ropts_)},
                Source("rename_table", r.to.name));
            return Status::Ok();
          },
          [&](const schema::AddView& a) { return AddView(a.v); },
          [&](const schema::DropView& d) { return DropView(d.v); },
          [&](const schema::ModifyView& m) { return ModifyView(m); },
          [&](const schema::AddTrigger& a) { return AddTrigger(a.t); },
          [&](const schema::DropTrigger& d) { return DropTrigger(d.t); },
          [&](const schema::ModifyTrigger& m) -> Status {
            // Only MariaDB has CREATE OR REPLACE TRIGGER: drop and create on both.
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
  // Every DDL statement commits implicitly on MySQL and MariaDB.
  p.transactional = false;
  p.changes = std::move(changes_);
  p.reversible = true;
  bool inner = false;
  for (const auto& c : p.changes) {
    if (c.reverse.empty()) p.reversible = false;
    inner |= HasInnerSemicolon(c.cmd);
    for (const auto& r : c.reverse) inner |= HasInnerSemicolon(r);
  }
  // BEGIN ... END bodies hold ";": statements then end at a line "-- end"
  // (the file starts with `-- atlas:delimiter \n-- end`).
  if (inner) p.delimiter = "\n-- end";
  return p;
}

}  // namespace internal

Result<plan::Plan> PlanChanges(const schema::ChangeList& changes, const plan::PlanOptions& opts,
                               const Flavor& flavor) {
  if (opts.qualifier) RETURN_IF_ERROR(internal::CheckScope(changes));
  internal::Planner planner(opts, flavor);
  for (const auto& change : plan::OrderChanges(changes)) RETURN_IF_ERROR(planner.Plan(change));
  return planner.Finish();
}

}  // namespace strata::dialect::mysql
