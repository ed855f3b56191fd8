// Partitions and EXCLUDE constraints against a real PostgreSQL: inspection
// in the existing bulk queries, the HCL round trip, and re-creation from the
// plan in an empty database.
#include <gtest/gtest.h>

#include "db/pq/test_util.h"
#include "diff/differ.h"
#include "dialect/postgres/diff_hooks.h"
#include "dialect/postgres/inspect.h"
#include "dialect/postgres/plan.h"
#include "dialect/postgres/spec.h"
#include "spec/decode.h"
#include "spec/encode.h"

namespace strata::dialect::postgres {
namespace {

using db::pq::testing::FreshDatabase;

constexpr char kSchema[] = R"sql(
CREATE SCHEMA a;
CREATE SCHEMA b;
CREATE TABLE a.m (id int NOT NULL, at date NOT NULL, region text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE INDEX m_region ON a.m (region);
CREATE TABLE b.m_2020 PARTITION OF a.m FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE a.m_def PARTITION OF a.m (CONSTRAINT m_def_id CHECK (id > 0)) DEFAULT;
CREATE INDEX m_def_region ON a.m_def (lower(region));
CREATE TABLE a.booking (room int, during tsrange,
  CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&) WHERE (room > 0) DEFERRABLE);
)sql";

class PartitionsIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    if (db::pq::testing::ServerUrl().empty()) GTEST_SKIP() << "STRATA_PG_URL is not set";
    db_ = std::make_unique<FreshDatabase>();
    ASSERT_TRUE(db_->ok());
    conn_ = db_->Connect();
    ASSERT_NE(conn_, nullptr);
  }
  std::unique_ptr<FreshDatabase> db_;
  std::unique_ptr<db::pq::PqConn> conn_;
};

TEST_F(PartitionsIntegration, InspectsPartitionsWithoutInheritedObjects) {
  ASSERT_TRUE(conn_->Exec(kSchema).ok());
  auto realm = InspectSchemas(*conn_, {"a", "b"});
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  const schema::Table* m2020 = realm->FindSchema("b")->FindTable("m_2020");
  ASSERT_NE(m2020, nullptr);
  EXPECT_EQ(m2020->options.Get("partition_of"), "m");
  EXPECT_EQ(m2020->options.Get("partition_of_schema"), "a");
  EXPECT_TRUE(m2020->columns.empty());
  EXPECT_FALSE(m2020->primary_key.has_value());  // inherited from a.m
  EXPECT_TRUE(m2020->indexes.empty());           // m_region's partition index
  const schema::Table* def = realm->FindSchema("a")->FindTable("m_def");
  ASSERT_NE(def, nullptr);
  EXPECT_EQ(def->options.Get("partition_bound"), "DEFAULT");
  EXPECT_FALSE(def->options.Has("partition_of_schema"));
  ASSERT_EQ(def->indexes.size(), 1u);  // its own index only
  EXPECT_EQ(def->indexes[0].name, "m_def_region");
  ASSERT_EQ(def->checks.size(), 1u);
  const schema::Table* booking = realm->FindSchema("a")->FindTable("booking");
  ASSERT_EQ(booking->indexes.size(), 1u);
  const schema::Index& x = booking->indexes[0];
  EXPECT_TRUE(x.options.Flag("exclude"));
  EXPECT_TRUE(x.options.Flag("deferrable"));
  EXPECT_EQ(x.options.Get("type"), "GIST");
  EXPECT_EQ(x.where, "room > 0");
  ASSERT_EQ(x.parts.size(), 1u);
  EXPECT_EQ(x.parts[0].options.Get("op"), "&&");
}

TEST_F(PartitionsIntegration, HclRoundTripAndRecreate) {
  ASSERT_TRUE(conn_->Exec(kSchema).ok());
  auto realm = InspectSchemas(*conn_, {"a", "b"});
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  // Inspect -> HCL -> model: the same realm.
  std::string hcl = spec::EncodeRealm(*realm, PostgresSpec());
  EXPECT_NE(hcl.find("partition_of    = table.a.m"), std::string::npos) << hcl;
  auto decoded = spec::DecodeSources({{"s.pg.hcl", hcl}}, {}, PostgresSpec());
  ASSERT_TRUE(decoded.ok()) << decoded.status().message();
  PostgresDiffHooks hooks;
  auto same = diff::DiffRealm(*realm, *decoded, hooks);
  ASSERT_TRUE(same.ok());
  for (const auto& c : *same) ADD_FAILURE() << schema::SkipKey(c);
  for (const auto& c : *same)
    if (const auto* m = std::get_if<schema::ModifyTable>(&c))
      for (const auto& tc : m->changes) ADD_FAILURE() << m->to.name << ": " << schema::SkipKey(tc);
  // Plan the realm into an empty database, run it, inspect: no difference.
  FreshDatabase other;
  ASSERT_TRUE(other.ok());
  auto oconn = other.Connect();
  ASSERT_NE(oconn, nullptr);
  schema::Realm empty;
  auto changes = diff::DiffRealm(empty, *decoded, hooks);
  ASSERT_TRUE(changes.ok());
  auto plan = PlanChanges(*changes, {});
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  for (const auto& c : plan->changes) ASSERT_TRUE(oconn->Exec(c.cmd).ok()) << c.cmd;
  auto again = InspectSchemas(*oconn, {"a", "b"});
  ASSERT_TRUE(again.ok()) << again.status().message();
  auto diff = diff::DiffRealm(*realm, *again, hooks);
  ASSERT_TRUE(diff.ok());
  EXPECT_TRUE(diff->empty());
}

}  // namespace
}  // namespace strata::dialect::postgres
