// Planning of schema-level objects: functions, procedures and events
// (Object::kind "function" | "procedure" | "event"). Any other kind fails
// the plan with a clear message rather than being skipped.
#include "base/strings.h"
#include "dialect/mysql/planner.h"

namespace strata::dialect::mysql::internal {

Status Planner::AddObject(const schema::Object& o) {
  ASSIGN_OR_RETURN(std::string create, CreateObject(o, ropts_));
  ASSIGN_OR_RETURN(std::string drop, mysql::DropObject(o, ropts_));
  Add(std::move(create), "create " + o.kind + " " + GoQuote(o.name), {std::move(drop)},
      Source("add_" + o.kind, o.name));
  return Status::Ok();
}

Status Planner::DropObject(const schema::Object& o) {
  ASSIGN_OR_RETURN(std::string create, CreateObject(o, ropts_));
  ASSIGN_OR_RETURN(std::string drop, mysql::DropObject(o, ropts_));
  Add(std::move(drop), "drop " + o.kind + " " + GoQuote(o.name), {std::move(create)},
      Source("drop_" + o.kind, o.name));
  return Status::Ok();
}

Status Planner::ModifyObject(const schema::ModifyObject& m) {
  // Neither server alters a routine's body in place (MySQL has no CREATE OR
  // REPLACE FUNCTION), so the object is dropped and created again.
  RETURN_IF_ERROR(DropObject(m.from));
  return AddObject(m.to);
}

}  // namespace strata::dialect::mysql::internal
