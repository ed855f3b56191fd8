// The plan cases of testdata/postgres/plan/*.txtar (golden_util.h) applied
// to a real PostgreSQL ($STRATA_PG_URL): in a fresh database the `from`
// state is created, then the plan, its reverse and the plan again must all
// apply. Skips when the URL is unset.
#include <gtest/gtest.h>

#include "db/pq/test_util.h"
#include "dialect/postgres/apply.h"
#include "dialect/postgres/golden_util.h"

namespace strata::dialect::postgres {
namespace {

class GoldenApplyTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenApplyTest, PlanAndReverseApply) {
  STRATA_REQUIRE_PG();
  testing::PlanCase c;
  ASSERT_NO_FATAL_FAILURE(testing::LoadCase(GetParam(), &c));
  db::pq::testing::FreshDatabase fresh;
  ASSERT_TRUE(fresh.ok());
  auto conn = fresh.Connect();
  ASSERT_NE(conn, nullptr);
  const plan::PlanOptions& opts = c.opts;
  if (opts.qualifier && !opts.qualifier->empty()) {
    ASSERT_TRUE(conn->Exec("CREATE SCHEMA IF NOT EXISTS " + db::pq::QuoteIdent(*opts.qualifier)).ok());
  }
  // The `from` state, planned the same way (schemas left out of scoped plans).
  diff::DiffHooks hooks;
  auto setup = diff::DiffRealm(schema::Realm{}, c.from, hooks);
  ASSERT_TRUE(setup.ok());
  schema::ChangeList changes;
  for (auto& ch : *setup)
    if (!opts.qualifier || !std::holds_alternative<schema::AddSchema>(ch)) changes.push_back(std::move(ch));
  auto setup_plan = PlanChanges(changes, opts);
  ASSERT_TRUE(setup_plan.ok()) << setup_plan.status().message();
  Status st = ApplyPlan(*conn, *setup_plan, {}, nullptr);
  ASSERT_TRUE(st.ok()) << "from state: " << st.message();
  st = ApplyPlan(*conn, c.plan, {}, nullptr);
  ASSERT_TRUE(st.ok()) << "plan: " << st.message();
  st = ApplyPlan(*conn, testing::ReversePlan(c.plan), {}, nullptr);
  ASSERT_TRUE(st.ok()) << "reverse: " << st.message();
  st = ApplyPlan(*conn, c.plan, {}, nullptr);
  ASSERT_TRUE(st.ok()) << "plan after reverse: " << st.message();
}

INSTANTIATE_TEST_SUITE_P(Txtar, GoldenApplyTest, ::testing::ValuesIn(testing::PlanCases()), testing::PlanCaseName);

}  // namespace
}  // namespace strata::dialect::postgres
