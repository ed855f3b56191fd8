// The SQLite dialect driver: inspection, diff hooks, planning and applying
// over one connection. Schema scope is always "main" (no attached databases).
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "base/url.h"
#include "dialect/driver.h"
#include "dialect/sqlite/diff_hooks.h"

namespace strata::dialect::sqlite {

class SqliteDriver : public Driver {
 public:
  // Takes any db::Conn to a SQLite database (tests wrap one to count queries).
  explicit SqliteDriver(std::unique_ptr<db::Conn> conn) : conn_(std::move(conn)) {}
  // `lock_key` is the database's host+path (empty for in-memory databases):
  // it names the lock files of AcquireLock.
  SqliteDriver(std::unique_ptr<db::Conn> conn, std::string lock_key)
      : conn_(std::move(conn)), lock_key_(std::move(lock_key)) {}

  std::string Name() const override { return "sqlite"; }
  std::string BoundSchema() const override { return "main"; }

  // A realm with the single schema "main" (unless opts.schemas leaves it out).
  Result<schema::Realm> InspectRealm(const InspectOptions& opts) override;
  // `name` must be "main" (or empty).
  Result<schema::Schema> InspectSchema(const std::string& name, const InspectOptions& opts) override;

  const diff::DiffHooks& Hooks() const override { return hooks_; }
  const spec::TypeRegistry& Types() const override;

  Result<plan::Plan> PlanChanges(const schema::ChangeList& changes, const plan::PlanOptions& opts) override;
  Status ApplyPlan(const plan::Plan& p, const ApplyOptions& opts, ApplyReport* report) override;
  Status ExecScript(const std::string& sql, const std::string& filename) override;
  // `sql/migrate: connected database is not clean: found table "t"` when
  // "main" has a table (views and triggers alone do not count, as in Atlas).
  Status CheckClean() override;
  Status QuickReset() override;

  db::Conn& Conn() override { return *conn_; }
  migrate::ScannerOptions StatementScanner() const override {
    return migrate::ScannerOptionsFor(migrate::ScanDialect::kSQLite);
  }
  // The table lives in "main"; any other schema is an error.
  Result<std::unique_ptr<migrate::RevisionStore>> Revisions(const std::string& schema) override;
  // A lock file in the temp directory (see sqlite/lock.h).
  Result<std::unique_ptr<Lock>> AcquireLock(const std::string& name, std::chrono::milliseconds timeout) override;

 private:
  std::unique_ptr<db::Conn> conn_;
  SqliteDiffHooks hooks_;
  std::string lock_key_;
};

// Opens sqlite://, sqlite3:// URLs (see db/sqlite/dsn.h for the forms and
// parameters) and returns the driver.
Result<std::unique_ptr<Driver>> OpenDriver(const Url& url);

}  // namespace strata::dialect::sqlite
