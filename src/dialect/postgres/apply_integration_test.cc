// ApplyPlan and hand-built plans that HCL cannot express yet (identity,
// serial, unique constraints) against a real PostgreSQL ($STRATA_PG_URL).
#include <gtest/gtest.h>

#include "db/pq/test_util.h"
#include "dialect/postgres/apply.h"
#include "dialect/postgres/golden_util.h"
#include "dialect/postgres/plan.h"
#include "dialect/postgres/plan_test_util.h"

namespace strata::dialect::postgres {
namespace {

using testing::Col;
using testing::Idx;

class ApplyIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    STRATA_REQUIRE_PG();
    db_ = std::make_unique<db::pq::testing::FreshDatabase>();
    ASSERT_TRUE(db_->ok());
    conn_ = db_->Connect();
    ASSERT_NE(conn_, nullptr);
  }

  // Plans `changes`, applies them, then their reverse, then them again.
  void RoundTrip(const schema::ChangeList& changes) {
    auto p = PlanChanges(changes, {});
    ASSERT_TRUE(p.ok()) << p.status().message();
    ASSERT_TRUE(p->reversible);
    Status st = ApplyPlan(*conn_, *p, {}, nullptr);
    ASSERT_TRUE(st.ok()) << st.message();
    st = ApplyPlan(*conn_, testing::ReversePlan(*p), {}, nullptr);
    ASSERT_TRUE(st.ok()) << "reverse: " << st.message();
    st = ApplyPlan(*conn_, *p, {}, nullptr);
    ASSERT_TRUE(st.ok()) << "again: " << st.message();
  }

  std::unique_ptr<db::pq::testing::FreshDatabase> db_;
  std::unique_ptr<db::pq::PqConn> conn_;
};

TEST_F(ApplyIntegration, FailureRollsBackEverything) {
  plan::Plan p;
  p.changes.push_back({"CREATE TABLE public.a (id int)", "", {}, false, ""});
  p.changes.push_back({"CREATE TABLE public.a (id int)", "", {}, false, ""});
  ApplyReport report;
  Status st = ApplyPlan(*conn_, p, {}, &report);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.message().rfind("postgres: executing statement CREATE TABLE public.a (id int): ", 0), 0u)
      << st.message();
  EXPECT_NE(st.message().find("already exists"), std::string::npos) << st.message();
  EXPECT_EQ(report.error_stmt, "CREATE TABLE public.a (id int)");
  auto rows = conn_->Query("SELECT count(*) FROM pg_tables WHERE tablename = 'a'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows[0][0].value_or(""), "0");
}

TEST_F(ApplyIntegration, IdentityAndSerialChanges) {
  schema::Table t;
  t.name = "t";
  t.schema = "public";
  schema::Column id = Col("id", "bigint"), serial = Col("n", "serial");
  t.columns = {id, serial};
  ASSERT_NO_FATAL_FAILURE(RoundTrip({schema::AddTable{t}}));

  schema::Column always = id;
  always.options.Set("identity", "ALWAYS");
  schema::ModifyTable add_identity;
  add_identity.from = add_identity.to = t;
  add_identity.changes = {schema::ModifyColumn{id, always, schema::kChangeAttr},
                          schema::ModifyColumn{serial, Col("n", "integer"), schema::kChangeType}};
  ASSERT_NO_FATAL_FAILURE(RoundTrip({add_identity}));

  schema::Column by_default = always;
  by_default.options.Set("identity", "BY DEFAULT");
  by_default.options.Set("identity_start", "100");
  by_default.options.Set("identity_increment", "5");
  schema::ModifyTable modify_identity;
  modify_identity.from = modify_identity.to = t;
  modify_identity.changes = {schema::ModifyColumn{always, by_default, schema::kChangeAttr}};
  ASSERT_NO_FATAL_FAILURE(RoundTrip({modify_identity}));
}

TEST_F(ApplyIntegration, UniqueConstraintsAndComments) {
  schema::Table t = testing::Users();
  t.comment = "people";
  ASSERT_NO_FATAL_FAILURE(RoundTrip({schema::AddTable{t}}));
  schema::Index u = Idx("users_name_key", {"name"}, true);
  u.options.Set("constraint", "true");
  u.options.Set("nulls_distinct", "false");
  schema::Column name_to = t.columns[1];
  name_to.comment = "display";
  schema::ModifyTable m;
  m.from = m.to = t;
  m.changes = {schema::AddIndex{u}, schema::ModifyColumn{t.columns[1], name_to, schema::kChangeComment},
               schema::ModifyTableAttr{"comment", "people", "users"}};
  ASSERT_NO_FATAL_FAILURE(RoundTrip({m}));
}

}  // namespace
}  // namespace strata::dialect::postgres
