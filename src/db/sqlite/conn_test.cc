#include "db/sqlite/conn.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "base/url.h"

namespace strata::db::sqlite {
namespace {

std::filesystem::path TempDir() {
  return std::filesystem::temp_directory_path() / ("strata_conn_test_" + std::to_string(::getpid()));
}

std::string TempPath(const std::string& name) {
  std::filesystem::create_directories(TempDir());
  return (TempDir() / name).string();
}

// Removes the test's files when the binary finishes.
class TempDirCleanup : public ::testing::Environment {
 public:
  void TearDown() override { std::filesystem::remove_all(TempDir()); }
};
const auto* const kCleanup = ::testing::AddGlobalTestEnvironment(new TempDirCleanup);

std::unique_ptr<SqliteConn> OpenUrl(const std::string& raw) {
  auto url = Url::Parse(raw);
  EXPECT_TRUE(url.ok()) << url.status().message();
  auto conn = OpenSqlite(*url);
  EXPECT_TRUE(conn.ok()) << conn.status().message();
  return conn.ok() ? std::move(conn).value() : nullptr;
}

TEST(SqliteConnTest, QueryBindsTextArgumentsAndReturnsAllTypes) {
  auto c = OpenUrl("sqlite://q?mode=memory");
  ASSERT_NE(c, nullptr);
  auto rows = c->Query("SELECT ?1 AS a, 42 AS b, 1.5 AS c, NULL AS d, x'0001' AS e, ?2 AS f", {"x'y", "two"});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->columns, (std::vector<std::string>{"a", "b", "c", "d", "e", "f"}));
  ASSERT_EQ(rows->rows.size(), 1u);
  const auto& r = rows->rows[0];
  EXPECT_EQ(*r[0], "x'y");
  EXPECT_EQ(*r[1], "42");
  EXPECT_EQ(*r[2], "1.5");
  EXPECT_FALSE(r[3].has_value());
  EXPECT_EQ(*r[4], std::string("\0\1", 2));
  EXPECT_EQ(*r[5], "two");
  EXPECT_EQ(rows->Col("f"), 5);
}

TEST(SqliteConnTest, ErrorsArePrefixed) {
  auto c = OpenUrl("sqlite://e?mode=memory");
  ASSERT_NE(c, nullptr);
  auto rows = c->Query("SELECT * FROM missing");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().message(), "sqlite: no such table: missing");
  EXPECT_EQ(rows.status().code(), Code::kExec);
  EXPECT_EQ(Cause(rows.status()), "no such table: missing");
  Status st = c->Exec("CREATE TABLE t(a); CREATE TABLE t(a)");
  EXPECT_EQ(st.message(), "sqlite: table t already exists");
  EXPECT_FALSE(c->Query("SELECT ?1", {}).ok());
  EXPECT_FALSE(c->Query("SELECT 1; SELECT 2").ok());
}

TEST(SqliteConnTest, TransactionsCommitAndRollBack) {
  auto c = OpenUrl("sqlite://tx?mode=memory");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->Exec("CREATE TABLE t(a INT)").ok());
  ASSERT_TRUE(c->Begin().ok());
  EXPECT_TRUE(c->InTransaction());
  ASSERT_TRUE(c->Exec("INSERT INTO t VALUES (1)").ok());
  ASSERT_TRUE(c->Rollback().ok());
  EXPECT_FALSE(c->InTransaction());
  ASSERT_TRUE(c->Begin().ok());
  ASSERT_TRUE(c->Exec("INSERT INTO t VALUES (2)").ok());
  EXPECT_EQ(c->Changes(), 1);
  ASSERT_TRUE(c->Commit().ok());
  auto rows = c->Query("SELECT group_concat(a) FROM t");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(*rows->rows[0][0], "2");
  // Rolling back outside a transaction is not an error.
  EXPECT_TRUE(c->Rollback().ok());
}

TEST(SqliteConnTest, ForeignKeysParameter) {
  auto on = OpenUrl("sqlite://fk?mode=memory&_fk=1");
  auto off = OpenUrl("sqlite://nofk?mode=memory");
  ASSERT_NE(on, nullptr);
  ASSERT_NE(off, nullptr);
  EXPECT_EQ(*on->Query("PRAGMA foreign_keys")->rows[0][0], "1");
  EXPECT_EQ(*off->Query("PRAGMA foreign_keys")->rows[0][0], "0");
  auto journal = OpenUrl("sqlite://" + TempPath("wal.db") + "?_journal_mode=WAL&_busy_timeout=100");
  ASSERT_NE(journal, nullptr);
  EXPECT_EQ(*journal->Query("PRAGMA journal_mode")->rows[0][0], "wal");
}

TEST(SqliteConnTest, FilesByRelativeAndAbsolutePath) {
  std::string path = TempPath("abs.db");
  std::filesystem::remove(path);
  {
    auto c = OpenUrl("sqlite://" + path);  // sqlite:///tmp/... (absolute)
    ASSERT_NE(c, nullptr);
    ASSERT_TRUE(c->Exec("CREATE TABLE t(a)").ok());
  }
  EXPECT_TRUE(std::filesystem::exists(path));
  auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(std::filesystem::path(path).parent_path());
  auto rel = OpenUrl("sqlite3://abs.db");
  std::filesystem::current_path(cwd);
  ASSERT_NE(rel, nullptr);
  EXPECT_EQ(rel->Query("SELECT name FROM sqlite_schema")->rows.size(), 1u);
}

TEST(SqliteConnTest, OpenErrorsAreClear) {
  std::string missing = TempPath("missing.db");
  std::filesystem::remove(missing);
  auto ro = OpenSqlite(*Url::Parse("sqlite://" + missing + "?mode=ro"));
  ASSERT_FALSE(ro.ok());
  EXPECT_EQ(ro.status().message(), "sqlite: open \"" + missing + "\": unable to open database file");
  EXPECT_FALSE(std::filesystem::exists(missing));

  std::string junk = TempPath("junk.db");
  std::ofstream(junk) << "this is not a database file, just some text that is long enough";
  auto bad = OpenSqlite(*Url::Parse("sqlite://" + junk));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "sqlite: open \"" + junk + "\": file is not a database");

  auto nodir = OpenSqlite(*Url::Parse("sqlite:///nonexistent-dir-strata/x.db"));
  ASSERT_FALSE(nodir.ok());
  EXPECT_NE(nodir.status().message().find("unable to open database file"), std::string::npos);

  auto param = OpenSqlite(*Url::Parse("sqlite://x?mode=memory&_fk=maybe"));
  ASSERT_FALSE(param.ok());
  EXPECT_EQ(param.status().message(),
            "sqlite: invalid value \"maybe\" for URL parameter _fk: want a boolean");
}

TEST(SqliteConnTest, MemoryDatabasesArePrivatePerConnection) {
  auto a = OpenUrl("sqlite://same?mode=memory");
  auto b = OpenUrl("sqlite://same?mode=memory");
  ASSERT_TRUE(a->Exec("CREATE TABLE t(x)").ok());
  EXPECT_TRUE(b->Query("SELECT name FROM sqlite_schema")->rows.empty());
}

}  // namespace
}  // namespace strata::db::sqlite
