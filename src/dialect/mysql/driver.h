// The MySQL/MariaDB dialect driver: inspection, diff hooks, planning and
// applying over one libmariadb connection. The URL's database is the schema
// scope (Atlas's rule): mysql://h/db = one schema, mysql://h/ = the realm.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "base/url.h"
#include "dialect/driver.h"
#include "dialect/mysql/diff_hooks.h"
#include "dialect/mysql/flavor.h"

namespace strata::dialect::mysql {

class MysqlDriver : public Driver {
 public:
  // Takes any db::Conn to a MySQL/MariaDB server (tests wrap one to count
  // queries). `database` is the bound schema ("" = realm scope).
  MysqlDriver(std::unique_ptr<db::Conn> conn, std::string database, Flavor flavor)
      : conn_(std::move(conn)), database_(std::move(database)), flavor_(flavor), hooks_(flavor) {}

  std::string Name() const override { return "mysql"; }
  std::string BoundSchema() const override { return database_; }
  const Flavor& flavor() const { return flavor_; }

  // Every database but the system ones, or opts.schemas.
  Result<schema::Realm> InspectRealm(const InspectOptions& opts) override;
  // `name` "" means the bound database, else DATABASE().
  Result<schema::Schema> InspectSchema(const std::string& name, const InspectOptions& opts) override;

  const diff::DiffHooks& Hooks() const override { return hooks_; }
  const spec::TypeRegistry& Types() const override;

  Result<plan::Plan> PlanChanges(const schema::ChangeList& changes, const plan::PlanOptions& opts) override;
  // Statement by statement, never in a transaction (see apply.h).
  Status ApplyPlan(const plan::Plan& p, const ApplyOptions& opts, ApplyReport* report) override;
  // Runs the script statement by statement (scanner of ScanDialect::kMySQL:
  // DELIMITER directives, BEGIN ... END bodies, '#' comments, backslash
  // escapes). Errors read "<file>:<line>:<col>: <server message>" for the
  // failing statement.
  Status ExecScript(const std::string& sql, const std::string& filename) override;
  // Atlas's dev-database rule: database scope is clean when the database has
  // no table; realm scope when there is no database but the system ones.
  Status CheckClean() override;
  // Database scope: drops and re-creates the bound database with its
  // charset and collation. Realm scope: drops every non-system database.
  Status QuickReset() override;

  db::Conn& Conn() override { return *conn_; }
  migrate::ScannerOptions StatementScanner() const override {
    return migrate::ScannerOptionsFor(migrate::ScanDialect::kMySQL);
  }
  // atlas_schema_revisions in `schema`, else the bound database, else the
  // database "atlas_schema_revisions" (see revisions.h).
  Result<std::unique_ptr<migrate::RevisionStore>> Revisions(const std::string& schema) override;
  // GET_LOCK(name) (see lock.h).
  Result<std::unique_ptr<Lock>> AcquireLock(const std::string& name, std::chrono::milliseconds timeout) override;

 private:
  std::unique_ptr<db::Conn> conn_;
  std::string database_;
  Flavor flavor_;
  MysqlDiffHooks hooks_;
};

// Opens mysql://, maria://, mariadb:// URLs (and their +unix forms, see
// db/mysql/conn.h), detects the server flavor from VERSION() and returns
// the driver.
Result<std::unique_ptr<Driver>> OpenDriver(const Url& url);

}  // namespace strata::dialect::mysql
