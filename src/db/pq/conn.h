// db::Conn over libpq. One PqConn owns one PGconn; not safe to share between
// threads. Queries use the extended protocol with text parameters ($1, $2,
// ...); Exec uses the simple query protocol, so one call may run several
// statements separated by ";".
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/url.h"
#include "db/conn.h"

struct pg_conn;

namespace strata::db::pq {

class PqConn : public Conn {
 public:
  // Connects with a libpq conninfo string (keyword=value or a postgres:// URI).
  // Errors read "postgres: <libpq message>" and never contain the password.
  // `password`, when given, is also masked wherever libpq's message repeats it
  // as a whole word (libpq echoes malformed URI parts verbatim).
  static Result<std::unique_ptr<PqConn>> Connect(const std::string& conninfo, const std::string& password = "");

  ~PqConn() override;
  PqConn(const PqConn&) = delete;
  PqConn& operator=(const PqConn&) = delete;

  // Binds `args` as text to $1, $2, ... and returns every row as text (the
  // server's output format); SQL NULL is nullopt.
  Result<Rows> Query(const std::string& sql, const std::vector<std::string>& args = {}) override;
  // Runs `sql` with the simple query protocol (several statements allowed;
  // the first failing one stops the rest and fails the call).
  Status Exec(const std::string& sql) override;
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;
  void Close() override;

  // True inside a transaction block (also after a failed statement in one).
  bool InTransaction() const;
  // The server's version number, e.g. 150004.
  int ServerVersion() const;
  // The name of the connected database.
  std::string Database() const;

 private:
  explicit PqConn(pg_conn* c) : conn_(c) {}
  Status ConnError() const;

  pg_conn* conn_ = nullptr;
};

// Splits an Atlas-style postgres:// or postgresql:// URL into what libpq
// connects with (the URL minus `search_path`, which is Strata's scope) and
// the schema scope.
struct PostgresTarget {
  std::string conninfo;     // a postgresql:// URI for PQconnectdb
  std::string search_path;  // "" = realm scope
};
Result<PostgresTarget> TargetFromUrl(const Url& url);

// Connects to the URL and, when it has a search_path, sets it for the session.
Result<std::unique_ptr<PqConn>> OpenPostgres(const Url& url);

// "s" as a quoted SQL identifier ("a""b").
std::string QuoteIdent(const std::string& s);
// 's' as a quoted SQL string literal.
std::string QuoteLiteral(const std::string& s);

// `msg` with every whole-word occurrence of `secret` (raw or percent-encoded)
// replaced by "xxxxx", and with URL passwords redacted.
std::string MaskSecret(const std::string& msg, const std::string& secret);

// The message of an error Status from this package without its "postgres: "
// prefix, for callers that add their own context.
std::string Cause(const Status& s);

}  // namespace strata::db::pq
