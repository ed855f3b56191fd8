#include <cstdlib>

#include <gtest/gtest.h>

#include "db/mysql/conn.h"
#include "db/mysql/test_util.h"

namespace strata::db::mysql {
namespace {

using testing::FreshDatabase;
using testing::ServerUrl;

TEST(MysqlConnIntegration, QueryTextRowsAndNulls) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto c = db.Connect();
  ASSERT_NE(c, nullptr);
  EXPECT_NE(c->ServerVersion(), "");
  ASSERT_TRUE(c->Exec("CREATE TABLE t (id int PRIMARY KEY, name varchar(20) NULL)").ok());
  ASSERT_TRUE(c->Exec("INSERT INTO t VALUES (1, 'a''b'), (2, NULL)").ok());
  auto rows = c->Query("SELECT id, name FROM t WHERE id >= ? ORDER BY id", {"1"});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->columns, (std::vector<std::string>{"id", "name"}));
  ASSERT_EQ(rows->rows.size(), 2u);
  EXPECT_EQ(rows->rows[0][1].value_or(""), "a'b");
  EXPECT_FALSE(rows->rows[1][1].has_value());
  // Arguments are escaped: quotes, backslashes and '?' stay data.
  auto echo = c->Query("SELECT ?, ?", {"x'; DROP TABLE t; --", "a\\b?"});
  ASSERT_TRUE(echo.ok()) << echo.status().message();
  EXPECT_EQ(echo->rows[0][0].value_or(""), "x'; DROP TABLE t; --");
  EXPECT_EQ(echo->rows[0][1].value_or(""), "a\\b?");
  // utf8mb4 both ways.
  auto emoji = c->Query("SELECT ?, @@character_set_client", {"\xF0\x9F\x98\x80"});
  ASSERT_TRUE(emoji.ok());
  EXPECT_EQ(emoji->rows[0][0].value_or(""), "\xF0\x9F\x98\x80");
  EXPECT_EQ(emoji->rows[0][1].value_or(""), "utf8mb4");
}

TEST(MysqlConnIntegration, ServerErrorsAndNoMultiStatements) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto c = db.Connect();
  ASSERT_NE(c, nullptr);
  Status st = c->Exec("SELECT * FROM missing");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Code::kExec);
  EXPECT_EQ(st.message(), "mysql: Error 1146 (42S02): Table '" + db.name() + ".missing' doesn't exist");
  // Two statements in one call are a syntax error, not two statements.
  Status multi = c->Exec("CREATE TABLE a (x int); CREATE TABLE b (x int)");
  EXPECT_FALSE(multi.ok());
  auto tables = c->Query("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", {db.name()});
  ASSERT_TRUE(tables.ok());
  EXPECT_EQ(tables->rows[0][0].value_or(""), "0");
}

TEST(MysqlConnIntegration, Transactions) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto c = db.Connect();
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->Exec("CREATE TABLE t (id int)").ok());
  EXPECT_FALSE(c->InTransaction());
  ASSERT_TRUE(c->Begin().ok());
  EXPECT_TRUE(c->InTransaction());
  ASSERT_TRUE(c->Exec("INSERT INTO t VALUES (1)").ok());
  ASSERT_TRUE(c->Rollback().ok());
  EXPECT_FALSE(c->InTransaction());
  auto n = c->Query("SELECT COUNT(*) FROM t");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->rows[0][0].value_or(""), "0");
}

TEST(MysqlConnIntegration, BadPasswordIsRedacted) {
  STRATA_REQUIRE_MYSQL();
  auto u = Url::Parse(ServerUrl());
  ASSERT_TRUE(u.ok());
  u->password = "Sup3rSecretPw";
  u->has_password = true;
  auto c = OpenMysql(*u);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message().find("Sup3rSecretPw"), std::string::npos) << c.status().message();
  EXPECT_NE(c.status().message().find("Access denied"), std::string::npos) << c.status().message();
}

TEST(MysqlConnIntegration, UnixSocketAndSessionVariables) {
  STRATA_REQUIRE_MYSQL();
  // make test exports the services' socket (scripts/services.sh env mariadb).
  const char* env = std::getenv("STRATA_MYSQL_SOCKET");
  const std::string sock = env != nullptr ? env : "";
  if (sock.empty() || access(sock.c_str(), F_OK) != 0) GTEST_SKIP() << "STRATA_MYSQL_SOCKET is not a socket";
  auto base = Url::Parse(ServerUrl());
  ASSERT_TRUE(base.ok());
  std::string raw = "mysql://" + base->user + ":" + PercentEncode(base->password, false) +
                    "@localhost/?socket=" + sock + "&sql_mode=ANSI_QUOTES";
  auto u = Url::Parse(raw);
  ASSERT_TRUE(u.ok());
  auto c = OpenMysql(*u);
  ASSERT_TRUE(c.ok()) << c.status().message();
  auto rows = (*c)->Query("SELECT @@SESSION.sql_mode");
  ASSERT_TRUE(rows.ok());
  EXPECT_NE(rows->rows[0][0].value_or("").find("ANSI_QUOTES"), std::string::npos);
}

}  // namespace
}  // namespace strata::db::mysql
