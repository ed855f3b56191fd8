// Helpers for the PostgreSQL integration tests: a fresh database per test on
// the server named by $STRATA_PG_URL (scripts/services.sh env), dropped at
// the end, and a db::Conn wrapper that counts queries.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>

#include "base/url.h"
#include "db/pq/conn.h"

namespace strata::db::pq::testing {

// The server URL, or "" when the tests should skip.
inline std::string ServerUrl() {
  const char* v = std::getenv("STRATA_PG_URL");
  return v == nullptr ? "" : v;
}

// Counts Query and Exec calls on the wrapped connection.
class CountingConn : public db::Conn {
 public:
  explicit CountingConn(db::Conn& inner) : inner_(inner) {}
  Result<db::Rows> Query(const std::string& sql, const std::vector<std::string>& args = {}) override {
    ++queries;
    return inner_.Query(sql, args);
  }
  Status Exec(const std::string& sql) override {
    ++queries;
    return inner_.Exec(sql);
  }
  Status Begin() override { return inner_.Begin(); }
  Status Commit() override { return inner_.Commit(); }
  Status Rollback() override { return inner_.Rollback(); }
  void Close() override { inner_.Close(); }
  int queries = 0;

 private:
  db::Conn& inner_;
};

// A database created for one test: `url` points at it (with the same user,
// password and parameters as $STRATA_PG_URL).
class FreshDatabase {
 public:
  // Fails the test (and leaves ok() false) when the server cannot be reached.
  FreshDatabase() {
    static std::atomic<int> counter{0};
    name_ = "strata_t_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    auto admin_url = Url::Parse(ServerUrl());
    if (!admin_url.ok()) {
      ADD_FAILURE() << admin_url.status().message();
      return;
    }
    admin_url_ = *admin_url;
    auto admin = db::pq::OpenPostgres(admin_url_);
    if (!admin.ok()) {
      ADD_FAILURE() << admin.status().message();
      return;
    }
    Status st = (*admin)->Exec("CREATE DATABASE " + db::pq::QuoteIdent(name_));
    if (!st.ok()) {
      ADD_FAILURE() << st.message();
      return;
    }
    url_ = admin_url_;
    url_.path = "/" + name_;
    ok_ = true;
  }
  ~FreshDatabase() {
    if (!ok_) return;
    auto admin = db::pq::OpenPostgres(admin_url_);
    if (admin.ok()) (void)(*admin)->Exec("DROP DATABASE IF EXISTS " + db::pq::QuoteIdent(name_) + " WITH (FORCE)");
  }
  bool ok() const { return ok_; }
  // The database's URL, optionally bound to a schema (search_path).
  Url url(const std::string& search_path = "") const {
    Url u = url_;
    if (!search_path.empty()) {
      u.query.emplace_back("search_path", search_path);
      u.raw_query += (u.raw_query.empty() ? "" : "&") + std::string("search_path=") + PercentEncode(search_path, true);
    }
    return u;
  }
  std::unique_ptr<db::pq::PqConn> Connect(const std::string& search_path = "") const {
    auto c = db::pq::OpenPostgres(url(search_path));
    EXPECT_TRUE(c.ok()) << c.status().message();
    return c.ok() ? std::move(*c) : nullptr;
  }
  const std::string& name() const { return name_; }

 private:
  Url admin_url_;
  Url url_;
  std::string name_;
  bool ok_ = false;
};

#define STRATA_REQUIRE_PG()                                                        \
  do {                                                                             \
    if (::strata::db::pq::testing::ServerUrl().empty())                 \
      GTEST_SKIP() << "STRATA_PG_URL is not set (scripts/services.sh env postgres)"; \
  } while (0)

}  // namespace strata::db::pq::testing
