// Planner behaviour of agent "tables": CONCURRENTLY indexes, partitions,
// USING conversions and destructive narrowing.
#include <gtest/gtest.h>

#include "dialect/postgres/plan.h"
#include "dialect/postgres/plan_test_util.h"
#include "dialect/postgres/render.h"

namespace strata::dialect::postgres {
namespace {

using testing::Col;
using testing::Idx;
using testing::Users;

plan::Plan MustPlan(const schema::ChangeList& changes, const plan::PlanOptions& o = {}) {
  auto p = PlanChanges(changes, o);
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.ok() ? *p : plan::Plan{};
}

TEST(PostgresPlanTables, ConcurrentIndexesOnExistingTablesOnly) {
  schema::Table from = Users(), to = Users();
  from.indexes = {Idx("users_old", {"name"})};
  to.indexes = {Idx("users_name", {"name"})};
  schema::ModifyTable m{from, to, {schema::DropIndex{from.indexes[0]}, schema::AddIndex{to.indexes[0]}}, {}};
  schema::Table fresh = Users();
  fresh.name = "fresh";
  fresh.indexes = {Idx("fresh_name", {"name"})};
  plan::PlanOptions o;
  o.concurrent_index_create = o.concurrent_index_drop = true;
  plan::Plan p = MustPlan({m, schema::AddTable{fresh}}, o);
  EXPECT_FALSE(p.transactional);
  ASSERT_EQ(p.changes.size(), 4u);
  EXPECT_EQ(p.changes[0].cmd, "DROP INDEX CONCURRENTLY \"public\".\"users_old\"");
  EXPECT_EQ(p.changes[0].reverse[0], "CREATE INDEX CONCURRENTLY \"users_old\" ON \"public\".\"users\" (\"name\")");
  EXPECT_EQ(p.changes[1].cmd, "CREATE INDEX CONCURRENTLY \"users_name\" ON \"public\".\"users\" (\"name\")");
  EXPECT_EQ(p.changes[3].cmd, "CREATE INDEX \"fresh_name\" ON \"public\".\"fresh\" (\"name\")");
  // Without the options: plain statements in a transaction.
  plan::Plan plain = MustPlan({m});
  EXPECT_TRUE(plain.transactional);
  EXPECT_EQ(plain.changes[0].cmd, "DROP INDEX \"public\".\"users_old\"");
  // Only create: the drop stays plain, the plan is still not transactional.
  plan::PlanOptions create_only;
  create_only.concurrent_index_create = true;
  plan::Plan c = MustPlan({m}, create_only);
  EXPECT_FALSE(c.transactional);
  EXPECT_EQ(c.changes[0].cmd, "DROP INDEX \"public\".\"users_old\"");
  EXPECT_EQ(c.changes[1].cmd, "CREATE INDEX CONCURRENTLY \"users_name\" ON \"public\".\"users\" (\"name\")");
}

TEST(PostgresPlanTables, TypeChangesUsingAndDestructive) {
  schema::Table from = Users(), to = Users();
  from.columns.push_back(Col("age", "text", true));
  to.columns.push_back(Col("age", "integer", true));
  schema::ModifyColumn mc{from.columns[2], to.columns[2], schema::kChangeType};
  plan::Plan p = MustPlan({schema::ModifyTable{from, to, {mc}, {}}});
  ASSERT_EQ(p.changes.size(), 1u);
  EXPECT_EQ(p.changes[0].cmd, "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"age\" TYPE integer USING \"age\"::integer");
  EXPECT_TRUE(p.changes[0].destructive);
  // The reverse needs no USING (integer -> text has an assignment cast).
  EXPECT_EQ(p.changes[0].reverse[0], "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"age\" TYPE text");
  // Widening is not destructive.
  schema::Column wide = from.columns[1];
  wide.type = testing::Col("name", "varchar(500)").type;
  schema::ModifyColumn w{from.columns[1], wide, schema::kChangeType};
  plan::Plan pw = MustPlan({schema::ModifyTable{from, from, {w}, {}}});
  EXPECT_FALSE(pw.changes[0].destructive);
  EXPECT_EQ(pw.changes[0].cmd,
            "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"name\" TYPE character varying(500)");
}

TEST(PostgresPlanTables, PartitionsCreateAttachDetach) {
  schema::Table parent;
  parent.name = "m";
  parent.schema = "public";
  parent.columns = {Col("id", "integer"), Col("at", "date")};
  parent.options.Set("partition", "RANGE (at)");
  schema::Table child;
  child.name = "m_2020";
  child.schema = "public";
  child.options.Set("partition_of", "m");
  child.options.Set("partition_bound", "FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')");
  schema::Table def = child;
  def.name = "m_def";
  def.options.Erase("partition_bound");
  // The child comes first in the input; the parent is still created first.
  plan::Plan p = MustPlan({schema::AddTable{child}, schema::AddTable{def}, schema::AddTable{parent}});
  ASSERT_EQ(p.changes.size(), 3u);
  EXPECT_EQ(p.changes[0].cmd,
            "CREATE TABLE \"public\".\"m\" (\"id\" integer NOT NULL, \"at\" date NOT NULL) PARTITION BY RANGE (at)");
  EXPECT_EQ(p.changes[1].cmd,
            "CREATE TABLE \"public\".\"m_2020\" PARTITION OF \"public\".\"m\" FOR VALUES FROM ('2020-01-01') TO "
            "('2021-01-01')");
  EXPECT_EQ(p.changes[2].cmd, "CREATE TABLE \"public\".\"m_def\" PARTITION OF \"public\".\"m\" DEFAULT");
  // Drops: partitions before their parent.
  plan::Plan d = MustPlan({schema::DropTable{parent}, schema::DropTable{child}});
  ASSERT_EQ(d.changes.size(), 2u);
  EXPECT_EQ(d.changes[0].cmd, "DROP TABLE \"public\".\"m_2020\"");
  // A new bound: DETACH then ATTACH, reversible.
  schema::Table moved = child;
  moved.options.Set("partition_bound", "FOR VALUES FROM ('2019-01-01') TO ('2021-01-01')");
  plan::Plan a = MustPlan({schema::ModifyTable{
      child, moved, {schema::ModifyTableAttr{"partition_bound", child.options.Get("partition_bound"),
                                             moved.options.Get("partition_bound")}}, {}}});
  ASSERT_EQ(a.changes.size(), 2u);
  EXPECT_EQ(a.changes[0].cmd, "ALTER TABLE \"public\".\"m\" DETACH PARTITION \"public\".\"m_2020\"");
  EXPECT_EQ(a.changes[1].cmd,
            "ALTER TABLE \"public\".\"m\" ATTACH PARTITION \"public\".\"m_2020\" FOR VALUES FROM ('2019-01-01') TO "
            "('2021-01-01')");
  EXPECT_EQ(a.changes[1].reverse[0], "ALTER TABLE \"public\".\"m\" DETACH PARTITION \"public\".\"m_2020\"");
  EXPECT_TRUE(a.reversible);
}

}  // namespace
}  // namespace strata::dialect::postgres

namespace strata::dialect::postgres {
namespace {

TEST(PostgresPlanTables, DoubleQuotedDefaultIsAString) {
  schema::Column c = testing::Col("a", "text");
  // HCL default = "\"x\"" decodes to the literal '"x"'; "\"it's\"" to '"it''s"'.
  c.default_value = testing::Lit("'\"x\"'");
  EXPECT_EQ(DefaultValue(c), "'x'");
  c.default_value = testing::Lit("'\"it''s\"'");
  EXPECT_EQ(DefaultValue(c), "'it''s'");
  c.default_value = testing::Lit("'plain'");
  EXPECT_EQ(DefaultValue(c), "'plain'");
}

}  // namespace
}  // namespace strata::dialect::postgres
