// Data-driven plan tests over testdata/mysql/plan/*.txtar (format in
// golden_util.h); no server needed. UPDATE_GOLDEN=1 rewrites plan.sql and
// reverse.sql. golden_integration_test.cc runs the same plans on MariaDB.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "dialect/mysql/golden_util.h"

namespace strata::dialect::mysql {
namespace {

std::string FormatReverse(const plan::Plan& p) { return plan::FormatSQL(testing::ReversePlan(p)); }

class GoldenPlanTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenPlanTest, Plan) {
  const std::string path = GetParam();
  testing::PlanCase c;
  ASSERT_NO_FATAL_FAILURE(testing::LoadCase(path, &c));
  std::string got = plan::FormatSQL(c.plan), got_reverse = FormatReverse(c.plan);
  EXPECT_FALSE(c.plan.transactional) << "MySQL DDL commits implicitly";
  if (std::getenv("UPDATE_GOLDEN") != nullptr) {
    c.archive.Set("plan.sql", got);
    c.archive.Set("reverse.sql", got_reverse);
    std::ofstream(path) << txtar::Format(c.archive);
    return;
  }
  const std::string* want = c.archive.Find("plan.sql");
  ASSERT_NE(want, nullptr) << path << ": missing plan.sql (run with UPDATE_GOLDEN=1)";
  EXPECT_EQ(got, *want) << path;
  if (const std::string* want_reverse = c.archive.Find("reverse.sql")) {
    EXPECT_EQ(got_reverse, *want_reverse) << path;
  }
}

INSTANTIATE_TEST_SUITE_P(Txtar, GoldenPlanTest, ::testing::ValuesIn(testing::PlanCases()), testing::PlanCaseName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenPlanTest);

}  // namespace
}  // namespace strata::dialect::mysql
