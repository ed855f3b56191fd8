// Runs every golden plan (testdata/mysql/plan/*.txtar) on the server of
// $STRATA_MYSQL_URL: the `from` state is created, the plan applied, and the
// database inspected and diffed against `to` (no change may remain); then
// the reverse statements are applied and the database must equal `from`
// again. Schema names get a per-run prefix so parallel runs do not collide;
// cases whose -- flavor -- names the other server family are skipped.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <functional>

#include "db/mysql/test_util.h"
#include "dialect/mysql/golden_util.h"
#include "dialect/mysql/inspect.h"
#include "dialect/mysql/render.h"

namespace strata::dialect::mysql {
namespace {

void RenameSchemas(schema::Realm& r, const std::string& prefix) {
  for (auto& s : r.schemas) {
    s.name = prefix + s.name;
    for (auto& t : s.tables) {
      t.schema = s.name;
      for (auto& fk : t.foreign_keys)
        if (!fk.ref_schema.empty()) fk.ref_schema = prefix + fk.ref_schema;
    }
    for (auto& v : s.views) v.schema = s.name;
    for (auto& t : s.triggers) t.schema = s.name;
  }
}

std::vector<std::string> SchemaNames(const schema::Realm& a, const schema::Realm& b) {
  std::vector<std::string> out;
  for (const auto* r : {&a, &b})
    for (const auto& s : r->schemas)
      if (std::find(out.begin(), out.end(), s.name) == out.end()) out.push_back(s.name);
  return out;
}

// Runs the statements; once database `use` exists it becomes the default
// database.
Status RunAll(db::Conn& c, const std::vector<std::string>& stmts, const std::string& use = "") {
  for (const auto& s : stmts) {
    Status st = c.Exec(s);
    if (!st.ok()) return Status(st.code(), s + ": " + st.message());
    if (!use.empty() && s.rfind("CREATE DATABASE " + Quote(use), 0) == 0) RETURN_IF_ERROR(c.Exec("USE " + Quote(use)));
  }
  return Status::Ok();
}

std::vector<std::string> Forward(const plan::Plan& p) {
  std::vector<std::string> out;
  for (const auto& c : p.changes) out.push_back(c.cmd);
  return out;
}

std::vector<std::string> Backward(const plan::Plan& p) {
  std::vector<std::string> out;
  for (auto it = p.changes.rbegin(); it != p.changes.rend(); ++it)
    for (const auto& r : it->reverse) out.push_back(r);
  return out;
}

// The changes left between the server's schemas and `want` (as text).
std::string Remaining(db::Conn& c, const std::vector<std::string>& names, const schema::Realm& want,
                      const Flavor& f) {
  auto got = InspectSchemas(c, names, f);
  if (!got.ok()) return "inspect: " + got.status().message();
  MysqlDiffHooks hooks(f);
  auto changes = diff::DiffRealm(*got, want, hooks);
  if (!changes.ok()) return "diff: " + changes.status().message();
  // The server stores view and trigger bodies rewritten (qualified columns,
  // aliases); the CLI compares them after normalizing the desired state on
  // a dev database. Here their existence is checked, not their text.
  std::erase_if(*changes, [](const schema::Change& ch) {
    return std::holds_alternative<schema::ModifyView>(ch) || std::holds_alternative<schema::ModifyTrigger>(ch);
  });
  if (changes->empty()) return "";
  auto p = PlanChanges(*changes, {}, f);
  if (!p.ok()) return std::to_string(changes->size()) + " changes (unplannable: " + p.status().message() + ")";
  return plan::FormatSQL(*p);
}

class GoldenIntegrationTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenIntegrationTest, AppliesAndReverses) {
  STRATA_REQUIRE_MYSQL();
  auto url = Url::Parse(db::mysql::testing::ServerUrl());
  ASSERT_TRUE(url.ok()) << url.status().message();
  url->path = "/";
  auto conn = db::mysql::OpenMysql(*url);
  ASSERT_TRUE(conn.ok()) << conn.status().message();
  db::mysql::MysqlConn& c = **conn;
  const Flavor server = ParseVersion(c.ServerVersion());

  testing::PlanCase tc;
  ASSERT_NO_FATAL_FAILURE(testing::LoadCase(GetParam(), &tc));
  if (tc.flavor.mariadb != server.mariadb) GTEST_SKIP() << "case is for the other server family";

  static std::atomic<int> counter{0};
  const std::string prefix = "sg" + std::to_string(getpid()) + "_" + std::to_string(counter++) + "_";
  RenameSchemas(tc.from, prefix);
  RenameSchemas(tc.to, prefix);
  const std::vector<std::string> names = SchemaNames(tc.from, tc.to);
  auto drop_all = [&] {
    for (const auto& n : names) (void)c.Exec("DROP DATABASE IF EXISTS " + mysql::Quote(n));
  };
  drop_all();
  // Dropped however the test ends (the server is shared).
  struct Cleanup {
    std::function<void()> f;
    ~Cleanup() { f(); }
  } cleanup{drop_all};

  MysqlDiffHooks hooks(server);
  // 1. The current state, from nothing.
  auto setup_changes = diff::DiffRealm(schema::Realm{}, tc.from, hooks);
  ASSERT_TRUE(setup_changes.ok());
  auto setup = PlanChanges(*setup_changes, {}, server);
  ASSERT_TRUE(setup.ok()) << setup.status().message();
  // Schema scope (qualifier ""): the connection is bound to the database,
  // as the CLI binds it. Realm-scope plans must run without one.
  const bool scoped = tc.opts.qualifier && tc.opts.qualifier->empty();
  const std::string use = scoped && names.size() == 1 ? names[0] : "";
  Status st = RunAll(c, Forward(*setup), use);
  ASSERT_TRUE(st.ok()) << "setup: " << st.message();
  EXPECT_EQ(Remaining(c, names, tc.from, server), "") << "setup state";

  // 2. The case's plan, with its qualifier (a bound database for "").
  auto changes = diff::DiffRealm(tc.from, tc.to, hooks);
  ASSERT_TRUE(changes.ok());
  auto p = PlanChanges(*changes, tc.opts, server);
  ASSERT_TRUE(p.ok()) << p.status().message();
  if (tc.opts.qualifier && tc.opts.qualifier->empty()) ASSERT_EQ(names.size(), 1u);
  st = RunAll(c, Forward(*p));
  EXPECT_TRUE(st.ok()) << "plan: " << st.message();
  if (st.ok()) EXPECT_EQ(Remaining(c, names, tc.to, server), "") << "after the plan";

  // 3. The reverse brings the current state back.
  if (st.ok() && p->reversible) {
    st = RunAll(c, Backward(*p));
    EXPECT_TRUE(st.ok()) << "reverse: " << st.message();
    if (st.ok()) EXPECT_EQ(Remaining(c, names, tc.from, server), "") << "after the reverse";
  }
}

INSTANTIATE_TEST_SUITE_P(Txtar, GoldenIntegrationTest, ::testing::ValuesIn(testing::PlanCases()),
                         testing::PlanCaseName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenIntegrationTest);

}  // namespace
}  // namespace strata::dialect::mysql
