#include "dialect/sqlite/driver.h"

#include <algorithm>

#include "base/strings.h"
#include "db/sqlite/conn.h"
#include "dialect/sqlite/apply.h"
#include "dialect/exclude.h"
#include "dialect/sqlite/inspect.h"
#include "dialect/sqlite/lock.h"
#include "dialect/sqlite/plan.h"
#include "dialect/sqlite/revisions.h"
#include "dialect/sqlite/types.h"

namespace strata::dialect::sqlite {

Result<schema::Realm> SqliteDriver::InspectRealm(const InspectOptions& opts) {
  schema::Realm r;
  if (!opts.schemas.empty() &&
      std::find(opts.schemas.begin(), opts.schemas.end(), "main") == opts.schemas.end()) {
    return r;
  }
  ASSIGN_OR_RETURN(schema::Schema s, InspectMain(*conn_));
  r.schemas.push_back(std::move(s));
  RETURN_IF_ERROR(ExcludeRealm(r, opts.exclude));
  return r;
}

Result<schema::Schema> SqliteDriver::InspectSchema(const std::string& name, const InspectOptions& opts) {
  if (!name.empty() && name != "main") {
    return NotFound("sqlite: schema " + GoQuote(name) + " was not found");
  }
  ASSIGN_OR_RETURN(schema::Schema s, InspectMain(*conn_));
  RETURN_IF_ERROR(ExcludeSchema(s, opts.exclude));
  return s;
}

const spec::TypeRegistry& SqliteDriver::Types() const { return SqliteTypes(); }

Result<plan::Plan> SqliteDriver::PlanChanges(const schema::ChangeList& changes,
                                             const plan::PlanOptions& opts) {
  return sqlite::PlanChanges(changes, opts);
}

Status SqliteDriver::ApplyPlan(const plan::Plan& p, const ApplyOptions& opts, ApplyReport* report) {
  return sqlite::ApplyPlan(*conn_, p, opts, report);
}

Status SqliteDriver::ExecScript(const std::string& sql, const std::string& filename) {
  return sqlite::ExecScript(*conn_, sql, filename);
}

Status SqliteDriver::CheckClean() {
  auto rows = conn_->Query(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
      "ORDER BY rowid LIMIT 1");
  if (!rows.ok()) return db::sqlite::Annotate(rows.status(), "checking the database is clean");
  if (rows->rows.empty()) return Status::Ok();
  return Error("sql/migrate: connected database is not clean: found table " +
               GoQuote(rows->rows[0][0].value_or("")));
}

// What Atlas does to restore a SQLite dev database: one rewrite of the
// schema table instead of a DROP per object (each DROP scans the schema
// table, so dropping N tables costs O(N^2)).
Status SqliteDriver::QuickReset() {
  for (const char* stmt : {"PRAGMA writable_schema = 1",
                           "DELETE FROM sqlite_schema WHERE type IN ('table', 'view', 'index', 'trigger')",
                           "PRAGMA writable_schema = 0", "VACUUM"}) {
    if (Status st = conn_->Exec(stmt); !st.ok()) {
      (void)conn_->Exec("PRAGMA writable_schema = 0");
      return db::sqlite::Annotate(st, "resetting the dev database");
    }
  }
  return Status::Ok();
}

Result<std::unique_ptr<Driver>> OpenDriver(const Url& url) {
  ASSIGN_OR_RETURN(std::unique_ptr<db::sqlite::SqliteConn> conn, db::sqlite::OpenSqlite(url));
  // In-memory databases are private to the process: no per-file suffix.
  std::string key = url.Query("mode") == "memory" ? "" : url.HostPath();
  return std::unique_ptr<Driver>(std::make_unique<SqliteDriver>(std::move(conn), std::move(key)));
}

Result<std::unique_ptr<migrate::RevisionStore>> SqliteDriver::Revisions(const std::string& schema) {
  ASSIGN_OR_RETURN(std::unique_ptr<SqliteRevisionStore> store, SqliteRevisionStore::Open(*conn_, schema));
  return std::unique_ptr<migrate::RevisionStore>(std::move(store));
}

Result<std::unique_ptr<Lock>> SqliteDriver::AcquireLock(const std::string& name, std::chrono::milliseconds timeout) {
  LockFileOptions opts;
  opts.path = LockFilePath(name, lock_key_);
  opts.name = name;
  opts.timeout = timeout;
  ASSIGN_OR_RETURN(std::unique_ptr<LockFile> lock, LockFile::Acquire(opts));
  return std::unique_ptr<Lock>(std::move(lock));
}

}  // namespace strata::dialect::sqlite
