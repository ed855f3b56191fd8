// The PostgreSQL planner's state, shared by plan.cc (dispatch, schemas,
// tables, views, triggers) and plan_alter.cc (ModifyTable). Internal to the
// dialect; other layers call PlanChanges (plan.h).
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "dialect/postgres/render.h"
#include "plan/plan.h"
#include "schema/changes.h"

namespace strata::dialect::postgres::internal {

class Planner {
 public:
  explicit Planner(const plan::PlanOptions& opts);

  Status Plan(const schema::Change& change);
  plan::Plan Finish();

 private:
  void Add(std::string cmd, std::string comment, std::vector<std::string> reverse, std::string source,
           bool destructive = false);

  Status AddSchema(const schema::AddSchema& a);
  Status ModifySchemaAttr(const schema::ModifySchemaAttr& m);
  // CREATE TABLE, its plain indexes and its comments, appended to `out`.
  Status AddTable(const schema::Table& t, bool if_not_exists, const std::string& source,
                  std::vector<plan::PlannedChange>* out) const;
  Status DropTable(const schema::DropTable& d);
  Status ModifyTable(const schema::ModifyTable& m);  // plan_alter.cc
  Status AddView(const schema::View& v);
  Status DropView(const schema::View& v);
  Status ModifyView(const schema::ModifyView& m);
  Status AddTrigger(const schema::Trigger& t);
  Status DropTrigger(const schema::Trigger& t);
  // Schema-level objects (plan_objects.cc dispatches on Object::kind).
  Status AddObject(const schema::Object& o);
  Status DropObject(const schema::Object& o);
  Status ModifyObject(const schema::ModifyObject& m);

  plan::PlannedChange CreateIndexChange(const schema::Table& t, const schema::Index& idx,
                                        const std::string& source) const;

  RenderOptions ropts_;
  std::vector<plan::PlannedChange> changes_;
};

// `source` descriptions: `add_table "t"`, `modify_table "t"`, ...
std::string Source(const std::string& key, const std::string& name);

}  // namespace strata::dialect::postgres::internal
