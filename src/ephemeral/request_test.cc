#include "ephemeral/request.h"

#include <gtest/gtest.h>

namespace strata::ephemeral {
namespace {

Result<Request> Parse(const std::string& raw) {
  auto u = Url::Parse(raw);
  EXPECT_TRUE(u.ok()) << raw;
  return ParseRequest(*u);
}

TEST(EphemeralRequest, PostgresDefaultsToDatabaseDev) {
  auto r = Parse("ephemeral://postgres");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->engine, Engine::kPostgres);
  EXPECT_EQ(r->database, "dev");
  EXPECT_EQ(r->schema, "");
}

TEST(EphemeralRequest, PostgresSchemaScope) {
  auto r = Parse("ephemeral://postgres/app?search_path=s1&connect_timeout=5");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->database, "app");
  EXPECT_EQ(r->schema, "s1");
  ASSERT_EQ(r->query.size(), 2u);
  EXPECT_EQ(r->query[1].first, "connect_timeout");
}

TEST(EphemeralRequest, MariaDBRealmAndDatabase) {
  for (const char* k : {"mariadb", "maria", "mysql"}) {
    auto r = Parse(std::string("ephemeral://") + k);
    ASSERT_TRUE(r.ok()) << k;
    EXPECT_EQ(r->engine, Engine::kMariaDB);
    EXPECT_EQ(r->database, "") << "realm scope";
  }
  auto t = Parse("ephemeral://postgres/templates_app");
  ASSERT_TRUE(t.ok()) << "only template0/1 are reserved";
  auto r = Parse("ephemeral://mariadb/shop");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->database, "shop");
}

TEST(EphemeralRequest, Errors) {
  struct Case {
    const char* url;
    const char* want;
  } cases[] = {
      {"ephemeral://oracle", "unknown server \"oracle\""},
      {"ephemeral://u:p@postgres", "no user or password"},
      {"ephemeral://postgres/a/b", "at most one path segment"},
      {"ephemeral://postgres/postgres", "reserved"},
      {"ephemeral://postgres/template1", "reserved"},
      {"ephemeral://postgres/dev?search_path=a,b", "one schema"},
      {"ephemeral://mariadb/mysql", "system schema"},
      {"ephemeral://mariadb?search_path=x", "PostgreSQL parameter"},
  };
  for (const auto& c : cases) {
    auto r = Parse(c.url);
    ASSERT_FALSE(r.ok()) << c.url;
    EXPECT_NE(r.status().message().find(c.want), std::string::npos) << c.url << ": " << r.status().message();
    EXPECT_EQ(r.status().message().rfind("ephemeral: ", 0), 0u);
  }
}

TEST(EphemeralRequest, Scheme) {
  EXPECT_TRUE(IsEphemeralScheme("ephemeral"));
  EXPECT_FALSE(IsEphemeralScheme("docker"));
}

}  // namespace
}  // namespace strata::ephemeral
