// The SQLite planner's state, shared by plan.cc (dispatch, tables, views,
// triggers) and plan_copy.cc (the table-copy strategy). Internal to the
// dialect; other layers call PlanChanges (plan.h).
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "dialect/sqlite/render.h"
#include "plan/plan.h"
#include "schema/changes.h"

namespace strata::dialect::sqlite::internal {

class Planner {
 public:
  explicit Planner(const plan::PlanOptions& opts);

  Status Plan(const schema::Change& change);
  // The plan so far, wrapped in the foreign-key pragmas when a statement
  // needs them (table drops and copies).
  plan::Plan Finish();

 private:
  void Add(std::string cmd, std::string comment, std::vector<std::string> reverse, std::string source,
           bool destructive = false);

  Status AddTable(const schema::Table& t, bool if_not_exists);
  Status DropTable(const schema::DropTable& d);
  // CREATE TABLE plus its indexes: the statements that re-create `t`.
  Result<std::vector<std::string>> CreateStatements(const schema::Table& t) const;
  Status AddIndex(const std::string& table, const schema::Index& idx);
  Status DropIndex(const std::string& table, const schema::Index& idx);
  Status ModifyTable(const schema::ModifyTable& m);
  Status AlterTable(const schema::ModifyTable& m);
  Status CopyTable(const schema::ModifyTable& m);  // plan_copy.cc
  Status ModifyView(const schema::ModifyView& m);
  Status AddTrigger(const schema::Trigger& t);
  Status DropTrigger(const schema::Trigger& t);

  RenderOptions ropts_;
  std::vector<plan::PlannedChange> changes_;
  bool skip_fks_ = false;
};

// True when ALTER TABLE can apply every change of `m` in place.
bool Alterable(const schema::ModifyTable& m);

// `source` descriptions: `add_table "t"`, `modify_table "t"`, ...
std::string Source(const std::string& key, const std::string& name);

}  // namespace strata::dialect::sqlite::internal
