#include "db/pq/conn.h"

#include <gtest/gtest.h>

namespace strata::db::pq {
namespace {

PostgresTarget Target(const std::string& raw) {
  auto u = Url::Parse(raw);
  EXPECT_TRUE(u.ok()) << u.status().message();
  auto t = TargetFromUrl(*u);
  EXPECT_TRUE(t.ok()) << t.status().message();
  return t.ok() ? *t : PostgresTarget{};
}

TEST(TargetFromUrl, RemovesSearchPathAndKeepsTheRest) {
  PostgresTarget t = Target("postgres://u:p%40ss@localhost:5432/db?search_path=app&sslmode=disable");
  EXPECT_EQ(t.search_path, "app");
  EXPECT_EQ(t.conninfo, "postgresql://u:p%40ss@localhost:5432/db?sslmode=disable");
}

TEST(TargetFromUrl, RealmScopeWithoutSearchPath) {
  PostgresTarget t = Target("postgresql://localhost/db");
  EXPECT_EQ(t.search_path, "");
  EXPECT_EQ(t.conninfo, "postgresql://localhost/db");
}

TEST(TargetFromUrl, RejectsOtherSchemes) {
  auto u = Url::Parse("mysql://localhost/db");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(TargetFromUrl(*u).status().code(), Code::kInvalidArgument);
}

TEST(Quote, IdentifiersAndLiterals) {
  EXPECT_EQ(QuoteIdent("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(QuoteLiteral("it's"), "'it''s'");
  EXPECT_EQ(QuoteLiteral("a\\b"), "E'a\\\\b'");
}

TEST(Connect, FailureNamesPostgresAndHidesThePassword) {
  // Port 1 on loopback: nothing listens there, the connection is refused at once.
  auto u = Url::Parse("postgres://user:s3cretpw@127.0.0.1:1/db?sslmode=disable&connect_timeout=2");
  ASSERT_TRUE(u.ok());
  auto c = OpenPostgres(*u);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message().rfind("postgres: ", 0), 0u) << c.status().message();
  EXPECT_EQ(c.status().message().find("s3cretpw"), std::string::npos) << c.status().message();
}

TEST(MaskSecret, WholeWordsOnly) {
  EXPECT_EQ(MaskSecret("invalid URI query parameter: \"pass@127.0.0.1\"", "pass"),
            "invalid URI query parameter: \"xxxxx@127.0.0.1\"");
  EXPECT_EQ(MaskSecret("password authentication failed", "pass"), "password authentication failed");
  EXPECT_EQ(MaskSecret("bad p@ss and p%40ss", "p@ss"), "bad xxxxx and xxxxx");
  EXPECT_EQ(MaskSecret("anything", ""), "anything");
}

TEST(Cause, StripsThePrefix) {
  EXPECT_EQ(Cause(ExecError("postgres: relation \"t\" does not exist")), "relation \"t\" does not exist");
  EXPECT_EQ(Cause(ExecError("other")), "other");
}

}  // namespace
}  // namespace strata::db::pq
