#include "dialect/postgres/driver.h"

#include "base/strings.h"
#include "db/pq/conn.h"
#include "dialect/postgres/apply.h"
#include "dialect/postgres/inspect.h"
#include "dialect/postgres/lock.h"
#include "dialect/postgres/plan.h"
#include "dialect/postgres/queries.h"
#include "dialect/postgres/revisions.h"
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


}  // namespace

Result<schema::Realm> PostgresDriver::InspectRealm(const InspectOptions& opts) {
  ASSIGN_OR_RETURN(schema::Realm r, InspectSchemas(*conn_, opts.schemas));
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
  ASSIGN_OR_RETURN(schema::Realm r, InspectSchemas(*conn_, {target}));
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
  auto stmts = migrate::ScanStmts(sql, StatementScanner());
  if (!stmts.ok()) {
    return Status(stmts.status().code(),
                  (filename.empty() ? "" : filename + ":") + stmts.status().message());
  }
  // A script that fails after its own BEGIN would leave the session in an
  // aborted transaction; it is rolled back unless the caller opened it.
  bool caller_tx = InTransaction(*conn_);
  for (const auto& st : *stmts) {
    if (Status s = conn_->Exec(st.text); !s.ok()) {
      if (!caller_tx && InTransaction(*conn_)) (void)conn_->Rollback();
      std::string pos = Position(sql, static_cast<size_t>(st.pos));
      return Status(Code::kExec, (filename.empty() ? pos : filename + ":" + pos) + ": " + db::pq::Cause(s));
    }
  }
  return Status::Ok();
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

// The statements that empty `schema` but keep the schema itself (its
// comment, owner and privileges stay as they were, as in a fresh database).
static Result<std::string> ClearSchemaScript(db::Conn& conn, const std::string& schema) {
  ASSIGN_OR_RETURN(db::Rows rows, conn.Query(queries::kSchemaObjects, {schema}));
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
    ASSIGN_OR_RETURN(script, ClearSchemaScript(*conn_, search_path_));
  } else {
    auto schemas = conn_->Query(queries::kAllSchemas);
    if (!schemas.ok()) return schemas.status().Wrap("resetting the dev database");
    for (const auto& row : schemas->rows) {
      std::string name = row[0].value_or("");
      if (name == "public") {
        ASSIGN_OR_RETURN(std::string clear, ClearSchemaScript(*conn_, name));
        script += clear;
      } else {
        script += "DROP SCHEMA IF EXISTS " + db::pq::QuoteIdent(name) + " CASCADE;\n";
      }
    }
  }
  if (script.empty()) return Status::Ok();
  // One transaction: DDL is transactional in PostgreSQL.
  Status st = conn_->Exec("BEGIN;\n" + script + "COMMIT;");
  if (!st.ok()) {
    if (InTransaction(*conn_)) (void)conn_->Rollback();
    return st.Wrap("resetting the dev database");
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
