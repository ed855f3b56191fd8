// The driver's non-inspection behaviour against a real PostgreSQL.
#include <gtest/gtest.h>

#include "db/pq/test_util.h"
#include "dialect/postgres/driver.h"
#include "dialect/postgres/lock.h"
#include "migrate/revision.h"

namespace strata::dialect::postgres {
namespace {

using db::pq::testing::FreshDatabase;

class DriverIntegration : public ::testing::Test {
 protected:
  void SetUp() override {
    if (db::pq::testing::ServerUrl().empty()) GTEST_SKIP() << "STRATA_PG_URL is not set";
    db_ = std::make_unique<FreshDatabase>();
    ASSERT_TRUE(db_->ok());
  }
  std::unique_ptr<Driver> Open(const std::string& search_path = "") {
    auto d = OpenDriver(db_->url(search_path));
    EXPECT_TRUE(d.ok()) << d.status().message();
    return d.ok() ? std::move(*d) : nullptr;
  }
  std::unique_ptr<FreshDatabase> db_;
};

TEST_F(DriverIntegration, CheckCleanRealm) {
  auto d = Open();
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->CheckClean().ok());
  ASSERT_TRUE(d->Conn().Exec("CREATE TABLE public.t (id int)").ok());
  EXPECT_EQ(d->CheckClean().message(),
            "sql/migrate: connected database is not clean: found table \"t\" in schema \"public\"");
  ASSERT_TRUE(d->Conn().Exec("DROP TABLE public.t; CREATE SCHEMA other").ok());
  EXPECT_EQ(d->CheckClean().message(), "sql/migrate: connected database is not clean: found schema \"other\"");
  ASSERT_TRUE(d->QuickReset().ok());
  EXPECT_TRUE(d->CheckClean().ok());
}

TEST_F(DriverIntegration, CheckCleanSchemaScope) {
  {
    auto d = Open();
    ASSERT_TRUE(d->Conn().Exec("CREATE SCHEMA app; COMMENT ON SCHEMA app IS 'kept'; CREATE TABLE public.elsewhere (id int)").ok());
  }
  auto d = Open("app");
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->CheckClean().ok());
  ASSERT_TRUE(d->Conn().Exec("CREATE TABLE t (id int)").ok());  // lands in app via search_path
  EXPECT_EQ(d->CheckClean().message(),
            "sql/migrate: connected database is not clean: found table \"t\" in connected schema");
  ASSERT_TRUE(d->Conn().Exec("CREATE TYPE mood AS ENUM ('a'); CREATE VIEW v AS SELECT * FROM t;"
                              "CREATE TABLE ids (a int GENERATED ALWAYS AS IDENTITY, b serial)").ok());
  ASSERT_TRUE(d->QuickReset().ok());
  EXPECT_TRUE(d->CheckClean().ok());
  // The schema itself is kept with its comment; its objects are gone.
  auto rows = d->Conn().Query(
      "SELECT obj_description('app'::regnamespace, 'pg_namespace'), "
      "(SELECT count(*) FROM pg_type WHERE typname = 'mood'), to_regclass('app.v') IS NULL");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->rows[0][0], "kept");
  EXPECT_EQ(rows->rows[0][1], "0");
  EXPECT_EQ(rows->rows[0][2], "t");
}

// Regression: the reset used to leave functions (and extensions) in
// "public", so the next desired state found them again.
TEST_F(DriverIntegration, QuickResetDropsEveryKindOfObjectInPublic) {
  auto d = Open();
  ASSERT_NE(d, nullptr);
  ASSERT_TRUE(d->Conn().Exec(
      "CREATE EXTENSION pg_trgm; CREATE TYPE mood AS ENUM ('a'); CREATE DOMAIN pos AS int CHECK (VALUE > 0);"
      "CREATE TYPE span AS RANGE (subtype = float8); CREATE TYPE pair AS (a int, b text);"
      "CREATE SEQUENCE s; CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';"
      "CREATE FUNCTION f(a text) RETURNS text LANGUAGE sql AS 'SELECT a';"
      "CREATE PROCEDURE p() LANGUAGE sql AS 'SELECT 1';"
      "CREATE TABLE t (id pos, m mood DEFAULT 'a', n int DEFAULT f(1));"
      "CREATE MATERIALIZED VIEW mv AS SELECT * FROM t").ok());
  ASSERT_TRUE(d->QuickReset().ok());
  auto rows = d->Conn().Query(
      "SELECT (SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace),"
      " (SELECT count(*) FROM pg_type WHERE typnamespace = 'public'::regnamespace),"
      " (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace),"
      " (SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm')");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->rows[0], (std::vector<std::optional<std::string>>{"0", "0", "0", "0"}));
  EXPECT_TRUE(d->CheckClean().ok());
}

TEST_F(DriverIntegration, ExecScriptReportsTheFailingStatement) {
  auto d = Open();
  ASSERT_NE(d, nullptr);
  const std::string script =
      "CREATE TABLE a (id int);\n"
      "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;\n"
      "INSERT INTO missing VALUES (1);\n";
  Status st = d->ExecScript(script, "schema.sql");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Code::kExec);
  EXPECT_EQ(st.message(), "schema.sql:3:1: relation \"missing\" does not exist");
  auto rows = d->Conn().Query("SELECT count(*) FROM pg_proc WHERE proname = 'f'");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows[0][0], "1");
}

TEST_F(DriverIntegration, ExecScriptRollsBackItsOwnTransaction) {
  auto d = Open();
  ASSERT_NE(d, nullptr);
  Status st = d->ExecScript("BEGIN;\nCREATE TABLE a (id int);\nSELECT 1/0;\nCOMMIT;\n", "");
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.message(), "3:1: division by zero");
  // The session is usable and the table was rolled back.
  auto rows = d->Conn().Query("SELECT to_regclass('public.a') IS NULL");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->rows[0][0], "t");
}

TEST_F(DriverIntegration, AdvisoryLockExcludesOtherSessions) {
  auto a = Open();
  auto b = Open();
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  auto held = a->AcquireLock("atlas_migrate_execute", std::chrono::milliseconds(0));
  ASSERT_TRUE(held.ok()) << held.status().message();
  // Atlas's key: visible in pg_locks as objid with classid 0 for a 32-bit key.
  auto rows = a->Conn().Query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 2686470616");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->rows[0][0], "1");
  auto blocked = b->AcquireLock("atlas_migrate_execute", std::chrono::milliseconds(100));
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.status().code(), Code::kLocked);
  held->reset();
  auto again = b->AcquireLock("atlas_migrate_execute", std::chrono::milliseconds(1000));
  EXPECT_TRUE(again.ok()) << again.status().message();
}

TEST_F(DriverIntegration, RevisionsRoundTrip) {
  auto d = Open();
  ASSERT_NE(d, nullptr);
  auto store = d->Revisions("");
  ASSERT_TRUE(store.ok()) << store.status().message();
  auto exists = (*store)->Exists();
  ASSERT_TRUE(exists.ok());
  EXPECT_FALSE(*exists);
  ASSERT_TRUE((*store)->Ensure().ok());
  ASSERT_TRUE((*store)->Ensure().ok());  // idempotent
  EXPECT_TRUE((*store)->CheckClean().ok()) << (*store)->CheckClean().message();
  migrate::Revision r;
  r.version = "20240101000000";
  r.description = "init";
  r.applied = 1;
  r.total = 2;
  r.executed_at_unix_ns = 1700000000123456000;
  r.execution_time_ns = 42;
  r.error = "boom";
  r.error_stmt = "SELECT 1/0;";
  r.hash = "abc=";
  r.partial_hashes = {"h1:a", "h1:b"};
  r.operator_version = "Strata test";
  ASSERT_TRUE((*store)->Write(r).ok()) << (*store)->Write(r).message();
  auto got = (*store)->Read(r.version);
  ASSERT_TRUE(got.ok()) << got.status().message();
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ(**got, r);
  r.applied = 2;
  r.error.clear();
  r.error_stmt.clear();
  r.partial_hashes.clear();
  ASSERT_TRUE((*store)->Write(r).ok());
  auto all = (*store)->ReadAll();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ((*all)[0], r);
  // The table lives in its own schema, which does not make the realm dirty.
  auto rows = d->Conn().Query("SELECT to_regclass('atlas_schema_revisions.atlas_schema_revisions') IS NOT NULL");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows[0][0], "t");
  ASSERT_TRUE(d->Conn().Exec("CREATE TABLE public.t (id int)").ok());
  EXPECT_EQ((*store)->CheckClean().message(), "found table \"t\" in schema \"public\"");
  ASSERT_TRUE((*store)->Delete(r.version).ok());
  all = (*store)->ReadAll();
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty());
}

TEST_F(DriverIntegration, RevisionsInTheBoundSchema) {
  {
    auto d = Open();
    ASSERT_TRUE(d->Conn().Exec("CREATE SCHEMA app").ok());
  }
  auto d = Open("app");
  auto store = d->Revisions("");
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Ensure().ok());
  EXPECT_TRUE((*store)->CheckClean().ok());
  auto rows = d->Conn().Query("SELECT to_regclass('app.atlas_schema_revisions') IS NOT NULL");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->rows[0][0], "t");
}

}  // namespace
}  // namespace strata::dialect::postgres
