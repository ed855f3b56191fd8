// Planning of schema-level objects: one handler per Object::kind. A kind
// without a handler fails the plan with a clear message rather than being
// skipped silently.
#include <functional>
#include <map>

#include "base/strings.h"
#include "dialect/postgres/planner.h"

namespace strata::dialect::postgres::internal {
namespace {

Status NoHandler(const schema::Object& o) {
  return Unsupported("postgres: planning " + o.kind + " " + GoQuote(o.name) + " is not supported");
}

}  // namespace

Status Planner::AddObject(const schema::Object& o) { return NoHandler(o); }

Status Planner::DropObject(const schema::Object& o) { return NoHandler(o); }

Status Planner::ModifyObject(const schema::ModifyObject& m) { return NoHandler(m.to); }

}  // namespace strata::dialect::postgres::internal
