// Helpers for the SQLite dialect tests: real in-memory databases (never
// mocks) and a Conn wrapper that counts the statements a layer runs.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "base/url.h"
#include "db/sqlite/conn.h"
#include "dialect/sqlite/driver.h"
#include "plan/plan.h"

namespace strata::dialect::sqlite::testing {

// A private in-memory database; every call gets a fresh one.
inline std::unique_ptr<db::sqlite::SqliteConn> MemoryConn(bool foreign_keys = true) {
  static std::atomic<int> seq{0};
  std::string url = "sqlite://strata_test_" + std::to_string(seq++) + "?mode=memory";
  if (foreign_keys) url += "&_fk=1";
  auto conn = db::sqlite::OpenSqlite(*Url::Parse(url));
  EXPECT_TRUE(conn.ok()) << conn.status().message();
  return std::move(conn).value();
}

// Forwards to another connection and counts Query and Exec calls.
class CountingConn : public db::Conn {
 public:
  explicit CountingConn(db::Conn* inner) : inner_(inner) {}
  Result<db::Rows> Query(const std::string& sql, const std::vector<std::string>& args = {}) override {
    ++queries;
    return inner_->Query(sql, args);
  }
  Status Exec(const std::string& sql) override {
    ++execs;
    executed.push_back(sql);
    return inner_->Exec(sql);
  }
  Status Begin() override { return inner_->Begin(); }
  Status Commit() override { return inner_->Commit(); }
  Status Rollback() override { return inner_->Rollback(); }
  void Close() override {}

  int queries = 0;
  int execs = 0;
  std::vector<std::string> executed;

 private:
  db::Conn* inner_;
};

// Runs a script on the connection and fails the test on error.
inline void MustExec(db::Conn& conn, const std::string& sql) {
  Status st = conn.Exec(sql);
  ASSERT_TRUE(st.ok()) << st.message() << "\n" << sql;
}

// The single value of a one-row, one-column query ("" for NULL).
inline std::string Scalar(db::Conn& conn, const std::string& sql) {
  auto rows = conn.Query(sql);
  EXPECT_TRUE(rows.ok()) << rows.status().message();
  if (!rows.ok() || rows->rows.empty() || rows->rows[0].empty()) return "";
  return rows->rows[0][0].value_or("");
}

// The down migration of a plan: every change's reverse statements, last
// change first.
inline plan::Plan ReversePlan(const plan::Plan& p) {
  plan::Plan r;
  for (auto it = p.changes.rbegin(); it != p.changes.rend(); ++it)
    for (const auto& stmt : it->reverse) r.changes.push_back({stmt, "", {}, false, ""});
  return r;
}

}  // namespace strata::dialect::sqlite::testing
