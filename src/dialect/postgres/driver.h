// The PostgreSQL dialect driver: inspection, diff hooks, planning and
// applying over one libpq connection. The URL's `search_path` parameter is
// the schema scope (Atlas's rule): set = one schema, unset = the realm.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "base/url.h"
#include "dialect/driver.h"
#include "dialect/postgres/diff_hooks.h"

namespace strata::dialect::postgres {

class PostgresDriver : public Driver {
 public:
  // Takes any db::Conn to a PostgreSQL database (tests wrap one to count
  // queries). `search_path` is the bound schema ("" = realm scope).
  PostgresDriver(std::unique_ptr<db::Conn> conn, std::string search_path)
      : conn_(std::move(conn)), search_path_(std::move(search_path)) {}

  std::string Name() const override { return "postgres"; }
  std::string BoundSchema() const override { return search_path_; }

  // Every schema but pg_* and information_schema, or opts.schemas.
  Result<schema::Realm> InspectRealm(const InspectOptions& opts) override;
  // `name` "" means the bound schema, else current_schema().
  Result<schema::Schema> InspectSchema(const std::string& name, const InspectOptions& opts) override;

  const diff::DiffHooks& Hooks() const override { return hooks_; }
  const spec::TypeRegistry& Types() const override;

  Result<plan::Plan> PlanChanges(const schema::ChangeList& changes, const plan::PlanOptions& opts) override;
  Status ApplyPlan(const plan::Plan& p, const ApplyOptions& opts, ApplyReport* report) override;
  // Runs a schema file statement by statement (scanner of migrate::ScanDialect::
  // kPostgres: dollar quotes, E'' strings), pg_dump output included (see
  // script.h), then resets the session's settings. Errors read
  // "<file>:<line>:<col>: <server message>" for the failing statement.
  Status ExecScript(const std::string& sql, const std::string& filename) override;
  // Atlas's dev-database rule: schema scope is clean when the schema has no
  // table; realm scope when there is no schema, or only an empty "public".
  Status CheckClean() override;
  // Drops what a dev database may hold in one transaction: schema scope, the
  // schema's tables, views, sequences and types (the schema itself stays);
  // realm scope, every schema but "public" (CASCADE) and the contents of
  // "public". Functions and procedures are dropped too (by signature).
  Status QuickReset() override;

  db::Conn& Conn() override { return *conn_; }
  migrate::ScannerOptions StatementScanner() const override {
    return migrate::ScannerOptionsFor(migrate::ScanDialect::kPostgres);
  }
  // atlas_schema_revisions in `schema`, else the bound schema, else the
  // schema "atlas_schema_revisions" (see revisions.h).
  Result<std::unique_ptr<migrate::RevisionStore>> Revisions(const std::string& schema) override;
  // A session advisory lock keyed like Atlas's (see lock.h).
  Result<std::unique_ptr<Lock>> AcquireLock(const std::string& name, std::chrono::milliseconds timeout) override;

 private:
  Result<std::string> CurrentSchema();
  // Undoes SET/set_config/SET ROLE of a script; restores the bound search_path.
  Status ResetSession();

  std::unique_ptr<db::Conn> conn_;
  std::string search_path_;
  PostgresDiffHooks hooks_;
};

// Opens postgres:// and postgresql:// URLs (see db/pq/conn.h) and returns
// the driver.
Result<std::unique_ptr<Driver>> OpenDriver(const Url& url);

}  // namespace strata::dialect::postgres
