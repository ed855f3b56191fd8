// Helpers for the MySQL/MariaDB integration tests: a fresh database per test
// on the server named by $STRATA_MYSQL_URL (scripts/services.sh env), dropped
// at the end, and a db::Conn wrapper that counts queries.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <string>

#include "base/url.h"
#include "db/mysql/conn.h"

namespace strata::db::mysql::testing {

// The server URL, or "" when the tests should skip.
inline std::string ServerUrl() {
  const char* v = std::getenv("STRATA_MYSQL_URL");
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

// A database (= MySQL schema) created for one test; `url()` is bound to it.
class FreshDatabase {
 public:
  explicit FreshDatabase(const std::string& tag = "t") {
    static std::atomic<int> counter{0};
    name_ = "strata_" + tag + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    auto u = Url::Parse(ServerUrl());
    if (!u.ok()) {
      ADD_FAILURE() << u.status().message();
      return;
    }
    admin_url_ = *u;
    admin_url_.path = "/";
    auto admin = OpenMysql(admin_url_);
    if (!admin.ok()) {
      ADD_FAILURE() << admin.status().message();
      return;
    }
    Status st = (*admin)->Exec("CREATE DATABASE " + QuoteIdent(name_));
    if (!st.ok()) {
      ADD_FAILURE() << st.message();
      return;
    }
    ok_ = true;
  }
  ~FreshDatabase() {
    if (!ok_) return;
    auto admin = OpenMysql(admin_url_);
    if (admin.ok()) (void)(*admin)->Exec("DROP DATABASE IF EXISTS " + QuoteIdent(name_));
  }
  bool ok() const { return ok_; }
  // The server URL bound to this database.
  Url url() const {
    Url u = admin_url_;
    u.path = "/" + name_;
    return u;
  }
  // The server URL without a database (realm scope).
  const Url& admin_url() const { return admin_url_; }
  std::unique_ptr<MysqlConn> Connect() const {
    auto c = OpenMysql(url());
    EXPECT_TRUE(c.ok()) << c.status().message();
    return c.ok() ? std::move(*c) : nullptr;
  }
  const std::string& name() const { return name_; }

 private:
  Url admin_url_;
  std::string name_;
  bool ok_ = false;
};

#define STRATA_REQUIRE_MYSQL()                                                              \
  do {                                                                                      \
    if (::strata::db::mysql::testing::ServerUrl().empty())                                  \
      GTEST_SKIP() << "STRATA_MYSQL_URL is not set (scripts/services.sh env mariadb)";      \
  } while (0)

}  // namespace strata::db::mysql::testing
