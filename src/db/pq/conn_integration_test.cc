// libpq connection against a real server ($STRATA_PG_URL).
#include <gtest/gtest.h>

#include "db/pq/conn.h"
#include "db/pq/test_util.h"

namespace strata::db::pq {
namespace {

using testing::FreshDatabase;

TEST(PqConnIntegration, QueryWithParamsAndNulls) {
  STRATA_REQUIRE_PG();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto c = db.Connect();
  ASSERT_NE(c, nullptr);
  auto rows = c->Query("SELECT $1::int + 1 AS n, NULL::text AS z, $2 AS s", {"41", "x'y"});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->rows.size(), 1u);
  EXPECT_EQ(rows->columns, (std::vector<std::string>{"n", "z", "s"}));
  EXPECT_EQ(rows->rows[0][0], "42");
  EXPECT_FALSE(rows->rows[0][1].has_value());
  EXPECT_EQ(rows->rows[0][2], "x'y");
  EXPECT_GE(c->ServerVersion(), 150000);
  EXPECT_EQ(c->Database(), db.name());
}

TEST(PqConnIntegration, ExecRunsSeveralStatementsAndReportsTheFirstError) {
  STRATA_REQUIRE_PG();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto c = db.Connect();
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->Exec("CREATE TABLE t (id int); INSERT INTO t VALUES (1), (2);").ok());
  Status st = c->Exec("INSERT INTO t VALUES (3); SELECT * FROM missing; INSERT INTO t VALUES (4)");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Code::kExec);
  EXPECT_EQ(st.message(), "postgres: relation \"missing\" does not exist");
  // The simple protocol runs a multi-statement string as one implicit transaction.
  auto rows = c->Query("SELECT count(*) FROM t");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows[0][0], "2");
}

TEST(PqConnIntegration, TransactionsCommitAndRollBack) {
  STRATA_REQUIRE_PG();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto c = db.Connect();
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->Exec("CREATE TABLE t (id int)").ok());
  ASSERT_TRUE(c->Begin().ok());
  EXPECT_TRUE(c->InTransaction());
  ASSERT_TRUE(c->Exec("INSERT INTO t VALUES (1)").ok());
  ASSERT_TRUE(c->Rollback().ok());
  EXPECT_FALSE(c->InTransaction());
  ASSERT_TRUE(c->Begin().ok());
  ASSERT_TRUE(c->Exec("INSERT INTO t VALUES (2)").ok());
  ASSERT_TRUE(c->Commit().ok());
  auto rows = c->Query("SELECT string_agg(id::text, ',') FROM t");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows[0][0], "2");
}

TEST(PqConnIntegration, SearchPathIsSetAfterConnecting) {
  STRATA_REQUIRE_PG();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  {
    auto c = db.Connect();
    ASSERT_NE(c, nullptr);
    ASSERT_TRUE(c->Exec("CREATE SCHEMA \"My App\"").ok());
  }
  auto c = db.Connect("My App");
  ASSERT_NE(c, nullptr);
  auto rows = c->Query("SELECT current_schema()");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows[0][0], "My App");
}

TEST(PqConnIntegration, WrongPasswordIsNotEchoed) {
  STRATA_REQUIRE_PG();
  auto u = Url::Parse(testing::ServerUrl());
  ASSERT_TRUE(u.ok());
  u->password = "Wr0ngSecret";
  u->has_password = true;
  auto c = OpenPostgres(*u);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message().rfind("postgres: ", 0), 0u);
  EXPECT_NE(c.status().message().find("password authentication failed"), std::string::npos)
      << c.status().message();
  EXPECT_EQ(c.status().message().find("Wr0ngSecret"), std::string::npos);
}

}  // namespace
}  // namespace strata::db::pq
