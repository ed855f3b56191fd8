#include "dialect/postgres/apply.h"

#include <gtest/gtest.h>

#include <atomic>

namespace strata::dialect::postgres {
namespace {

// Records what runs; fails the statement equal to `fail_on`.
class FakeConn : public db::Conn {
 public:
  Result<db::Rows> Query(const std::string&, const std::vector<std::string>&) override { return db::Rows{}; }
  Status Exec(const std::string& sql) override {
    log.push_back(sql);
    if (sql == fail_on) return Status(Code::kExec, "postgres: ERROR: relation \"t\" already exists (SQLSTATE 42P07)");
    return Status::Ok();
  }
  Status Begin() override { return Record("BEGIN"); }
  Status Commit() override { return Record("COMMIT"); }
  Status Rollback() override { return Record("ROLLBACK"); }
  void Close() override {}

  std::vector<std::string> log;
  std::string fail_on;

 private:
  Status Record(const std::string& s) {
    log.push_back(s);
    return Status::Ok();
  }
};

plan::Plan ThreeStatements() {
  plan::Plan p;
  for (const char* s : {"CREATE TABLE a ()", "CREATE TABLE t ()", "CREATE TABLE c ()"})
    p.changes.push_back({s, "", {}, false, ""});
  return p;
}

TEST(PostgresApply, RunsInOneTransaction) {
  FakeConn conn;
  ApplyReport report;
  ASSERT_TRUE(ApplyPlan(conn, ThreeStatements(), {}, &report).ok());
  EXPECT_EQ(conn.log, (std::vector<std::string>{"BEGIN", "CREATE TABLE a ()", "CREATE TABLE t ()",
                                                "CREATE TABLE c ()", "COMMIT"}));
  EXPECT_EQ(report.applied.size(), 3u);
  EXPECT_TRUE(report.pending.empty());
}

TEST(PostgresApply, FailureRollsBackAndReports) {
  FakeConn conn;
  conn.fail_on = "CREATE TABLE t ()";
  ApplyReport report;
  Status st = ApplyPlan(conn, ThreeStatements(), {}, &report);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Code::kExec);
  EXPECT_EQ(st.message(),
            "postgres: executing statement CREATE TABLE t (): ERROR: relation \"t\" already exists (SQLSTATE "
            "42P07)");
  EXPECT_EQ(conn.log.back(), "ROLLBACK");
  EXPECT_EQ(report.error_stmt, "CREATE TABLE t ()");
  EXPECT_EQ(report.error, st.message());
  EXPECT_EQ(report.applied, std::vector<std::string>{"CREATE TABLE a ()"});
  EXPECT_EQ(report.pending, std::vector<std::string>{"CREATE TABLE c ()"});
}

TEST(PostgresApply, NoTransaction) {
  FakeConn conn;
  ApplyOptions opts;
  opts.tx_mode = TxMode::kNone;
  ASSERT_TRUE(ApplyPlan(conn, ThreeStatements(), opts, nullptr).ok());
  EXPECT_EQ(conn.log.size(), 3u);
  EXPECT_EQ(conn.log.front(), "CREATE TABLE a ()");
}

TEST(PostgresApply, InterruptStopsBetweenStatements) {
  FakeConn conn;
  std::atomic<bool> stop{true};
  ApplyOptions opts;
  opts.interrupted = &stop;
  ApplyReport report;
  Status st = ApplyPlan(conn, ThreeStatements(), opts, &report);
  EXPECT_EQ(st.code(), Code::kAborted);
  EXPECT_EQ(conn.log, (std::vector<std::string>{"BEGIN", "ROLLBACK"}));
  EXPECT_TRUE(report.applied.empty());
  EXPECT_EQ(report.pending.size(), 3u);
}

}  // namespace
}  // namespace strata::dialect::postgres
