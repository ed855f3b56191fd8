// A dialect driver: Inspector + DiffHooks + PlanApplier over one connection.
// The CLI and the dev-database logic see only this interface.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/url.h"
#include "db/conn.h"
#include "diff/differ.h"
#include "migrate/revision.h"
#include "migrate/scanner.h"
#include "plan/plan.h"
#include "schema/changes.h"
#include "schema/schema.h"
#include "spec/type_registry.h"

namespace strata::dialect {

struct InspectOptions {
  std::vector<std::string> schemas;  // empty = all
  std::vector<std::string> exclude;  // glob patterns: "t*", "s.t", "s.t.c"
};

enum class TxMode { kFile, kAll, kNone };

struct ApplyOptions {
  TxMode tx_mode = TxMode::kFile;
  // Set by a signal handler; checked between statements. When it becomes
  // true the apply stops, rolls back what it can, and fails with kAborted.
  const std::atomic<bool>* interrupted = nullptr;
};

// What happened during an apply, statement by statement.
struct ApplyReport {
  std::vector<std::string> applied;
  std::vector<std::string> pending;
  std::string error_stmt;
  std::string error;
};

// A named advisory lock held by this process; released when destroyed.
class Lock {
 public:
  virtual ~Lock() = default;
};

class Driver {
 public:
  virtual ~Driver() = default;
  virtual std::string Name() const = 0;  // "sqlite", "postgres", ...
  // The schema the URL is bound to ("" = realm scope). SQLite: always "main".
  virtual std::string BoundSchema() const = 0;

  virtual Result<schema::Realm> InspectRealm(const InspectOptions& opts) = 0;
  virtual Result<schema::Schema> InspectSchema(const std::string& name, const InspectOptions& opts) = 0;

  virtual const diff::DiffHooks& Hooks() const = 0;
  virtual const spec::TypeRegistry& Types() const = 0;

  virtual Result<plan::Plan> PlanChanges(const schema::ChangeList& changes,
                                         const plan::PlanOptions& opts) = 0;
  // Executes the plan's statements. On failure the report says which
  // statements ran; in a transaction everything is rolled back.
  virtual Status ApplyPlan(const plan::Plan& p, const ApplyOptions& opts, ApplyReport* report) = 0;
  // Runs a script of SQL statements (a schema file) on this database.
  virtual Status ExecScript(const std::string& sql, const std::string& filename) = 0;
  // Fails with a reason when the database has tables (dev databases must be clean).
  virtual Status CheckClean() = 0;
  // Drops every object at once where the dialect has a cheaper way than
  // planning the drops (SQLite rewrites its schema table). kUnsupported when
  // it has none; the dev database then plans and applies the drops.
  virtual Status QuickReset() { return Unsupported("quick reset"); }

  virtual db::Conn& Conn() = 0;

  // How migration files of this dialect are split into statements.
  virtual migrate::ScannerOptions StatementScanner() const = 0;

  // The revision table (atlas_schema_revisions) in `schema` ("" = the
  // dialect's default place). Errors when the dialect cannot put it there.
  virtual Result<std::unique_ptr<migrate::RevisionStore>> Revisions(const std::string& schema) = 0;
  // Takes the named lock (e.g. "atlas_migrate_execute"), waiting up to
  // `timeout`; fails with Code::kLocked when another session holds it.
  virtual Result<std::unique_ptr<Lock>> AcquireLock(const std::string& name, std::chrono::milliseconds timeout) = 0;
};

// Opens a driver for a URL. Implemented in the CLI layer's registry.
using Opener = Result<std::unique_ptr<Driver>> (*)(const Url& url);

}  // namespace strata::dialect
