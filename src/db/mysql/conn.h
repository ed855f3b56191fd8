// db::Conn over MariaDB Connector/C (libmariadb), which speaks to MySQL and
// MariaDB servers. One MysqlConn owns one MYSQL handle; not safe to share
// between threads. Multi-statements are off: Exec runs exactly one
// statement. Query binds its arguments client-side (escaped literals in
// place of `?`), so every result is read in the text protocol.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "base/url.h"
#include "db/conn.h"

struct st_mysql;

namespace strata::db::mysql {

// Where and how to connect, from a mysql://, maria:// or mariadb:// URL
// (also their +unix forms).
struct MysqlTarget {
  std::string host;      // "" with a socket
  unsigned port = 0;     // 0 = the client default (3306)
  std::string socket;    // unix socket path (?socket= or the +unix forms)
  std::string user;
  std::string password;
  std::string database;  // the URL's database = Strata's schema scope ("" = realm)
  // tls: "false" (default, no TLS), "true" (required and verified),
  // "skip-verify" (required, not verified), "preferred" (TLS when offered).
  std::string tls = "false";
  std::string charset = "utf8mb4";
  unsigned connect_timeout = 10;  // seconds
  // Other parameters are session variables, set after connecting, as the Go
  // driver Atlas uses does (`?sql_mode=ANSI` -> SET sql_mode = 'ANSI').
  std::vector<std::pair<std::string, std::string>> session_vars;
};

// The URL's target. Errors: unexpected scheme, a bad port or a bad tls value.
// Parameters of the Go driver that have no meaning here (parseTime, loc,
// multiStatements, ...) are ignored.
Result<MysqlTarget> TargetFromUrl(const Url& url);

class MysqlConn : public Conn {
 public:
  // Errors read "mysql: <client or server message>" and never contain the
  // password.
  static Result<std::unique_ptr<MysqlConn>> Connect(const MysqlTarget& target);

  ~MysqlConn() override;
  MysqlConn(const MysqlConn&) = delete;
  MysqlConn& operator=(const MysqlConn&) = delete;

  // Replaces each `?` outside quotes and comments by args[i] as an escaped
  // string literal, runs the statement and returns every row as text.
  Result<Rows> Query(const std::string& sql, const std::vector<std::string>& args = {}) override;
  // Runs one statement, discarding any result set.
  Status Exec(const std::string& sql) override;
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;
  void Close() override;

  // SELECT VERSION() as read at connect time, e.g. "10.11.6-MariaDB-0+deb12u1".
  const std::string& ServerVersion() const { return version_; }
  // True inside an explicit transaction.
  bool InTransaction() const;

 private:
  explicit MysqlConn(st_mysql* c) : conn_(c) {}
  Status Error(const std::string& what = "") const;
  // Reads and drops the results that follow the first (CALL).
  Status DrainResults();
  Result<std::string> Bind(const std::string& sql, const std::vector<std::string>& args) const;

  st_mysql* conn_ = nullptr;
  std::string version_;
};

// Connects to the URL (TargetFromUrl + Connect).
Result<std::unique_ptr<MysqlConn>> OpenMysql(const Url& url);

// `name` as a backquoted identifier (`a``b`).
std::string QuoteIdent(const std::string& name);
// 's' as a string literal that reads back the same whatever sql_mode
// (quotes doubled, backslashes escaped), without a connection.
std::string QuoteLiteral(const std::string& s);

// Replaces each `?` outside quotes, backquotes and comments with the next
// literal of `literals`; errors when the counts differ. Exposed for tests.
Result<std::string> Substitute(const std::string& sql, const std::vector<std::string>& literals);

// The message of an error Status from this package without its "mysql: "
// prefix, for callers that add their own context.
std::string Cause(const Status& s);

}  // namespace strata::db::mysql
