// db::Conn over the SQLite C API. One SqliteConn owns one sqlite3 handle;
// it is not safe to use from several threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/url.h"
#include "db/conn.h"

struct sqlite3;

namespace strata::db::sqlite {

// How BEGIN takes its locks (mattn/go-sqlite3's `_txlock`).
enum class TxLock { kDeferred, kImmediate, kExclusive };

struct OpenOptions {
  // A path, ":memory:", or a "file:" URI (then `uri` must be true).
  std::string filename;
  bool uri = false;
  // Statements run right after opening, e.g. "PRAGMA foreign_keys = on".
  std::vector<std::string> init;
  int busy_timeout_ms = 5000;
  TxLock tx_lock = TxLock::kDeferred;
  // The user-facing name of the database in error messages (the URL path).
  std::string display_name;
};

class SqliteConn : public Conn {
 public:
  // Opens (and validates) a database. Errors read
  // `sqlite: open "<name>": <cause>`.
  static Result<std::unique_ptr<SqliteConn>> Open(const OpenOptions& opts);

  ~SqliteConn() override;
  SqliteConn(const SqliteConn&) = delete;
  SqliteConn& operator=(const SqliteConn&) = delete;

  // Binds `args` as text to ?1, ?2, ... and returns every row. Integers and
  // reals come back in SQLite's text form; NULL is nullopt.
  Result<Rows> Query(const std::string& sql, const std::vector<std::string>& args = {}) override;
  // Runs the statement (or statements) in `sql`, discarding rows.
  Status Exec(const std::string& sql) override;
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;
  void Close() override;

  // True between Begin() and Commit()/Rollback() (SQLite's autocommit is off).
  bool InTransaction() const;
  // Rows changed by the last INSERT/UPDATE/DELETE.
  int64_t Changes() const;
  // The raw handle, for callers that need SQLite-only APIs (tracing).
  sqlite3* handle() const { return db_; }

 private:
  explicit SqliteConn(sqlite3* db, TxLock lock) : db_(db), tx_lock_(lock) {}
  // "sqlite: <message of the last failed call>".
  Status LastError() const;

  sqlite3* db_ = nullptr;
  TxLock tx_lock_ = TxLock::kDeferred;
};

// Opens a connection for an Atlas-style URL: sqlite://file.db,
// sqlite:///abs/file.db, sqlite://dev?mode=memory, sqlite3://... with
// mattn/go-sqlite3 query parameters (_fk=1, _busy_timeout, _journal_mode...).
Result<std::unique_ptr<SqliteConn>> OpenSqlite(const Url& url);

// The message of an error Status from this package without its "sqlite: "
// prefix, for callers that add their own context.
std::string Cause(const Status& s);
// `s` (same code) reading "sqlite: <context>: <cause>".
Status Annotate(const Status& s, const std::string& context);

}  // namespace strata::db::sqlite
