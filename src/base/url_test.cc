#include "base/url.h"

#include <gtest/gtest.h>

namespace strata {
namespace {

TEST(Url, ParsesDatabaseUrls) {
  auto u = Url::Parse("postgres://user:p%40ss@localhost:5432/db?sslmode=disable&search_path=public");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->scheme, "postgres");
  EXPECT_EQ(u->user, "user");
  EXPECT_EQ(u->password, "p@ss");
  EXPECT_EQ(u->host, "localhost:5432");
  EXPECT_EQ(u->path, "/db");
  EXPECT_EQ(u->Query("search_path"), "public");
  EXPECT_TRUE(u->HasQuery("sslmode"));
  EXPECT_FALSE(u->HasQuery("x"));
}

TEST(Url, SqliteAndFileHostPath) {
  auto a = Url::Parse("sqlite://dev?mode=memory");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->HostPath(), "dev");
  EXPECT_EQ(a->Query("mode"), "memory");
  auto b = Url::Parse("file:///abs/schema.hcl");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->HostPath(), "/abs/schema.hcl");
  auto c = Url::Parse("file://rel/dir");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->HostPath(), "rel/dir");
}

TEST(Url, MissingSchemeIsAnError) {
  auto u = Url::Parse("schema.hcl");
  ASSERT_FALSE(u.ok());
  EXPECT_EQ(u.status().message(), "missing scheme. See: https://atlasgo.io/url");
}

TEST(Url, RedactedNeverShowsThePassword) {
  auto u = Url::Parse("mysql://root:secret@127.0.0.1:3306/app");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(u->Redacted(), "mysql://root:xxxxx@127.0.0.1:3306/app");
  EXPECT_EQ(u->String(), "mysql://root:secret@127.0.0.1:3306/app");
}

TEST(Url, RedactSecretsInFreeText) {
  EXPECT_EQ(RedactSecrets("dial postgres://u:hunter2@h:1/x failed"), "dial postgres://u:xxxxx@h:1/x failed");
  EXPECT_EQ(RedactSecrets("no url here"), "no url here");
  EXPECT_EQ(RedactSecrets("sqlite://file.db"), "sqlite://file.db");
}

TEST(Url, PercentCoding) {
  EXPECT_EQ(PercentDecode("a%20b%2Fc"), "a b/c");
  EXPECT_EQ(PercentEncode("a b/c", true), "a+b%2Fc");
  EXPECT_EQ(PercentDecode("100%"), "100%");
}

}  // namespace
}  // namespace strata
