// The MySQL planner's state, shared by plan.cc (dispatch, schemas, tables,
// views, triggers) and plan_alter.cc (ModifyTable). Internal to the
// dialect; other layers call PlanChanges (plan.h).
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "dialect/mysql/render.h"
#include "plan/plan.h"
#include "schema/changes.h"

namespace strata::dialect::mysql::internal {

class Planner {
 public:
  Planner(const plan::PlanOptions& opts, const Flavor& flavor);

  Status Plan(const schema::Change& change);
  plan::Plan Finish();

 private:
  void Add(std::string cmd, std::string comment, std::vector<std::string> reverse, std::string source,
           bool destructive = false);

  Status AddSchema(const schema::AddSchema& a);
  Status DropSchema(const schema::DropSchema& d);
  Status ModifySchemaAttr(const schema::ModifySchemaAttr& m);
  Status AddTable(const schema::AddTable& a);
  Status DropTable(const schema::DropTable& d);
  Status ModifyTable(const schema::ModifyTable& m);  // plan_alter.cc
  Status AddView(const schema::View& v);
  Status DropView(const schema::View& v);
  Status ModifyView(const schema::ModifyView& m);
  Status AddTrigger(const schema::Trigger& t);
  Status DropTrigger(const schema::Trigger& t);
  // Functions, procedures and events (plan_objects.cc).
  Status AddObject(const schema::Object& o);
  Status DropObject(const schema::Object& o);
  Status ModifyObject(const schema::ModifyObject& m);

  // View bodies name their tables unqualified (as inspection returns
  // them): in realm scope the view's database must be the default one.
  // UseDatabase adds a `USE` change when it is not yet; WithDatabase
  // prefixes a reverse statement with one.
  void UseDatabase(const std::string& schema, const std::string& source);
  std::vector<std::string> WithDatabase(const std::string& schema, std::string stmt) const;

  RenderOptions ropts_;
  std::vector<plan::PlannedChange> changes_;
  std::string current_db_;  // the database of the last USE change
};

// `source` descriptions: `add_table "t"`, `modify_table "t"`, ...
std::string Source(const std::string& key, const std::string& name);

}  // namespace strata::dialect::mysql::internal
