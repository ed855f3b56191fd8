#include "db/mysql/conn.h"

#include <gtest/gtest.h>

namespace strata::db::mysql {
namespace {

MysqlTarget Target(const std::string& raw) {
  auto u = Url::Parse(raw);
  EXPECT_TRUE(u.ok()) << u.status().message();
  auto t = TargetFromUrl(*u);
  EXPECT_TRUE(t.ok()) << t.status().message();
  return t.ok() ? *t : MysqlTarget{};
}

TEST(MysqlTarget, HostPortUserDatabase) {
  MysqlTarget t = Target("mysql://root:p%40ss@db.example:3307/app?parseTime=true");
  EXPECT_EQ(t.host, "db.example");
  EXPECT_EQ(t.port, 3307u);
  EXPECT_EQ(t.user, "root");
  EXPECT_EQ(t.password, "p@ss");
  EXPECT_EQ(t.database, "app");
  EXPECT_EQ(t.tls, "false");
  EXPECT_EQ(t.charset, "utf8mb4");
  EXPECT_TRUE(t.session_vars.empty());  // parseTime is the Go driver's
}

TEST(MysqlTarget, RealmScopeAndDefaults) {
  MysqlTarget t = Target("maria://root@localhost/");
  EXPECT_EQ(t.host, "localhost");
  EXPECT_EQ(t.port, 0u);
  EXPECT_EQ(t.database, "");
  EXPECT_EQ(Target("mariadb://u:p@[::1]:3306").host, "::1");
  EXPECT_EQ(Target("mariadb://u:p@[::1]:3306").port, 3306u);
}

TEST(MysqlTarget, Socket) {
  MysqlTarget t = Target("mysql://root:pass@localhost/db?socket=/tmp/x.sock");
  EXPECT_EQ(t.socket, "/tmp/x.sock");
  EXPECT_EQ(t.host, "");
  EXPECT_EQ(t.database, "db");
  MysqlTarget u = Target("mysql+unix://root:pass@/var/run/mysqld.sock?database=app");
  EXPECT_EQ(u.socket, "/var/run/mysqld.sock");
  EXPECT_EQ(u.database, "app");
}

TEST(MysqlTarget, TlsCharsetSessionVars) {
  MysqlTarget t = Target("mysql://h/db?tls=skip-verify&charset=latin1,utf8&sql_mode=ANSI_QUOTES&timeout=2s");
  EXPECT_EQ(t.tls, "skip-verify");
  EXPECT_EQ(t.charset, "latin1");
  EXPECT_EQ(t.connect_timeout, 2u);
  ASSERT_EQ(t.session_vars.size(), 1u);
  EXPECT_EQ(t.session_vars[0].first, "sql_mode");
  EXPECT_EQ(t.session_vars[0].second, "ANSI_QUOTES");
}

TEST(MysqlTarget, Errors) {
  auto bad = [](const std::string& raw) {
    auto u = Url::Parse(raw);
    EXPECT_TRUE(u.ok());
    auto t = TargetFromUrl(*u);
    EXPECT_FALSE(t.ok()) << raw;
    return t.ok() ? std::string() : t.status().message();
  };
  EXPECT_EQ(bad("postgres://h/db"), "mysql: unexpected URL scheme \"postgres\"");
  EXPECT_EQ(bad("mysql://h:99999/db"), "mysql: invalid port \"99999\"");
  EXPECT_EQ(bad("mysql://h/db?tls=maybe"), "mysql: invalid tls value \"maybe\" (true, false, skip-verify, preferred)");
  EXPECT_EQ(bad("mysql://h/a/b"), "mysql: invalid database name \"a/b\" in URL path");
  EXPECT_EQ(bad("mysql://h/db?x%3By=1"), "mysql: invalid URL parameter \"x;y\"");
}

TEST(MysqlSubstitute, SkipsQuotesAndComments) {
  auto s = Substitute("SELECT '?', \"?\", `?`, ? -- ?\n, ? /* ? */ # ?\n", {"'a'", "'b'"});
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(*s, "SELECT '?', \"?\", `?`, 'a' -- ?\n, 'b' /* ? */ # ?\n");
  auto esc = Substitute("SELECT 'it''s ?', 'a\\'?', ?", {"1"});
  ASSERT_TRUE(esc.ok()) << esc.status().message();
  EXPECT_EQ(*esc, "SELECT 'it''s ?', 'a\\'?', 1");
  EXPECT_FALSE(Substitute("SELECT ?, ?", {"1"}).ok());
  EXPECT_FALSE(Substitute("SELECT 1", {"1"}).ok());
}

TEST(MysqlQuote, IdentAndLiteral) {
  EXPECT_EQ(QuoteIdent("a`b"), "`a``b`");
  EXPECT_EQ(QuoteLiteral("it's a\\b"), "'it''s a\\\\b'");
  EXPECT_EQ(Cause(ExecError("mysql: Error 1 (X): boom")), "Error 1 (X): boom");
}

}  // namespace
}  // namespace strata::db::mysql
