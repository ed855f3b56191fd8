#include "dialect/postgres/driver.h"

#include <set>

#include "base/strings.h"
#include "db/pq/conn.h"
#include "dialect/postgres/apply.h"
#include "dialect/postgres/inspect.h"
#include "dialect/postgres/lock.h"
#include "dialect/postgres/plan.h"
#include "dialect/postgres/queries.h"
#include "dialect/postgres/revisions.h"
#include "dialect/postgres/script.h"
#include "dialect/postgres/types.h"
#include "dialect/exclude.h"

namespace strata::dialect::postgres {
namespace {

constexpr char kNotClean[] = "sql/migrate: connected database is not clean: ";

// 1-based line and column of byte `pos` in `text`.
std::string Position(std::string_view text, size_t pos) {
  int line = 1, col = 1;
  for (size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

bool InTransaction(db::Conn& conn) {
  auto* pq = dynamic_cast<db::pq::PqConn*>(&conn);
  return pq != nullptr && pq->InTransaction();
}

// Catalog queries over thousands of tables cross the JIT cost threshold,
// and compiling them costs more than it saves (5,000 tables: 1.47 s with
// JIT, 1.04 s without). Off for the inspection only; RESET brings back the
// session's own setting.
Result<schema::Realm> InspectWithoutJit(db::Conn& conn, const std::vector<std::string>& names) {
  RETURN_IF_ERROR(conn.Exec("SET jit = off"));
  Result<schema::Realm> r = InspectSchemas(conn, names);
  Status reset = conn.Exec("RESET jit");
  if (r.ok() && !reset.ok()) return reset;
  return r;
}

}  // namespace

Result<schema::Realm> PostgresDriver::InspectRealm(const InspectOptions& opts) {
  ASSIGN_OR_RETURN(schema::Realm r, InspectWithoutJit(*conn_, opts.schemas));
  RETURN_IF_ERROR(ExcludeRealm(r, opts.exclude));
  return r;
}

Result<std::string> PostgresDriver::CurrentSchema() {
  ASSIGN_OR_RETURN(db::Rows rows, conn_->Query("SELECT current_schema()"));
  if (rows.rows.empty() || !rows.rows[0][0]) return NotFound("postgres: no current schema (empty search_path)");
  return *rows.rows[0][0];
}

Result<schema::Schema> PostgresDriver::InspectSchema(const std::string& name, const InspectOptions& opts) {
  std::string target = name.empty() ? search_path_ : name;
  if (target.empty()) {
    ASSIGN_OR_RETURN(target, CurrentSchema());
  }
  ASSIGN_OR_RETURN(schema::Realm r, InspectWithoutJit(*conn_, {target}));
  if (r.schemas.empty()) return NotFound("postgres: schema " + GoQuote(target) + " was not found");
  schema::Schema s = std::move(r.schemas[0]);
  RETURN_IF_ERROR(ExcludeSchema(s, opts.exclude));
  return s;
}

const spec::TypeRegistry& PostgresDriver::Types() const { return PostgresTypes(); }

Result<plan::Plan> PostgresDriver::PlanChanges(const schema::ChangeList& changes, const plan::PlanOptions& opts) {
  return postgres::PlanChanges(changes, opts);
}

Status PostgresDriver::ApplyPlan(const plan::Plan& p, const ApplyOptions& opts, ApplyReport* report) {
  return postgres::ApplyPlan(*conn_, p, opts, report);
}

Status PostgresDriver::ExecScript(const std::string& sql, const std::string& filename) {
  // Schema files may be pg_dump output: see script.h for what is left out.
  auto stmts = PrepareSchemaScript(sql);
  if (!stmts.ok()) {
    return Status(stmts.status().code(),
                  (filename.empty() ? "" : filename + ":") + stmts.status().message());
  }
  // A script that fails after its own BEGIN would leave the session in an
  // aborted transaction; it is rolled back unless the caller opened it.
  bool caller_tx = InTransaction(*conn_);
  Status failed;
  std::set<std::string> settings;  // the server's parameters, read at the first SET
  for (const auto& st : *stmts) {
    if (!st.setting.empty() && st.setting.find('.') == std::string::npos) {
      if (settings.empty()) {
        ASSIGN_OR_RETURN(db::Rows rows, conn_->Query("SELECT name FROM pg_catalog.pg_settings"));
        for (const auto& row : rows.rows) settings.insert(row[0].value_or(""));
      }
      if (!settings.count(st.setting)) continue;  // unknown to this server (script.h)
    }
    if (Status s = conn_->Exec(st.text); !s.ok()) {
      if (!caller_tx && InTransaction(*conn_)) (void)conn_->Rollback();
      std::string pos = Position(sql, static_cast<size_t>(st.pos));
      failed = Status(Code::kExec, (filename.empty() ? pos : filename + ":" + pos) + ": " + db::pq::Cause(s));
      break;
    }
  }
  // Session settings of the script (pg_dump empties search_path) must not
  // change how the rest of the session inspects, renders and drops.
  if (Status s = ResetSession(); !s.ok() && failed.ok()) return s;
  return failed;
}

Status PostgresDriver::ResetSession() {
  std::string reset = "RESET ROLE; RESET SESSION AUTHORIZATION; RESET ALL;";
  if (!search_path_.empty()) reset += " SET search_path TO " + db::pq::QuoteIdent(search_path_) + ";";
  return conn_->Exec(reset).Wrap("postgres: resetting the session after the script");
}

Status PostgresDriver::CheckClean() {
  if (!search_path_.empty()) {
    auto rows = conn_->Query(queries::kFirstTable, {search_path_});
    if (!rows.ok()) return rows.status().Wrap("checking the database is clean");
    if (rows->rows.empty()) return Status::Ok();
    return Error(kNotClean + std::string("found table ") + GoQuote(rows->rows[0][1].value_or("")) +
                 " in connected schema");
  }
  auto schemas = conn_->Query(queries::kAllSchemas);
  if (!schemas.ok()) return schemas.status().Wrap("checking the database is clean");
  for (const auto& row : schemas->rows) {
    std::string name = row[0].value_or("");
    if (name != "public") return Error(kNotClean + std::string("found schema ") + GoQuote(name));
    auto rows = conn_->Query(queries::kFirstTable, {name});
    if (!rows.ok()) return rows.status().Wrap("checking the database is clean");
    if (!rows->rows.empty()) {
      return Error(kNotClean + std::string("found table ") + GoQuote(rows->rows[0][1].value_or("")) +
                   " in schema " + GoQuote(name));
    }
  }
  return Status::Ok();
}

// The statements that empty `schemas` but keep the schemas themselves
// (their comment, owner and privileges stay as they were, as in a fresh
// database). One query lists every kind of object of all of them (see
// kSchemaObjects), already quoted and, for routines, with their signature
// (overloads share a name).
static Result<std::string> ClearSchemasScript(db::Conn& conn, const std::vector<std::string>& schemas) {
  if (schemas.empty()) return std::string();
  ASSIGN_OR_RETURN(db::Rows rows, conn.Query(queries::kSchemaObjects, {TextArrayLiteral(schemas)}));
  std::string script;
  // Extensions first: they take their own objects with them.
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& row : rows.rows) {
      std::string kind = row[0].value_or("table");
      if ((kind == "extension") != (pass == 0)) continue;
      script += "DROP " + ToUpper(kind) + " IF EXISTS " + row[1].value_or("") + " CASCADE;\n";
    }
  }
  return script;
}

Status PostgresDriver::QuickReset() {
  std::string script;
  if (!search_path_.empty()) {
    ASSIGN_OR_RETURN(script, ClearSchemasScript(*conn_, {search_path_}));
  } else {
    auto schemas = conn_->Query(queries::kAllSchemas);
    if (!schemas.ok()) return schemas.status().Wrap("resetting the dev database");
    std::vector<std::string> names;
    for (const auto& row : schemas->rows) names.push_back(row[0].value_or(""));
    // Every schema is emptied first, in the batches below (one DROP SCHEMA
    // ... CASCADE over thousands of tables would lock them all in one
    // transaction); all but "public" are then dropped.
    ASSIGN_OR_RETURN(script, ClearSchemasScript(*conn_, names));
    for (const auto& name : names)
      if (name != "public") script += "DROP SCHEMA IF EXISTS " + db::pq::QuoteIdent(name) + " CASCADE;\n";
  }
  if (script.empty()) return Status::Ok();
  // Transactions of at most kBatch statements (one per line): each DROP
  // locks every object it removes, and one transaction over thousands of
  // objects runs out of the server's shared lock table ("out of shared
  // memory"), which other sessions share too.
  constexpr size_t kBatch = 200;
  std::vector<std::string> lines = Split(script, "\n");
  for (size_t i = 0; i < lines.size(); i += kBatch) {
    std::string batch;
    for (size_t j = i; j < lines.size() && j < i + kBatch; ++j)
      if (!lines[j].empty()) batch += lines[j] + "\n";
    if (batch.empty()) continue;
    Status st = conn_->Exec("BEGIN;\n" + batch + "COMMIT;");
    if (!st.ok()) {
      if (InTransaction(*conn_)) (void)conn_->Rollback();
      return st.Wrap("resetting the dev database");
    }
  }
  return Status::Ok();
}

Result<std::unique_ptr<migrate::RevisionStore>> PostgresDriver::Revisions(const std::string& schema) {
  return std::unique_ptr<migrate::RevisionStore>(std::make_unique<PostgresRevisionStore>(*conn_, schema, search_path_));
}

Result<std::unique_ptr<Lock>> PostgresDriver::AcquireLock(const std::string& name,
                                                          std::chrono::milliseconds timeout) {
  ASSIGN_OR_RETURN(std::unique_ptr<AdvisoryLock> lock, AdvisoryLock::Acquire(*conn_, name, timeout));
  return std::unique_ptr<Lock>(std::move(lock));
}

Result<std::unique_ptr<Driver>> OpenDriver(const Url& url) {
  ASSIGN_OR_RETURN(db::pq::PostgresTarget target, db::pq::TargetFromUrl(url));
  ASSIGN_OR_RETURN(std::unique_ptr<db::pq::PqConn> conn, db::pq::OpenPostgres(url));
  return std::unique_ptr<Driver>(std::make_unique<PostgresDriver>(std::move(conn), target.search_path));
}

}  // namespace strata::dialect::postgres
