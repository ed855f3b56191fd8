// DevDatabase::ReplayDir on a real in-memory SQLite dev database.
#include <gtest/gtest.h>

#include "devdb/dev.h"
#include "dialect/sqlite/driver.h"
#include "dialect/sqlite/test_util.h"
#include "migrate/dir.h"

namespace strata::devdb {
namespace {

std::unique_ptr<DevDatabase> NewDev() {
  return std::make_unique<DevDatabase>(
      std::make_unique<dialect::sqlite::SqliteDriver>(dialect::sqlite::testing::MemoryConn()));
}

std::vector<std::string> TableNames(const schema::Realm& r) {
  std::vector<std::string> out;
  for (const auto& s : r.schemas)
    for (const auto& t : s.tables) out.push_back(t.name);
  return out;
}

migrate::MemDir SampleDir() {
  migrate::MemDir dir;
  EXPECT_TRUE(dir.WriteFile("1_users.sql", "CREATE TABLE users (id integer PRIMARY KEY);\n").ok());
  EXPECT_TRUE(dir.WriteFile("2_posts.sql",
                            "CREATE TABLE posts (id integer PRIMARY KEY);\n"
                            "CREATE TRIGGER posts_t AFTER INSERT ON posts BEGIN SELECT 1; SELECT 2; END;\n")
                  .ok());
  EXPECT_TRUE(dir.WriteFile("3_tags.sql",
                            "-- atlas:delimiter \\n\\n\n\nCREATE TABLE tags (id int)\n\nCREATE TABLE "
                            "labels (id int)\n")
                  .ok());
  return dir;
}

TEST(ReplayDir, RunsEveryFileAndCleansUp) {
  auto dev = NewDev();
  migrate::MemDir dir = SampleDir();
  auto realm = dev->ReplayDir(dir);
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  EXPECT_EQ(TableNames(*realm), (std::vector<std::string>{"users", "posts", "tags", "labels"}));
  ASSERT_EQ(realm->schemas.size(), 1u);
  EXPECT_EQ(realm->schemas[0].triggers.size(), 1u);
  // The dev database is clean again: a second replay works.
  EXPECT_TRUE(dev->driver().CheckClean().ok());
  EXPECT_TRUE(dev->ReplayDir(dir).ok());
}

TEST(ReplayDir, StopsAtTheVersionBound) {
  auto dev = NewDev();
  migrate::MemDir dir = SampleDir();
  auto realm = dev->ReplayDir(dir, {.to_version = "2"});
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  EXPECT_EQ(TableNames(*realm), (std::vector<std::string>{"users", "posts"}));
}

TEST(ReplayDir, StartsAtTheLastCheckpoint) {
  auto dev = NewDev();
  migrate::MemDir dir = SampleDir();
  ASSERT_TRUE(migrate::WriteCheckpoint(dir, "4_checkpoint.sql", "", "CREATE TABLE snapshot (id int);\n").ok());
  ASSERT_TRUE(dir.WriteFile("5_more.sql", "CREATE TABLE more (id int);\n").ok());
  auto realm = dev->ReplayDir(dir);
  ASSERT_TRUE(realm.ok()) << realm.status().message();
  EXPECT_EQ(TableNames(*realm), (std::vector<std::string>{"snapshot", "more"}));
  // A bound below the checkpoint replays the files before it.
  realm = dev->ReplayDir(dir, {.to_version = "3"});
  ASSERT_TRUE(realm.ok());
  EXPECT_EQ(TableNames(*realm).size(), 4u);
}

TEST(ReplayDir, FailingStatementNamesItsVersionAndCleansUp) {
  auto dev = NewDev();
  migrate::MemDir dir;
  ASSERT_TRUE(dir.WriteFile("1_a.sql", "CREATE TABLE a (id int);\nINSERT INTO nope VALUES (1);\n").ok());
  auto realm = dev->ReplayDir(dir);
  ASSERT_FALSE(realm.ok());
  EXPECT_EQ(realm.status().message().rfind(
                "sql/migrate: executing statement \"INSERT INTO nope VALUES (1);\" from version \"1\": ", 0),
            0u)
      << realm.status().message();
  EXPECT_TRUE(dev->driver().CheckClean().ok());
}

TEST(ReplayDir, RefusesADirtyDevDatabase) {
  auto dev = NewDev();
  ASSERT_TRUE(dev->driver().Conn().Exec("CREATE TABLE left_over (id int)").ok());
  migrate::MemDir dir = SampleDir();
  auto realm = dev->ReplayDir(dir);
  ASSERT_FALSE(realm.ok());
  EXPECT_NE(realm.status().message().find("not clean"), std::string::npos);
}

TEST(ReplayDir, UsesTheLayoutsUpText) {
  // A file whose layout keeps only part of it (as goose/dbmate do).
  migrate::File f("1_x.sql", "-- migrate:up\nCREATE TABLE x (id int);\n-- migrate:down\nDROP TABLE x;\n");
  f.SetUpText(std::string("CREATE TABLE x (id int);"));
  auto stmts = f.StmtDecls(migrate::ScannerOptionsFor(migrate::ScanDialect::kSQLite));
  ASSERT_TRUE(stmts.ok());
  ASSERT_EQ(stmts->size(), 1u);
  EXPECT_EQ((*stmts)[0].text, "CREATE TABLE x (id int);");
}

}  // namespace
}  // namespace strata::devdb
