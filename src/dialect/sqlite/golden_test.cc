// Data-driven plan tests: testdata/sqlite/plan/*.txtar. Each archive holds
//   -- from.sql --     the database's state (executed on a fresh database)
//   -- to.sql --       the desired state (executed on a second database,
//                      then inspected, as the dev database normalizes it)
//   -- plan.sql --     the expected plan (plan::FormatSQL)
//   -- reverse.sql --  the expected down migration (optional)
// and every case is also applied: the result must have no diff with the
// desired state, and the reverse must bring back the start state.
// UPDATE_GOLDEN=1 rewrites plan.sql and reverse.sql.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/txtar.h"
#include "dialect/sqlite/apply.h"
#include "dialect/sqlite/diff_hooks.h"
#include "dialect/sqlite/inspect.h"
#include "dialect/sqlite/plan.h"
#include "dialect/sqlite/test_util.h"
#include "diff/differ.h"

namespace strata::dialect::sqlite {
namespace {

namespace fs = std::filesystem;

using Archive = txtar::Archive;

Archive ParseArchive(const std::string& text) { return txtar::Parse(text); }

std::string FormatReverse(const plan::Plan& p) {
  std::string out;
  for (auto it = p.changes.rbegin(); it != p.changes.rend(); ++it)
    for (const auto& stmt : it->reverse) out += stmt + ";\n";
  return out;
}

schema::Schema Load(const std::string& sql) {
  auto conn = testing::MemoryConn();
  Status st = ExecScript(*conn, sql, "input.sql");
  EXPECT_TRUE(st.ok()) << st.message();
  auto s = InspectMain(*conn);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? *s : schema::Schema{};
}

void ExpectNoDiff(db::Conn& conn, const schema::Schema& want, const std::string& what) {
  auto got = InspectMain(conn);
  ASSERT_TRUE(got.ok()) << got.status().message();
  auto changes = diff::DiffSchema(*got, want, SqliteDiffHooks());
  ASSERT_TRUE(changes.ok());
  std::string kinds;
  for (const auto& c : *changes) kinds += schema::SkipKey(c) + " ";
  EXPECT_TRUE(changes->empty()) << what << ": " << kinds;
}

class GoldenPlanTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenPlanTest, Plan) {
  const fs::path path = GetParam();
  std::ifstream f(path);
  std::stringstream buf;
  buf << f.rdbuf();
  Archive a = ParseArchive(buf.str());
  const std::string* from_sql = a.Find("from.sql");
  const std::string* to_sql = a.Find("to.sql");
  ASSERT_TRUE(from_sql && to_sql) << path << ": needs from.sql and to.sql";

  schema::Schema to = Load(*to_sql);
  auto conn = testing::MemoryConn();
  ASSERT_TRUE(ExecScript(*conn, *from_sql, "from.sql").ok());
  auto from = InspectMain(*conn);
  ASSERT_TRUE(from.ok()) << from.status().message();
  auto changes = diff::DiffSchema(*from, to, SqliteDiffHooks());
  ASSERT_TRUE(changes.ok());
  auto p = PlanChanges(*changes, {});
  ASSERT_TRUE(p.ok()) << p.status().message();

  std::string got = plan::FormatSQL(*p), got_reverse = FormatReverse(*p);
  if (std::getenv("UPDATE_GOLDEN") != nullptr) {
    a.Set("plan.sql", got);
    a.Set("reverse.sql", got_reverse);
    std::ofstream(path) << txtar::Format(a);
  } else {
    const std::string* want = a.Find("plan.sql");
    ASSERT_NE(want, nullptr) << path << ": missing plan.sql (run with UPDATE_GOLDEN=1)";
    EXPECT_EQ(got, *want) << path;
    if (const std::string* want_reverse = a.Find("reverse.sql")) {
      EXPECT_EQ(got_reverse, *want_reverse) << path;
    }
  }

  Status st = ApplyPlan(*conn, *p, {}, nullptr);
  ASSERT_TRUE(st.ok()) << path << ": " << st.message();
  ExpectNoDiff(*conn, to, path.string() + " after the plan");
  st = ApplyPlan(*conn, testing::ReversePlan(*p), {}, nullptr);
  ASSERT_TRUE(st.ok()) << path << ": reverse: " << st.message();
  ExpectNoDiff(*conn, *from, path.string() + " after the reverse");
}

std::vector<std::string> Cases() {
  std::vector<std::string> out;
  fs::path dir = fs::path(STRATA_SOURCE_DIR) / "testdata" / "sqlite" / "plan";
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txtar") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string CaseName(const ::testing::TestParamInfo<std::string>& info) {
  std::string n = fs::path(info.param).stem().string();
  for (auto& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Txtar, GoldenPlanTest, ::testing::ValuesIn(Cases()), CaseName);

}  // namespace
}  // namespace strata::dialect::sqlite
