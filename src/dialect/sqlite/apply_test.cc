#include "dialect/sqlite/apply.h"

#include <gtest/gtest.h>

#include <atomic>

#include "dialect/sqlite/driver.h"
#include "dialect/sqlite/inspect.h"
#include "dialect/sqlite/plan.h"
#include "dialect/sqlite/test_util.h"
#include "dialect/sqlite/types.h"
#include "diff/differ.h"

namespace strata::dialect::sqlite {
namespace {

using testing::MemoryConn;
using testing::MustExec;
using testing::Scalar;

plan::Plan PlanOf(const std::vector<std::string>& stmts) {
  plan::Plan p;
  for (const auto& s : stmts) p.changes.push_back({s, "", {}, false, ""});
  return p;
}

// Plans the diff from the database's current state to `desired`.
plan::Plan PlanTo(db::Conn& conn, const schema::Schema& desired) {
  auto current = InspectMain(conn);
  EXPECT_TRUE(current.ok()) << current.status().message();
  auto changes = diff::DiffSchema(*current, desired, SqliteDiffHooks());
  EXPECT_TRUE(changes.ok()) << changes.status().message();
  auto p = PlanChanges(*changes, {});
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.ok() ? *p : plan::Plan{};
}

TEST(ApplyPlanTest, FailureRollsEverythingBack) {
  auto conn = MemoryConn();
  MustExec(*conn, "CREATE TABLE keep (a INT); INSERT INTO keep VALUES (1)");
  plan::Plan p = PlanOf({"CREATE TABLE t1 (a INT)", "INSERT INTO keep VALUES (2)",
                         "CREATE TABLE keep (b INT)", "CREATE TABLE never (c INT)"});
  ApplyReport report;
  Status st = ApplyPlan(*conn, p, {}, &report);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Code::kExec);
  EXPECT_EQ(st.message(), "sqlite: executing statement CREATE TABLE keep (b INT): table keep already exists");
  EXPECT_EQ(report.applied,
            (std::vector<std::string>{"CREATE TABLE t1 (a INT)", "INSERT INTO keep VALUES (2)"}));
  EXPECT_EQ(report.error_stmt, "CREATE TABLE keep (b INT)");
  EXPECT_EQ(report.pending, std::vector<std::string>{"CREATE TABLE never (c INT)"});
  EXPECT_EQ(report.error, st.message());
  // Nothing of the plan is left.
  EXPECT_EQ(Scalar(*conn, "SELECT count(*) FROM sqlite_schema WHERE name = 't1'"), "0");
  EXPECT_EQ(Scalar(*conn, "SELECT group_concat(a) FROM keep"), "1");
  EXPECT_FALSE(conn->InTransaction());
}

// Raises the interrupt flag once `after` statements have run, as a Ctrl-C
// arriving in the middle of a plan would.
class InterruptingConn : public db::Conn {
 public:
  InterruptingConn(db::Conn& inner, std::atomic<bool>& flag, int after)
      : inner_(inner), flag_(flag), after_(after) {}
  Result<db::Rows> Query(const std::string& sql, const std::vector<std::string>& args) override {
    return inner_.Query(sql, args);
  }
  Status Exec(const std::string& sql) override {
    Status st = inner_.Exec(sql);
    if (--after_ == 0) flag_ = true;
    return st;
  }
  Status Begin() override { return inner_.Begin(); }
  Status Commit() override { return inner_.Commit(); }
  Status Rollback() override { return inner_.Rollback(); }
  void Close() override { inner_.Close(); }

 private:
  db::Conn& inner_;
  std::atomic<bool>& flag_;
  int after_;
};

TEST(ApplyPlanTest, InterruptStopsBetweenStatementsAndRollsBack) {
  auto conn = MemoryConn();
  MustExec(*conn, "CREATE TABLE keep (a INT); INSERT INTO keep VALUES (1)");
  std::atomic<bool> flag{false};
  InterruptingConn wrapped(*conn, flag, 2);
  plan::Plan p = PlanOf({"CREATE TABLE t1 (a INT)", "INSERT INTO keep VALUES (2)", "CREATE TABLE t2 (a INT)"});
  ApplyOptions opts;
  opts.interrupted = &flag;
  ApplyReport report;
  Status st = ApplyPlan(wrapped, p, opts, &report);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Code::kAborted);
  EXPECT_EQ(st.message(), "interrupted before statement 3 of 3");
  EXPECT_EQ(report.error_stmt, "CREATE TABLE t2 (a INT)");
  // The transaction was rolled back: nothing of the plan is left.
  EXPECT_EQ(Scalar(*conn, "SELECT count(*) FROM sqlite_schema WHERE name IN ('t1', 't2')"), "0");
  EXPECT_EQ(Scalar(*conn, "SELECT group_concat(a) FROM keep"), "1");
  EXPECT_FALSE(conn->InTransaction());
}

TEST(ApplyPlanTest, NoTransactionModeKeepsWhatRan) {
  auto conn = MemoryConn();
  ApplyOptions none;
  none.tx_mode = TxMode::kNone;
  ApplyReport report;
  EXPECT_FALSE(ApplyPlan(*conn, PlanOf({"CREATE TABLE t1 (a)", "SELECT * FROM nope"}), none, &report).ok());
  EXPECT_EQ(Scalar(*conn, "SELECT count(*) FROM sqlite_schema WHERE name = 't1'"), "1");
  EXPECT_EQ(report.applied.size(), 1u);
}

TEST(ApplyPlanTest, ForeignKeyPragmasRunOutsideTheTransaction) {
  // With enforcement on inside the transaction, dropping the referenced
  // table would fail ("FOREIGN KEY constraint failed"): the copy only works
  // because the plan's leading PRAGMA ran before BEGIN.
  auto conn = MemoryConn(/*foreign_keys=*/true);
  MustExec(*conn,
           "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);"
           "CREATE TABLE child (id INTEGER PRIMARY KEY, pid INT REFERENCES parent (id));"
           "INSERT INTO parent VALUES (1, 'a'), (2, 'b'); INSERT INTO child VALUES (10, 1), (20, 2);");
  auto desired = InspectMain(*conn);
  ASSERT_TRUE(desired.ok());
  schema::Column stored;
  stored.name = "upper_name";
  stored.type = SqliteTypes().ParseSQL("text");
  stored.nullable = true;
  stored.generated = schema::GeneratedExpr{"upper(name)", "STORED"};
  desired->FindTable("parent")->columns.push_back(stored);
  plan::Plan p = PlanTo(*conn, *desired);
  ASSERT_EQ(p.changes.front().cmd, "PRAGMA foreign_keys = off");
  ApplyReport report;
  Status st = ApplyPlan(*conn, p, {}, &report);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(Scalar(*conn, "SELECT group_concat(upper_name) FROM parent"), "A,B");
  EXPECT_EQ(Scalar(*conn, "SELECT count(*) FROM child JOIN parent ON parent.id = child.pid"), "2");
  EXPECT_EQ(Scalar(*conn, "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(report.applied.size(), p.changes.size());
  EXPECT_TRUE(report.pending.empty());
}

TEST(ApplyPlanTest, NewForeignKeyViolationsFailTheCopy) {
  auto conn = MemoryConn(/*foreign_keys=*/true);
  MustExec(*conn,
           "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
           "CREATE TABLE child (id INTEGER PRIMARY KEY, pid INT);"
           "INSERT INTO parent VALUES (1); INSERT INTO child VALUES (10, 1), (20, 99), (30, 98);");
  auto before = InspectMain(*conn);
  ASSERT_TRUE(before.ok());
  schema::Schema desired = *before;
  schema::ForeignKey fk;
  fk.symbol = "child_parent";
  fk.columns = {"pid"};
  fk.ref_table = "parent";
  fk.ref_columns = {"id"};
  desired.FindTable("child")->foreign_keys.push_back(fk);
  plan::Plan p = PlanTo(*conn, desired);
  ApplyReport report;
  Status st = ApplyPlan(*conn, p, {}, &report);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.message(),
            "sqlite: foreign key violations after applying changes (rolled back): "
            "2 row(s) of \"child\" reference missing rows of \"parent\"");
  EXPECT_EQ(report.error_stmt, "PRAGMA foreign_key_check");
  auto after = InspectMain(*conn);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(*after, *before);
  EXPECT_EQ(Scalar(*conn, "SELECT count(*) FROM child"), "3");
  EXPECT_EQ(Scalar(*conn, "PRAGMA foreign_keys"), "1");  // restored
}

TEST(ApplyPlanTest, PreexistingViolationsDoNotBlockOtherChanges) {
  auto conn = MemoryConn(/*foreign_keys=*/false);
  MustExec(*conn,
           "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
           "CREATE TABLE child (id INTEGER PRIMARY KEY, pid INT REFERENCES parent (id));"
           "INSERT INTO child VALUES (1, 42);");
  auto desired = InspectMain(*conn);
  ASSERT_TRUE(desired.ok());
  // Rebuild the child table (a STORED column forces the copy).
  schema::Column twice;
  twice.name = "twice";
  twice.type = SqliteTypes().ParseSQL("int");
  twice.nullable = true;
  twice.generated = schema::GeneratedExpr{"pid * 2", "STORED"};
  desired->FindTable("child")->columns.push_back(twice);
  Status st = ApplyPlan(*conn, PlanTo(*conn, *desired), {}, nullptr);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(Scalar(*conn, "SELECT twice FROM child"), "84");
}

TEST(ApplyPlanTest, CopyOfATableAViewUses) {
  auto conn = MemoryConn();
  MustExec(*conn,
           "CREATE TABLE t (a INT); INSERT INTO t VALUES (1);"
           "CREATE VIEW v AS SELECT a FROM t;");
  auto desired = InspectMain(*conn);
  ASSERT_TRUE(desired.ok());
  desired->FindTable("t")->options.Set("strict", "true");
  Status st = ApplyPlan(*conn, PlanTo(*conn, *desired), {}, nullptr);
  ASSERT_TRUE(st.ok()) << st.message();
  EXPECT_EQ(Scalar(*conn, "SELECT a FROM v"), "1");
  EXPECT_EQ(Scalar(*conn, "PRAGMA legacy_alter_table"), "0");
  EXPECT_EQ(Scalar(*conn, "SELECT strict FROM pragma_table_list('t') WHERE schema = 'main'"), "1");
}

TEST(ExecScriptTest, ErrorsNameFileLineAndColumn) {
  auto conn = MemoryConn();
  Status st = ExecScript(*conn,
                         "CREATE TABLE a (x INT);\n"
                         "CREATE TRIGGER tr AFTER INSERT ON a BEGIN\n  INSERT INTO a VALUES (1);\nEND;\n"
                         "  INSERT INTO missing VALUES (1);\n",
                         "schema.sql");
  EXPECT_EQ(st.message(), "schema.sql:5:3: no such table: missing");
  EXPECT_EQ(st.code(), Code::kExec);
  EXPECT_EQ(Scalar(*conn, "SELECT count(*) FROM sqlite_schema"), "2");
  EXPECT_TRUE(ExecScript(*conn, "CREATE TABLE b (y); CREATE INDEX b_y ON b (y)", "x.sql").ok());
  // A script's own transaction does not outlive its failure.
  st = ExecScript(*conn, "BEGIN;\nCREATE TABLE c (z);\nCREATE TABLE c (z);\nCOMMIT;", "tx.sql");
  EXPECT_EQ(st.message(), "tx.sql:3:1: table c already exists");
  EXPECT_FALSE(conn->InTransaction());
  EXPECT_EQ(Scalar(*conn, "SELECT count(*) FROM sqlite_schema WHERE name = 'c'"), "0");
}

TEST(DriverTest, CheckCleanAndScopes) {
  SqliteDriver d(MemoryConn());
  EXPECT_EQ(d.Name(), "sqlite");
  EXPECT_EQ(d.BoundSchema(), "main");
  EXPECT_TRUE(d.CheckClean().ok());
  MustExec(d.Conn(), "CREATE VIEW v AS SELECT 1");
  EXPECT_TRUE(d.CheckClean().ok());
  MustExec(d.Conn(), "CREATE TABLE users (id INT); CREATE TABLE pets (id INT)");
  EXPECT_EQ(d.CheckClean().message(), "sql/migrate: connected database is not clean: found table \"users\"");
  auto other = d.InspectSchema("aux", {});
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().code(), Code::kNotFound);
  EXPECT_EQ(other.status().message(), "sqlite: schema \"aux\" was not found");
  InspectOptions only_other;
  only_other.schemas = {"aux"};
  EXPECT_TRUE(d.InspectRealm(only_other)->schemas.empty());
}

TEST(DriverTest, ExcludePatterns) {
  SqliteDriver d(MemoryConn());
  MustExec(d.Conn(),
           "CREATE TABLE users (id INT, a INT, b INT, ab INT, ac INT);"
           "CREATE INDEX users_ab ON users (ab); CREATE TABLE pets (id INT);"
           "CREATE TRIGGER pets_tr AFTER INSERT ON pets BEGIN SELECT 1; END;");
  InspectOptions o;
  o.exclude = {"users"};
  auto s = d.InspectSchema("main", o);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->tables.size(), 1u);
  EXPECT_EQ(s->tables[0].name, "pets");
  o.exclude = {"*.[ab]*"};
  s = d.InspectSchema("", o);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->FindTable("users")->columns.size(), 1u);
  EXPECT_TRUE(s->FindTable("users")->indexes.empty());
  o.exclude = {"p*"};
  s = d.InspectSchema("main", o);
  EXPECT_TRUE(s->triggers.empty());
  o.exclude = {"main.users"};
  auto r = d.InspectRealm(o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->schemas[0].tables.size(), 1u);
  o.exclude = {"main"};
  EXPECT_TRUE(d.InspectRealm(o)->schemas.empty());
  o.exclude = {"a.b.c"};
  EXPECT_FALSE(d.InspectSchema("main", o).ok());
}

TEST(DriverTest, OpenDriverFromUrl) {
  auto d = OpenDriver(*Url::Parse("sqlite://driver_test?mode=memory&_fk=1"));
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(testing::Scalar((*d)->Conn(), "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(&(*d)->Types(), &SqliteTypes());
  auto bad = OpenDriver(*Url::Parse("sqlite:///no/such/dir/x.db?mode=ro"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "sqlite: open \"/no/such/dir/x.db\": unable to open database file");
}

}  // namespace
}  // namespace strata::dialect::sqlite
