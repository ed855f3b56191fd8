// Planning of schema-level objects: one handler per Object::kind. A kind
// without a handler fails the plan with a clear message rather than being
// skipped silently.
#include <functional>
#include <map>

#include "base/strings.h"
#include "dialect/postgres/plan_code.h"
#include "dialect/postgres/plan_types.h"
#include "dialect/postgres/planner.h"
#include "dialect/postgres/render_types.h"

namespace strata::dialect::postgres::internal {
namespace {

Status NoHandler(const schema::Object& o) {
  return Unsupported("postgres: planning " + o.kind + " " + GoQuote(o.name) + " is not supported");
}

}  // namespace

Status Planner::AddObject(const schema::Object& o) {
  if (IsCodeObject(o)) return PlanAddCode(o, ropts_, &changes_);  // plan_code.cc
  if (IsTypeObject(o)) return PlanAddType(o, ropts_, &changes_, &deferred_);  // plan_types.cc
  return NoHandler(o);
}

Status Planner::DropObject(const schema::Object& o) {
  if (IsCodeObject(o)) return PlanDropCode(o, ropts_, &changes_);
  if (IsTypeObject(o)) return PlanDropType(o, ropts_, &changes_);
  return NoHandler(o);
}

Status Planner::ModifyObject(const schema::ModifyObject& m) {
  if (IsCodeObject(m.to)) return PlanModifyCode(m, ropts_, &changes_);
  if (IsTypeObject(m.to)) return PlanModifyType(m, ropts_, &changes_);
  return NoHandler(m.to);
}

}  // namespace strata::dialect::postgres::internal
