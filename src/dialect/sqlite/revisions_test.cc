#include "dialect/sqlite/revisions.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "dialect/conn_session.h"
#include "dialect/sqlite/test_util.h"
#include "migrate/dir.h"
#include "migrate/executor.h"

namespace strata::dialect::sqlite {
namespace {

using migrate::Revision;

// A real database file in a fresh temp directory.
class FileDB {
 public:
  FileDB() {
    char tmpl[] = "/tmp/strata_rev_XXXXXX";
    dir_ = ::mkdtemp(tmpl);
    path_ = dir_ + "/app.db";
    auto d = OpenDriver(*Url::Parse("sqlite://" + path_));
    EXPECT_TRUE(d.ok()) << d.status().message();
    driver = std::move(d).value();
  }
  ~FileDB() {
    driver.reset();
    std::system(("rm -rf " + dir_).c_str());
  }
  std::string Scalar(const std::string& sql) {
    auto r = driver->Conn().Query(sql);
    EXPECT_TRUE(r.ok()) << r.status().message();
    if (!r.ok() || r->rows.empty()) return "";
    return r->rows[0][0].value_or("NULL");
  }
  std::unique_ptr<Driver> driver;

 private:
  std::string dir_, path_;
};

TEST(SqliteRevisionsTest, SeparateSchemaRejected) {
  FileDB db;
  EXPECT_TRUE(db.driver->Revisions("main").ok());
  EXPECT_TRUE(db.driver->Revisions("").ok());
  EXPECT_EQ(db.driver->Revisions("atlas_schema_revisions").status().message(),
            "cannot store revisions-table in a separate schema (\"atlas_schema_revisions\") with SQLite driver");
}

TEST(SqliteRevisionsTest, TableHasAtlasColumnTypes) {
  FileDB db;
  auto store = std::move(db.driver->Revisions("")).value();
  ASSERT_FALSE(*store->Exists());
  ASSERT_TRUE(store->Ensure().ok());
  ASSERT_TRUE(store->Ensure().ok());  // idempotent
  ASSERT_TRUE(*store->Exists());
  EXPECT_EQ(db.Scalar("SELECT sql FROM sqlite_schema WHERE name = 'atlas_schema_revisions'"),
            "CREATE TABLE `atlas_schema_revisions` (`version` text NOT NULL, `description` text NOT NULL, `type` "
            "integer NOT NULL DEFAULT (2), `applied` integer NOT NULL DEFAULT (0), `total` integer NOT NULL DEFAULT "
            "(0), `executed_at` datetime NOT NULL, `execution_time` integer NOT NULL, `error` text NULL, "
            "`error_stmt` text NULL, `hash` text NOT NULL, `partial_hashes` json NULL, `operator_version` text NOT "
            "NULL, PRIMARY KEY (`version`))");
  EXPECT_EQ(db.Scalar("SELECT name FROM pragma_table_info('atlas_schema_revisions') WHERE pk = 1"), "version");
}

TEST(SqliteRevisionsTest, RoundTripUpsertDeleteAndNulls) {
  FileDB db;
  auto store = std::move(db.driver->Revisions("main")).value();
  ASSERT_TRUE(store->Ensure().ok());
  Revision r;
  r.version = "20240101000000";
  r.description = "it's \"quoted\"";
  r.applied = 1;
  r.total = 2;
  r.executed_at_unix_ns = 1700000000123456789;
  r.execution_time_ns = 42;
  r.error = "boom";
  r.error_stmt = "INSERT 1;";
  r.hash = "abc=";
  r.partial_hashes = {"h1:x=", "h1:y="};
  r.operator_version = "Strata CLI v0.1.0";
  ASSERT_TRUE(store->Write(r).ok());
  auto got = *store->Read(r.version);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(*got, r);
  EXPECT_EQ(db.Scalar("SELECT executed_at FROM atlas_schema_revisions"), "2023-11-14 22:13:20.123456789+00:00");
  EXPECT_EQ(db.Scalar("SELECT partial_hashes FROM atlas_schema_revisions"), "[\"h1:x=\",\"h1:y=\"]");
  EXPECT_EQ(db.Scalar("SELECT typeof(applied) FROM atlas_schema_revisions"), "integer");

  r.applied = 2;
  r.error.clear();
  r.error_stmt.clear();
  r.partial_hashes.clear();
  ASSERT_TRUE(store->Write(r).ok());
  EXPECT_EQ(db.Scalar("SELECT count(*) FROM atlas_schema_revisions"), "1");
  EXPECT_EQ(db.Scalar("SELECT coalesce(error, 'NULL') || coalesce(partial_hashes, 'NULL') FROM "
                      "atlas_schema_revisions"),
            "NULLNULL");
  ASSERT_TRUE(store->Delete(r.version).ok());
  EXPECT_TRUE(store->ReadAll()->empty());
}

TEST(SqliteRevisionsTest, CloudRowHiddenAndVersionOrder) {
  FileDB db;
  auto store = std::move(db.driver->Revisions("")).value();
  ASSERT_TRUE(store->Ensure().ok());
  for (std::string v : std::vector<std::string>{"2", "10", std::string(migrate::kCloudIdentifierVersion)}) {
    Revision r;
    r.version = v;
    ASSERT_TRUE(store->Write(r).ok());
  }
  auto all = *store->ReadAll();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].version, "10");
  EXPECT_EQ(all[1].version, "2");
}

TEST(SqliteRevisionsTest, CleanIgnoresOnlyTheRevisionTable) {
  FileDB db;
  auto store = std::move(db.driver->Revisions("")).value();
  ASSERT_TRUE(store->Ensure().ok());
  EXPECT_TRUE(store->CheckClean().ok());
  ASSERT_TRUE(db.driver->Conn().Exec("CREATE TABLE t (a int)").ok());
  EXPECT_EQ(store->CheckClean().message(), "found table \"t\"");
}

TEST(SqliteRevisionsTest, TimestampsParseGoFormats) {
  EXPECT_EQ(ParseTimestamp("2023-11-14 22:13:20.123456789+00:00"), 1700000000123456789);
  EXPECT_EQ(ParseTimestamp("2023-11-14 23:13:20+01:00"), 1700000000000000000);
  EXPECT_EQ(ParseTimestamp("2023-11-14T22:13:20Z"), 1700000000000000000);
  EXPECT_EQ(FormatTimestamp(1700000000000000000), "2023-11-14 22:13:20+00:00");
}

// The executor on a real file: a failing statement in `file` mode rolls the
// whole file back, revision row included; in `none` mode the row says how
// far it got, and the next run continues there.
TEST(SqliteExecutorTest, FailureLeavesTheTableTrue) {
  for (migrate::TxMode mode : {migrate::TxMode::kFile, migrate::TxMode::kAll, migrate::TxMode::kNone}) {
    FileDB db;
    migrate::MemDir dir;
    ASSERT_TRUE(dir.WriteFile("1_a.sql", "CREATE TABLE a (x int);").ok());
    ASSERT_TRUE(dir.WriteFile("2_b.sql", "CREATE TABLE b (x int);\nINSERT INTO missing VALUES (1);\n").ok());
    auto store = std::move(db.driver->Revisions("")).value();
    ASSERT_TRUE(store->Ensure().ok());
    ConnSession session(db.driver->Conn(), "sqlite: ");
    migrate::ExecOptions o;
    o.tx_mode = mode;
    migrate::Executor e(dir, *store, session, db.driver->StatementScanner(), o);
    Status st = e.ExecuteN(*e.Pending());
    EXPECT_EQ(st.message(),
              "sql/migrate: executing statement \"INSERT INTO missing VALUES (1);\" from version \"2\": no such "
              "table: missing");
    const std::string rows = db.Scalar(
        "SELECT group_concat(version || ':' || applied || '/' || total || ':' || coalesce(error, ''), ' ') FROM "
        "atlas_schema_revisions");
    const std::string tables =
        db.Scalar("SELECT group_concat(name, ',') FROM sqlite_schema WHERE type = 'table' AND name IN ('a', 'b')");
    switch (mode) {
      case migrate::TxMode::kFile:
        EXPECT_EQ(rows, "1:1/1:");
        EXPECT_EQ(tables, "a");
        break;
      case migrate::TxMode::kAll:
        EXPECT_EQ(rows, "NULL");  // group_concat of no rows
        EXPECT_EQ(tables, "NULL");
        break;
      case migrate::TxMode::kNone:
        EXPECT_EQ(rows, "1:1/1: 2:1/2:no such table: missing");
        EXPECT_EQ(tables, "a,b");
        break;
    }
  }
}

}  // namespace
}  // namespace strata::dialect::sqlite
