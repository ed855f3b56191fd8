#include "dialect/mysql/driver.h"

#include "base/strings.h"
#include "db/mysql/conn.h"
#include "dialect/exclude.h"
#include "dialect/mysql/apply.h"
#include "dialect/mysql/inspect.h"
#include "dialect/mysql/lock.h"
#include "dialect/mysql/plan.h"
#include "dialect/mysql/revisions.h"
#include "dialect/mysql/types.h"

namespace strata::dialect::mysql {
namespace {

using db::mysql::QuoteIdent;

constexpr char kNotClean[] = "sql/migrate: connected database is not clean: ";
constexpr char kUserSchemas[] =
    "SELECT SCHEMA_NAME AS name, DEFAULT_CHARACTER_SET_NAME AS charset, DEFAULT_COLLATION_NAME AS collation "
    "FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN "
    "('mysql', 'information_schema', 'performance_schema', 'sys') ORDER BY SCHEMA_NAME";

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

}  // namespace

Result<schema::Realm> MysqlDriver::InspectRealm(const InspectOptions& opts) {
  ASSIGN_OR_RETURN(schema::Realm r, InspectSchemas(*conn_, opts.schemas, flavor_));
  RETURN_IF_ERROR(ExcludeRealm(r, opts.exclude));
  return r;
}

Result<schema::Schema> MysqlDriver::InspectSchema(const std::string& name, const InspectOptions& opts) {
  std::string target = name.empty() ? database_ : name;
  if (target.empty()) {
    ASSIGN_OR_RETURN(db::Rows rows, conn_->Query("SELECT DATABASE()"));
    if (rows.rows.empty() || !rows.rows[0][0]) return NotFound("mysql: no database selected (add one to the URL)");
    target = *rows.rows[0][0];
  }
  ASSIGN_OR_RETURN(schema::Realm r, InspectSchemas(*conn_, {target}, flavor_));
  if (r.schemas.empty()) return NotFound("mysql: schema " + GoQuote(target) + " was not found");
  schema::Schema s = std::move(r.schemas[0]);
  RETURN_IF_ERROR(ExcludeSchema(s, opts.exclude));
  return s;
}

const spec::TypeRegistry& MysqlDriver::Types() const { return MysqlTypes(); }

Result<plan::Plan> MysqlDriver::PlanChanges(const schema::ChangeList& changes, const plan::PlanOptions& opts) {
  return mysql::PlanChanges(changes, opts, flavor_);
}

Status MysqlDriver::ApplyPlan(const plan::Plan& p, const ApplyOptions& opts, ApplyReport* report) {
  return mysql::ApplyPlan(*conn_, p, opts, report);
}

Status MysqlDriver::ExecScript(const std::string& sql, const std::string& filename) {
  auto stmts = migrate::ScanStmts(sql, StatementScanner());
  if (!stmts.ok()) {
    return Status(stmts.status().code(), (filename.empty() ? "" : filename + ":") + stmts.status().message());
  }
  for (const auto& st : *stmts) {
    if (Status s = conn_->Exec(st.text); !s.ok()) {
      std::string pos = Position(sql, static_cast<size_t>(st.pos));
      return Status(Code::kExec, (filename.empty() ? pos : filename + ":" + pos) + ": " + db::mysql::Cause(s));
    }
  }
  return Status::Ok();
}

Status MysqlDriver::CheckClean() {
  if (!database_.empty()) {
    auto rows = conn_->Query(
        "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME LIMIT 1",
        {database_});
    if (!rows.ok()) return rows.status().Wrap("checking the database is clean");
    if (rows->rows.empty()) return Status::Ok();
    return Error(kNotClean + std::string("found table ") + GoQuote(rows->rows[0][0].value_or("")) + " in schema " +
                 GoQuote(database_));
  }
  auto schemas = conn_->Query(kUserSchemas);
  if (!schemas.ok()) return schemas.status().Wrap("checking the database is clean");
  if (schemas->rows.empty()) return Status::Ok();
  return Error(kNotClean + std::string("found schema ") + GoQuote(schemas->rows[0][0].value_or("")));
}

Status MysqlDriver::QuickReset() {
  auto schemas = conn_->Query(kUserSchemas);
  if (!schemas.ok()) return schemas.status().Wrap("resetting the dev database");
  for (const auto& row : schemas->rows) {
    std::string name = row[0].value_or("");
    if (!database_.empty() && name != database_) continue;
    Status st = conn_->Exec("DROP DATABASE " + QuoteIdent(name));
    if (st.ok() && name == database_) {
      // The bound database comes back as it was, and the session uses it again.
      std::string create = "CREATE DATABASE " + QuoteIdent(name);
      if (row[1]) create += " CHARACTER SET " + *row[1];
      if (row[2]) create += " COLLATE " + *row[2];
      st = conn_->Exec(create);
      if (st.ok()) st = conn_->Exec("USE " + QuoteIdent(name));
    }
    if (!st.ok()) return st.Wrap("resetting the dev database");
  }
  return Status::Ok();
}

Result<std::unique_ptr<migrate::RevisionStore>> MysqlDriver::Revisions(const std::string& schema) {
  return std::unique_ptr<migrate::RevisionStore>(std::make_unique<MysqlRevisionStore>(*conn_, schema, database_));
}

Result<std::unique_ptr<Lock>> MysqlDriver::AcquireLock(const std::string& name, std::chrono::milliseconds timeout) {
  ASSIGN_OR_RETURN(std::unique_ptr<NamedLock> lock, NamedLock::Acquire(*conn_, name, timeout));
  return std::unique_ptr<Lock>(std::move(lock));
}

Result<std::unique_ptr<Driver>> OpenDriver(const Url& url) {
  ASSIGN_OR_RETURN(db::mysql::MysqlTarget target, db::mysql::TargetFromUrl(url));
  ASSIGN_OR_RETURN(std::unique_ptr<db::mysql::MysqlConn> conn, db::mysql::MysqlConn::Connect(target));
  Flavor flavor = ParseVersion(conn->ServerVersion());
  if (!flavor.mariadb && flavor.AtLeast(8, 0, 3)) {
    // MySQL 8 caches information_schema.TABLES statistics (AUTO_INCREMENT
    // among them) for a day by default; inspection must see current values.
    RETURN_IF_ERROR(conn->Exec("SET SESSION information_schema_stats_expiry = 0"));
  }
  return std::unique_ptr<Driver>(std::make_unique<MysqlDriver>(std::move(conn), target.database, flavor));
}

}  // namespace strata::dialect::mysql
