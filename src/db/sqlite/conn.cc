#include "db/sqlite/conn.h"

#include <sqlite3.h>

#include <cctype>

#include "base/strings.h"
#include "db/sqlite/dsn.h"

namespace strata::db::sqlite {
namespace {

constexpr std::string_view kPrefix = "sqlite: ";

// Finalizes a prepared statement on every path out of a scope.
class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  sqlite3_stmt** out() { return &s_; }
  sqlite3_stmt* get() const { return s_; }

 private:
  sqlite3_stmt* s_ = nullptr;
};

bool OnlySpace(const char* p, const char* end) {
  for (; p < end; ++p)
    if (!std::isspace(static_cast<unsigned char>(*p))) return false;
  return true;
}

}  // namespace

std::string Cause(const Status& s) {
  const std::string& m = s.message();
  return StartsWith(m, kPrefix) ? m.substr(kPrefix.size()) : m;
}

Status Annotate(const Status& s, const std::string& context) {
  if (s.ok()) return s;
  return Status(s.code(), std::string(kPrefix) + context + ": " + Cause(s));
}

Result<std::unique_ptr<SqliteConn>> SqliteConn::Open(const OpenOptions& opts) {
  const std::string& name = opts.display_name.empty() ? opts.filename : opts.display_name;
  auto fail = [&](const std::string& cause) {
    return Status(Code::kIO, "sqlite: open " + GoQuote(name) + ": " + cause);
  };
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (opts.uri) flags |= SQLITE_OPEN_URI;
  int rc = sqlite3_open_v2(opts.filename.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string cause = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return fail(cause);
  }
  // Report extended codes so errors say "constraint failed" precisely.
  sqlite3_extended_result_codes(db, 1);
  std::unique_ptr<SqliteConn> conn(new SqliteConn(db, opts.tx_lock));
  if (opts.busy_timeout_ms > 0) sqlite3_busy_timeout(db, opts.busy_timeout_ms);
  // SQLite opens lazily: reading the schema surfaces "file is not a
  // database" and permission problems now rather than at the first query.
  if (auto r = conn->Query("SELECT count(*) FROM sqlite_schema"); !r.ok()) {
    return fail(Cause(r.status()));
  }
  for (const auto& stmt : opts.init) {
    if (Status st = conn->Exec(stmt); !st.ok()) return fail(stmt + ": " + Cause(st));
  }
  return conn;
}

SqliteConn::~SqliteConn() { Close(); }

void SqliteConn::Close() {
  if (db_ != nullptr) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
  }
}

Status SqliteConn::LastError() const {
  if (db_ == nullptr) return Status(Code::kExec, "sqlite: connection is closed");
  return Status(Code::kExec, std::string(kPrefix) + sqlite3_errmsg(db_));
}

Result<Rows> SqliteConn::Query(const std::string& sql, const std::vector<std::string>& args) {
  if (db_ == nullptr) return LastError();
  Stmt stmt;
  const char* tail = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), stmt.out(), &tail) != SQLITE_OK) {
    return LastError();
  }
  if (stmt.get() == nullptr) return Rows{};  // only whitespace or comments
  if (!OnlySpace(tail, sql.data() + sql.size())) {
    return Status(Code::kInvalidArgument, "sqlite: query must be a single statement");
  }
  int nparams = sqlite3_bind_parameter_count(stmt.get());
  if (static_cast<size_t>(nparams) != args.size()) {
    return Status(Code::kInvalidArgument, "sqlite: query takes " + std::to_string(nparams) +
                                              " arguments, got " + std::to_string(args.size()));
  }
  for (size_t i = 0; i < args.size(); ++i) {
    if (sqlite3_bind_text(stmt.get(), static_cast<int>(i + 1), args[i].data(),
                          static_cast<int>(args[i].size()), SQLITE_TRANSIENT) != SQLITE_OK) {
      return LastError();
    }
  }
  Rows rows;
  int ncols = sqlite3_column_count(stmt.get());
  rows.columns.reserve(ncols);
  for (int i = 0; i < ncols; ++i) rows.columns.emplace_back(sqlite3_column_name(stmt.get(), i));
  while (true) {
    int rc = sqlite3_step(stmt.get());
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return LastError();
    std::vector<std::optional<std::string>> row;
    row.reserve(ncols);
    for (int i = 0; i < ncols; ++i) {
      if (sqlite3_column_type(stmt.get(), i) == SQLITE_NULL) {
        row.emplace_back(std::nullopt);
        continue;
      }
      // sqlite3_column_blob returns raw bytes for every storage class, and
      // _bytes (called after it) their length.
      const void* p = sqlite3_column_type(stmt.get(), i) == SQLITE_BLOB
                          ? sqlite3_column_blob(stmt.get(), i)
                          : static_cast<const void*>(sqlite3_column_text(stmt.get(), i));
      int n = sqlite3_column_bytes(stmt.get(), i);
      row.emplace_back(std::string(static_cast<const char*>(p), n));
    }
    rows.rows.push_back(std::move(row));
  }
  return rows;
}

Status SqliteConn::Exec(const std::string& sql) {
  if (db_ == nullptr) return LastError();
  const char* p = sql.c_str();
  const char* end = sql.c_str() + sql.size();
  while (p < end) {
    Stmt stmt;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db_, p, static_cast<int>(end - p), stmt.out(), &tail) != SQLITE_OK) {
      return LastError();
    }
    p = tail;
    if (stmt.get() == nullptr) continue;  // whitespace or a comment
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) return LastError();
  }
  return Status::Ok();
}

Status SqliteConn::Begin() {
  switch (tx_lock_) {
    case TxLock::kImmediate:
      return Exec("BEGIN IMMEDIATE");
    case TxLock::kExclusive:
      return Exec("BEGIN EXCLUSIVE");
    case TxLock::kDeferred:
      break;
  }
  return Exec("BEGIN");
}

Status SqliteConn::Commit() { return Exec("COMMIT"); }

Status SqliteConn::Rollback() {
  // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL);
  // a ROLLBACK then fails with "no transaction is active", which is fine.
  if (!InTransaction()) return Status::Ok();
  return Exec("ROLLBACK");
}

bool SqliteConn::InTransaction() const { return db_ != nullptr && sqlite3_get_autocommit(db_) == 0; }

int64_t SqliteConn::Changes() const { return db_ == nullptr ? 0 : sqlite3_changes64(db_); }

Result<std::unique_ptr<SqliteConn>> OpenSqlite(const Url& url) {
  ASSIGN_OR_RETURN(OpenOptions opts, OptionsFromUrl(url));
  return SqliteConn::Open(opts);
}

}  // namespace strata::db::sqlite
