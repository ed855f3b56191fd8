#include "dialect/mysql/revisions.h"

#include <cstdlib>
#include <iterator>

#include "base/strings.h"
#include "db/mysql/conn.h"

namespace strata::dialect::mysql {
namespace {

using db::mysql::QuoteIdent;
using migrate::Revision;

constexpr char kDefaultSchema[] = "atlas_schema_revisions";

// Ent's MySQL types, in migrate::kRevisionColumns order.
constexpr const char* kColumnDefs[] = {"varchar(255) NOT NULL",
                                       "varchar(255) NOT NULL",
                                       "bigint unsigned NOT NULL DEFAULT 2",
                                       "bigint NOT NULL DEFAULT 0",
                                       "bigint NOT NULL DEFAULT 0",
                                       "timestamp NOT NULL",
                                       "bigint NOT NULL",
                                       "longtext NULL",
                                       "longtext NULL",
                                       "varchar(255) NOT NULL",
                                       "json NULL",
                                       "varchar(255) NOT NULL"};
static_assert(std::size(kColumnDefs) == std::size(migrate::kRevisionColumns));

// executed_at is read as Unix seconds (the column has no fractions).
std::string SelectList() {
  std::string s;
  for (const char* c : migrate::kRevisionColumns) {
    std::string col = QuoteIdent(c);
    if (std::string(c) == "executed_at") col = "UNIX_TIMESTAMP(" + col + ")";
    s += (s.empty() ? "" : ", ") + col;
  }
  return s;
}

Revision FromRow(const std::vector<std::optional<std::string>>& row) {
  return migrate::RevisionFromRow(row, migrate::RevisionInt(row[5]) * 1000000000);
}

}  // namespace

std::string RevisionTableDDL(const std::string& schema) {
  std::string ddl = "CREATE TABLE " + QuoteIdent(schema) + "." + QuoteIdent(std::string(migrate::kRevisionTable)) + " (";
  for (size_t i = 0; i < std::size(migrate::kRevisionColumns); ++i) ddl += QuoteIdent(migrate::kRevisionColumns[i]) + " " + kColumnDefs[i] + ", ";
  return ddl + "PRIMARY KEY (" + QuoteIdent("version") + ")) CHARSET utf8mb4 COLLATE utf8mb4_bin";
}

MysqlRevisionStore::MysqlRevisionStore(db::Conn& conn, const std::string& schema, std::string bound_schema)
    : conn_(conn),
      schema_(!schema.empty() ? schema : !bound_schema.empty() ? bound_schema : kDefaultSchema),
      bound_(std::move(bound_schema)) {}

std::string MysqlRevisionStore::Table() const {
  return QuoteIdent(schema_) + "." + QuoteIdent(std::string(migrate::kRevisionTable));
}

Result<bool> MysqlRevisionStore::Exists() {
  auto rows = conn_.Query(
      "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND TABLE_TYPE = 'BASE TABLE'",
      {schema_, std::string(migrate::kRevisionTable)});
  if (!rows.ok()) return rows.status().Wrap("checking revisions table");
  return !rows->rows.empty();
}

Status MysqlRevisionStore::Ensure() {
  ASSIGN_OR_RETURN(bool exists, Exists());
  if (!exists) {
    // Two statements: multi-statements are off, and DDL commits anyway.
    Status st = conn_.Exec("CREATE DATABASE IF NOT EXISTS " + QuoteIdent(schema_));
    if (st.ok()) st = conn_.Exec(RevisionTableDDL(schema_));
    return st.ok() ? st : st.Wrap("creating revisions table");
  }
  // An older table may lack columns: add them, as Ent's migration does.
  auto cols = conn_.Query(
      "SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
      {schema_, std::string(migrate::kRevisionTable)});
  if (!cols.ok()) return cols.status().Wrap("inspecting revisions table");
  for (size_t i = 0; i < std::size(migrate::kRevisionColumns); ++i) {
    bool found = false;
    for (const auto& row : cols->rows) found = found || row[0].value_or("") == migrate::kRevisionColumns[i];
    if (found) continue;
    std::string def = kColumnDefs[i];
    if (def.find("NOT NULL") != std::string::npos && def.find("DEFAULT") == std::string::npos) {
      def += StartsWith(def, "bigint") ? " DEFAULT 0" : StartsWith(def, "timestamp") ? " DEFAULT CURRENT_TIMESTAMP" : " DEFAULT ''";
    }
    Status st = conn_.Exec("ALTER TABLE " + Table() + " ADD COLUMN " + QuoteIdent(migrate::kRevisionColumns[i]) + " " + def);
    if (!st.ok()) return st.Wrap("migrating revisions table");
  }
  return Status::Ok();
}

Status MysqlRevisionStore::CheckClean() {
  auto found_table = [](const std::string& t, const std::string& s) {
    return Error("found table " + GoQuote(t) + " in schema " + GoQuote(s));
  };
  if (!bound_.empty()) {
    auto rows = conn_.Query(
        "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND NOT "
        "(TABLE_SCHEMA = ? AND TABLE_NAME = ?) ORDER BY TABLE_NAME LIMIT 1",
        {bound_, schema_, std::string(migrate::kRevisionTable)});
    if (!rows.ok()) return rows.status().Wrap("checking the database is clean");
    return rows->rows.empty() ? Status::Ok() : found_table(rows->rows[0][0].value_or(""), bound_);
  }
  auto schemas = conn_.Query(
      "SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN "
      "('mysql', 'information_schema', 'performance_schema', 'sys') ORDER BY SCHEMA_NAME");
  if (!schemas.ok()) return schemas.status().Wrap("checking the database is clean");
  for (const auto& row : schemas->rows) {
    std::string name = row[0].value_or("");
    if (name != schema_) return Error("found schema " + GoQuote(name));
    auto rows = conn_.Query(
        "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> ? "
        "ORDER BY TABLE_NAME LIMIT 1",
        {name, std::string(migrate::kRevisionTable)});
    if (!rows.ok()) return rows.status().Wrap("checking the database is clean");
    if (!rows->rows.empty()) return found_table(rows->rows[0][0].value_or(""), name);
  }
  return Status::Ok();
}

Result<std::vector<Revision>> MysqlRevisionStore::ReadAll() {
  // BINARY: byte order whatever the column's collation.
  auto rows = conn_.Query("SELECT " + SelectList() + " FROM " + Table() + " WHERE " + QuoteIdent("version") +
                              " <> ? ORDER BY BINARY " + QuoteIdent("version"),
                          {std::string(migrate::kCloudIdentifierVersion)});
  if (!rows.ok()) return rows.status().Wrap("reading revisions");
  std::vector<Revision> out;
  out.reserve(rows->rows.size());
  for (const auto& row : rows->rows) out.push_back(FromRow(row));
  return out;
}

Result<std::optional<Revision>> MysqlRevisionStore::Read(const std::string& version) {
  auto rows =
      conn_.Query("SELECT " + SelectList() + " FROM " + Table() + " WHERE " + QuoteIdent("version") + " = ?", {version});
  if (!rows.ok()) return rows.status().Wrap("reading revision");
  if (rows->rows.empty()) return std::optional<Revision>();
  return std::optional<Revision>(FromRow(rows->rows[0]));
}

Status MysqlRevisionStore::Write(const Revision& r) {
  std::string cols, updates;
  for (const char* c : migrate::kRevisionColumns) {
    cols += (cols.empty() ? "" : ", ") + QuoteIdent(c);
    if (std::string(c) != "version") {
      updates += (updates.empty() ? "" : ", ") + QuoteIdent(c) + " = VALUES(" + QuoteIdent(c) + ")";
    }
  }
  // FROM_UNIXTIME and UNIX_TIMESTAMP both use the session time zone, so the
  // value reads back as written.
  std::string sql = "INSERT INTO " + Table() + " (" + cols +
                    ") VALUES (?, ?, ?, ?, ?, FROM_UNIXTIME(?), ?, NULLIF(?, ''), NULLIF(?, ''), ?, NULLIF(?, ''), ?) "
                    "ON DUPLICATE KEY UPDATE " + updates;
  auto res = conn_.Query(
      sql, {r.version, r.description, std::to_string(r.type), std::to_string(r.applied), std::to_string(r.total),
            std::to_string(r.executed_at_unix_ns / 1000000000), std::to_string(r.execution_time_ns), r.error,
            r.error_stmt, r.hash, migrate::PartialHashesJSON(r.partial_hashes, ","), r.operator_version});
  return res.ok() ? Status::Ok() : res.status().Wrap("writing revision");
}

Status MysqlRevisionStore::Delete(const std::string& version) {
  auto res = conn_.Query("DELETE FROM " + Table() + " WHERE " + QuoteIdent("version") + " = ?", {version});
  return res.ok() ? Status::Ok() : res.status().Wrap("deleting revision");
}

}  // namespace strata::dialect::mysql
