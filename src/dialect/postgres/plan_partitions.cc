// Moving a table between partitioned parents: a changed partition bound or
// parent is DETACH PARTITION from the old parent, then ATTACH PARTITION to
// the new one with the new bound (PostgreSQL cannot alter a bound in place).
#include "base/strings.h"
#include "dialect/postgres/planner.h"

namespace strata::dialect::postgres::internal {
namespace {

std::string Detach(const schema::Table& t, const RenderOptions& o) {
  return "ALTER TABLE " + PartitionParent(t, o) + " DETACH PARTITION " + TableName(t, o);
}

std::string Attach(const schema::Table& t, const RenderOptions& o) {
  return "ALTER TABLE " + PartitionParent(t, o) + " ATTACH PARTITION " + TableName(t, o) + " " + PartitionBound(t);
}

}  // namespace

bool IsPartitionAttr(const std::string& key) {
  return key == "partition_of" || key == "partition_of_schema" || key == "partition_bound";
}

Status Planner::ModifyPartitionOf(const schema::Table& from, const schema::Table& to, const std::string& source) {
  const bool was = from.options.Has("partition_of"), is = to.options.Has("partition_of");
  if (was) {
    Add(Detach(from, ropts_), "detach partition " + GoQuote(from.name) + " from table " +
                                 GoQuote(from.options.Get("partition_of")),
        {Attach(from, ropts_)}, source);
  }
  if (is) {
    Add(Attach(to, ropts_), "attach partition " + GoQuote(to.name) + " to table " + GoQuote(to.options.Get("partition_of")),
        {Detach(to, ropts_)}, source);
  }
  return Status::Ok();
}

}  // namespace strata::dialect::postgres::internal
