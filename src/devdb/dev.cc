#include "devdb/dev.h"

#include "diff/differ.h"

namespace strata::devdb {
namespace {

schema::Realm EmptyLike(const schema::Realm& r) {
  schema::Realm out;
  for (const auto& s : r.schemas) {
    schema::Schema e;
    e.name = s.name;
    out.schemas.push_back(e);
  }
  return out;
}

}  // namespace

Result<schema::Realm> DevDatabase::InspectAll(const std::vector<std::string>& schemas) {
  dialect::InspectOptions opts;
  std::string bound = driver_->BoundSchema();
  if (!bound.empty()) {
    ASSIGN_OR_RETURN(schema::Schema s, driver_->InspectSchema(bound, opts));
    schema::Realm r;
    r.schemas.push_back(std::move(s));
    return r;
  }
  opts.schemas = schemas;
  return driver_->InspectRealm(opts);
}

Status DevDatabase::Reset() {
  Status quick = driver_->QuickReset();
  if (quick.ok() || quick.code() != Code::kUnsupported) return quick;
  ASSIGN_OR_RETURN(schema::Realm current, InspectAll({}));
  ASSIGN_OR_RETURN(schema::ChangeList changes,
                   diff::DiffRealm(current, EmptyLike(current), driver_->Hooks()));
  if (changes.empty()) return Status::Ok();
  plan::PlanOptions popts;
  if (!driver_->BoundSchema().empty()) popts.qualifier = "";
  ASSIGN_OR_RETURN(plan::Plan p, driver_->PlanChanges(changes, popts));
  dialect::ApplyReport report;
  return driver_->ApplyPlan(p, {}, &report).Wrap("dev: cleaning the dev database");
}

Result<schema::Realm> DevDatabase::Normalize(const schema::Realm& desired) {
  RETURN_IF_ERROR(driver_->CheckClean());
  std::string bound = driver_->BoundSchema();
  schema::ChangeList changes;
  std::vector<std::string> names;
  for (const auto& s : desired.schemas) names.push_back(s.name);
  if (!bound.empty()) {
    // Schema scope: every desired schema is created inside the bound one.
    if (desired.schemas.size() > 1) {
      return InvalidArgument("cannot use HCL with more than 1 schema when dev-url is limited to schema \"" +
                             bound + "\"");
    }
    if (!desired.schemas.empty()) {
      schema::Schema empty;
      empty.name = desired.schemas[0].name;
      ASSIGN_OR_RETURN(changes, diff::DiffSchema(empty, desired.schemas[0], driver_->Hooks()));
    }
  } else {
    ASSIGN_OR_RETURN(changes, diff::DiffRealm(schema::Realm{}, desired, driver_->Hooks()));
  }
  plan::PlanOptions popts;
  if (!bound.empty()) popts.qualifier = "";
  ASSIGN_OR_RETURN(plan::Plan p, driver_->PlanChanges(changes, popts));
  dialect::ApplyReport report;
  Status st = driver_->ApplyPlan(p, {}, &report);
  if (!st.ok()) {
    (void)Reset();
    return st.Wrap("dev: normalizing the desired state");
  }
  auto inspected = InspectAll(names);
  Status reset = Reset();
  if (!inspected.ok()) return inspected.status();
  RETURN_IF_ERROR(reset);
  schema::Realm out = std::move(inspected).value();
  // Keep the desired schema names (schema scope renames nothing on SQLite,
  // but a bound dev schema may differ from the desired name).
  if (!bound.empty() && out.schemas.size() == 1 && desired.schemas.size() == 1) {
    out.schemas[0].name = desired.schemas[0].name;
    for (auto& t : out.schemas[0].tables) t.schema = desired.schemas[0].name;
    for (auto& v : out.schemas[0].views) {
      v.schema = desired.schemas[0].name;
      // "table.<bound>.t" dependencies (PostgreSQL inspection) name the dev schema.
      for (auto& d : v.depends_on) {
        size_t dot = d.find('.');
        if (dot != std::string::npos && d.compare(dot + 1, bound.size() + 1, bound + ".") == 0)
          d = d.substr(0, dot + 1) + desired.schemas[0].name + d.substr(dot + 1 + bound.size());
      }
    }
    for (auto& t : out.schemas[0].triggers) t.schema = desired.schemas[0].name;
    for (auto& o : out.schemas[0].objects) {
      o.schema = desired.schemas[0].name;
      // "<kind>.<schema>.<name>" dependencies on the dev schema's objects.
      const std::string from = "." + bound + ".", to = "." + desired.schemas[0].name + ".";
      for (auto& d : o.depends_on)
        if (size_t at = d.find(from); at != std::string::npos && d.find('.') == at) d.replace(at, from.size(), to);
    }
    // Column types naming the dev schema's enums/domains (Type::schema).
    for (auto& t : out.schemas[0].tables)
      for (auto& c : t.columns)
        if (c.type.schema == bound) c.type.schema = desired.schemas[0].name;
  }
  // Re-attach source positions for later error messages.
  for (auto& s : out.schemas) {
    const schema::Schema* ds = desired.FindSchema(s.name);
    if (ds == nullptr) continue;
    s.pos = ds->pos;
    for (auto& t : s.tables)
      if (const schema::Table* dt = ds->FindTable(t.name)) t.pos = dt->pos;
  }
  return out;
}

Result<schema::Realm> DevDatabase::LoadSQL(const std::vector<SourceFile>& files) {
  RETURN_IF_ERROR(driver_->CheckClean());
  for (const auto& f : files) {
    Status st = driver_->ExecScript(f.content, f.name);
    if (!st.ok()) {
      (void)Reset();
      return st;
    }
  }
  auto inspected = InspectAll({});
  Status reset = Reset();
  if (!inspected.ok()) return inspected.status();
  RETURN_IF_ERROR(reset);
  return inspected;
}

}  // namespace strata::devdb
