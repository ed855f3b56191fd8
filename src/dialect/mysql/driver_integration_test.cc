#include <gtest/gtest.h>

#include "db/mysql/test_util.h"
#include "dialect/mysql/driver.h"
#include "dialect/mysql/revisions.h"

namespace strata::dialect::mysql {
namespace {

using db::mysql::testing::FreshDatabase;

std::unique_ptr<Driver> Open(const Url& u) {
  auto d = OpenDriver(u);
  EXPECT_TRUE(d.ok()) << d.status().message();
  return d.ok() ? std::move(*d) : nullptr;
}

int64_t Count(db::Conn& c, const std::string& sql, const std::vector<std::string>& args = {}) {
  auto rows = c.Query(sql, args);
  EXPECT_TRUE(rows.ok()) << rows.status().message();
  if (!rows.ok() || rows->rows.empty()) return -1;
  return std::stoll(rows->rows[0][0].value_or("-1"));
}

TEST(MysqlDriverIntegration, FlavorFromServer) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto d = Open(db.url());
  ASSERT_NE(d, nullptr);
  auto* m = dynamic_cast<MysqlDriver*>(d.get());
  ASSERT_NE(m, nullptr);
  auto v = d->Conn().Query("SELECT VERSION()");
  ASSERT_TRUE(v.ok());
  bool maria = v->rows[0][0].value_or("").find("MariaDB") != std::string::npos;
  EXPECT_EQ(m->flavor().mariadb, maria);
  EXPECT_GE(m->flavor().major, 5);
}

TEST(MysqlDriverIntegration, ExecScriptDelimitersAndCompoundBodies) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto d = Open(db.url());
  ASSERT_NE(d, nullptr);
  const std::string script =
      "# a hash comment\n"
      "CREATE TABLE t (id int PRIMARY KEY, note varchar(20) DEFAULT 'a;b\\'c');\n"
      "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW\n"
      "BEGIN\n"
      "  IF NEW.id < 0 THEN SET NEW.id = -NEW.id; END IF;\n"
      "END;\n"
      "DELIMITER //\n"
      "CREATE PROCEDURE p(IN x int)\n"
      "BEGIN\n"
      "  INSERT INTO t (id) VALUES (x);\n"
      "  INSERT INTO t (id) VALUES (x + 1);\n"
      "END//\n"
      "CREATE PROCEDURE counts() BEGIN SELECT COUNT(*) FROM t; SELECT 1; END//\n"
      "DELIMITER ;\n"
      "CALL p(-5);\n"
      "CALL counts();\n"
      "INSERT INTO t (id) VALUES (100);\n";
  Status st = d->ExecScript(script, "schema.sql");
  ASSERT_TRUE(st.ok()) << st.message();
  auto rows = d->Conn().Query("SELECT id, note FROM t ORDER BY id");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->rows.size(), 3u);  // CALL counts() returned two result sets; the INSERT after it ran
  EXPECT_EQ(rows->rows[0][0].value_or(""), "4");  // -4 made positive by the trigger
  EXPECT_EQ(rows->rows[1][0].value_or(""), "5");
  EXPECT_EQ(rows->rows[0][1].value_or(""), "a;b'c");

  // Query after a CALL with result sets works too.
  auto called = d->Conn().Query("CALL counts()");
  ASSERT_TRUE(called.ok()) << called.status().message();
  EXPECT_EQ(called->rows[0][0].value_or(""), "3");
  EXPECT_TRUE(d->Conn().Query("SELECT 1").ok());

  Status bad = d->ExecScript("CREATE TABLE u (id int);\nCREATE TABLE u (id int);\n", "bad.sql");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.message(), "bad.sql:2:1: Error 1050 (42S01): Table 'u' already exists");
}

TEST(MysqlDriverIntegration, CheckCleanAndQuickReset) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto d = Open(db.url());
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(d->Conn().Exec("ALTER DATABASE `" + db.name() + "` CHARACTER SET latin1 COLLATE latin1_bin").ok());
  EXPECT_TRUE(d->CheckClean().ok());
  ASSERT_TRUE(d->Conn().Exec("CREATE TABLE t (id int)").ok());
  ASSERT_TRUE(d->Conn().Exec("CREATE VIEW v AS SELECT id FROM t").ok());
  Status dirty = d->CheckClean();
  ASSERT_FALSE(dirty.ok());
  EXPECT_EQ(dirty.message(),
            "sql/migrate: connected database is not clean: found table \"t\" in schema \"" + db.name() + "\"");
  ASSERT_TRUE(d->QuickReset().ok());
  EXPECT_TRUE(d->CheckClean().ok());
  // Same database, same defaults, and the session still uses it.
  auto rows = d->Conn().Query(
      "SELECT DEFAULT_COLLATION_NAME, DATABASE() FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", {db.name()});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->rows.size(), 1u);
  EXPECT_EQ(rows->rows[0][0].value_or(""), "latin1_bin");
  EXPECT_EQ(rows->rows[0][1].value_or(""), db.name());
  EXPECT_TRUE(d->Conn().Exec("CREATE TABLE again (id int)").ok());
}

TEST(MysqlDriverIntegration, ApplyReportsAppliedStatementsOnFailure) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto d = Open(db.url());
  ASSERT_NE(d, nullptr);
  plan::Plan p;
  p.changes.push_back({"CREATE TABLE a (id int)"});
  p.changes.push_back({"CREATE TABLE b (id int)"});
  p.changes.push_back({"ALTER TABLE a ADD COLUMN id int"});
  p.changes.push_back({"CREATE TABLE c (id int)"});
  ApplyReport report;
  Status st = d->ApplyPlan(p, {}, &report);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(report.applied, (std::vector<std::string>{"CREATE TABLE a (id int)", "CREATE TABLE b (id int)"}));
  EXPECT_EQ(report.error_stmt, "ALTER TABLE a ADD COLUMN id int");
  EXPECT_EQ(report.pending, (std::vector<std::string>{"CREATE TABLE c (id int)"}));
  EXPECT_EQ(st.message(),
            "mysql: executing statement: ALTER TABLE a ADD COLUMN id int: Error 1060 (42S21): Duplicate column "
            "name 'id'\nstatements applied before the failure (MySQL commits DDL at once; they were not rolled "
            "back):\n  CREATE TABLE a (id int);\n  CREATE TABLE b (id int);");
  // They really stay applied.
  EXPECT_EQ(Count(d->Conn(), "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", {db.name()}), 2);
}

TEST(MysqlDriverIntegration, RevisionsTable) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto d = Open(db.url());
  ASSERT_NE(d, nullptr);
  auto store = d->Revisions("");
  ASSERT_TRUE(store.ok());
  auto exists = (*store)->Exists();
  ASSERT_TRUE(exists.ok());
  EXPECT_FALSE(*exists);
  ASSERT_TRUE((*store)->Ensure().ok());
  ASSERT_TRUE((*store)->Ensure().ok());  // idempotent
  EXPECT_TRUE((*store)->CheckClean().ok());
  // Atlas's column types.
  auto cols = d->Conn().Query(
      "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND "
      "TABLE_NAME = 'atlas_schema_revisions' ORDER BY ORDINAL_POSITION",
      {db.name()});
  ASSERT_TRUE(cols.ok());
  ASSERT_EQ(cols->rows.size(), 12u);
  EXPECT_EQ(cols->rows[2][1].value_or(""), "bigint(20) unsigned");
  EXPECT_EQ(cols->rows[5][1].value_or(""), "timestamp");
  EXPECT_EQ(cols->rows[7][1].value_or(""), "longtext");
  EXPECT_EQ(cols->rows[7][2].value_or(""), "YES");

  migrate::Revision r;
  r.version = "20240101000000";
  r.description = "init";
  r.type = migrate::kRevisionExecuted;
  r.applied = 1;
  r.total = 2;
  r.executed_at_unix_ns = 1700000000LL * 1000000000LL;
  r.execution_time_ns = 123456;
  r.error = "boom 'x'";
  r.error_stmt = "CREATE TABLE x";
  r.hash = "abc=";
  r.partial_hashes = {"h1:AAA=", "h1:BBB="};
  r.operator_version = std::string(migrate::kOperatorVersion);
  ASSERT_TRUE((*store)->Write(r).ok());
  auto back = (*store)->Read(r.version);
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_TRUE(back->has_value());
  EXPECT_EQ(**back, r);
  r.applied = 2;
  r.error.clear();
  r.error_stmt.clear();
  r.partial_hashes.clear();
  ASSERT_TRUE((*store)->Write(r).ok());
  migrate::Revision r2 = r;
  r2.version = "20240102000000";
  ASSERT_TRUE((*store)->Write(r2).ok());
  auto all = (*store)->ReadAll();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0], r);
  EXPECT_EQ((*all)[1].version, "20240102000000");
  ASSERT_TRUE((*store)->Delete(r2.version).ok());
  EXPECT_EQ((*store)->ReadAll()->size(), 1u);
  // A user table makes the database dirty.
  ASSERT_TRUE(d->Conn().Exec("CREATE TABLE users (id int)").ok());
  Status dirty = (*store)->CheckClean();
  EXPECT_EQ(dirty.message(), "found table \"users\" in schema \"" + db.name() + "\"");
}

TEST(MysqlDriverIntegration, LockExcludesOtherSessions) {
  STRATA_REQUIRE_MYSQL();
  FreshDatabase db;
  ASSERT_TRUE(db.ok());
  auto a = Open(db.url());
  auto b = Open(db.url());
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  const std::string name = "strata_test_lock_" + db.name();
  {
    auto held = a->AcquireLock(name, std::chrono::milliseconds(100));
    ASSERT_TRUE(held.ok()) << held.status().message();
    auto other = b->AcquireLock(name, std::chrono::milliseconds(100));
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.status().code(), Code::kLocked);
    EXPECT_EQ(other.status().message(), "sql/schema: lock is held by other session");
  }
  auto again = b->AcquireLock(name, std::chrono::milliseconds(100));
  EXPECT_TRUE(again.ok()) << again.status().message();
}

TEST(MysqlDriverIntegration, OpenErrors) {
  STRATA_REQUIRE_MYSQL();
  auto u = Url::Parse("mysql://root:pass@127.0.0.1:1/db");
  ASSERT_TRUE(u.ok());
  auto d = OpenDriver(*u);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message().find("pass"), std::string::npos);
  EXPECT_NE(d.status().message().find("mysql: connecting to 127.0.0.1:1: "), std::string::npos) << d.status().message();
}

}  // namespace
}  // namespace strata::dialect::mysql
