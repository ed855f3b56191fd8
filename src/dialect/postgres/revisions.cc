#include "dialect/postgres/revisions.h"

#include <cstdlib>
#include <iterator>

#include "base/strings.h"
#include "db/pq/conn.h"
#include "dialect/postgres/queries.h"

namespace strata::dialect::postgres {
namespace {

using migrate::Revision;
using db::pq::QuoteIdent;

constexpr char kDefaultSchema[] = "atlas_schema_revisions";

// Ent's PostgreSQL types, in migrate::kRevisionColumns order.
constexpr const char* kColumnDefs[] = {"character varying NOT NULL",
                                       "character varying NOT NULL",
                                       "bigint NOT NULL DEFAULT 2",
                                       "bigint NOT NULL DEFAULT 0",
                                       "bigint NOT NULL DEFAULT 0",
                                       "timestamptz NOT NULL",
                                       "bigint NOT NULL",
                                       "text NULL",
                                       "text NULL",
                                       "character varying NOT NULL",
                                       "jsonb NULL",
                                       "character varying NOT NULL"};
static_assert(std::size(kColumnDefs) == std::size(migrate::kRevisionColumns));

// executed_at is read as microseconds since the epoch (PostgreSQL's precision).
std::string SelectList() {
  std::string s;
  for (const char* c : migrate::kRevisionColumns) {
    std::string col = QuoteIdent(c);
    if (std::string(c) == "executed_at") col = "(extract(epoch FROM " + col + ") * 1000000)::bigint";
    if (std::string(c) == "partial_hashes") col += "::text";
    s += (s.empty() ? "" : ", ") + col;
  }
  return s;
}

Revision FromRow(const std::vector<std::optional<std::string>>& row) {
  return migrate::RevisionFromRow(row, migrate::RevisionInt(row[5]) * 1000);
}

// Unix nanoseconds as a timestamptz literal PostgreSQL reads ("1700000000.123456").
std::string EpochText(int64_t ns) {
  int64_t secs = ns / 1000000000, micros = (ns % 1000000000) / 1000;
  std::string frac = std::to_string(micros);
  frac.insert(0, 6 - frac.size(), '0');
  return std::to_string(secs) + "." + frac;
}

}  // namespace

PostgresRevisionStore::PostgresRevisionStore(db::Conn& conn, const std::string& schema, std::string bound_schema)
    : conn_(conn),
      schema_(!schema.empty() ? schema : !bound_schema.empty() ? bound_schema : kDefaultSchema),
      bound_(std::move(bound_schema)) {}

std::string PostgresRevisionStore::Table() const {
  return QuoteIdent(schema_) + "." + QuoteIdent(std::string(migrate::kRevisionTable));
}

Result<bool> PostgresRevisionStore::Exists() {
  auto rows = conn_.Query(
      "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
      "WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')",
      {schema_, std::string(migrate::kRevisionTable)});
  if (!rows.ok()) return rows.status().Wrap("checking revisions table");
  return !rows->rows.empty();
}

Status PostgresRevisionStore::Ensure() {
  ASSIGN_OR_RETURN(bool exists, Exists());
  if (!exists) {
    std::string ddl = "CREATE SCHEMA IF NOT EXISTS " + QuoteIdent(schema_) + "; CREATE TABLE " + Table() + " (";
    for (size_t i = 0; i < std::size(migrate::kRevisionColumns); ++i) ddl += QuoteIdent(migrate::kRevisionColumns[i]) + " " + kColumnDefs[i] + ", ";
    ddl += "PRIMARY KEY (" + QuoteIdent("version") + "))";
    Status st = conn_.Exec(ddl);
    return st.ok() ? st : st.Wrap("creating revisions table");
  }
  // An older table may lack columns: add them, as Ent's migration does.
  auto cols = conn_.Query(
      "SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2",
      {schema_, std::string(migrate::kRevisionTable)});
  if (!cols.ok()) return cols.status().Wrap("inspecting revisions table");
  for (size_t i = 0; i < std::size(migrate::kRevisionColumns); ++i) {
    bool found = false;
    for (const auto& row : cols->rows) found = found || row[0].value_or("") == migrate::kRevisionColumns[i];
    if (found) continue;
    std::string def = kColumnDefs[i];
    if (def.find("NOT NULL") != std::string::npos && def.find("DEFAULT") == std::string::npos) {
      def += def.rfind("bigint", 0) == 0 ? " DEFAULT 0" : def.rfind("timestamptz", 0) == 0 ? " DEFAULT now()" : " DEFAULT ''";
    }
    Status st = conn_.Exec("ALTER TABLE " + Table() + " ADD COLUMN " + QuoteIdent(migrate::kRevisionColumns[i]) + " " + def);
    if (!st.ok()) return st.Wrap("migrating revisions table");
  }
  return Status::Ok();
}

Status PostgresRevisionStore::CheckClean() {
  // The first table of `schema` other than the revisions table, if any.
  auto first_table = [&](const std::string& schema) -> Result<std::string> {
    ASSIGN_OR_RETURN(db::Rows rows,
                     conn_.Query("SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                                 "ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') "
                                 "AND NOT (n.nspname = $2 AND c.relname = $3) ORDER BY c.relname LIMIT 1",
                                 {schema, schema_, std::string(migrate::kRevisionTable)}));
    return rows.rows.empty() ? std::string() : rows.rows[0][0].value_or("");
  };
  auto found_table = [](const std::string& t, const std::string& s) {
    return Error("found table " + GoQuote(t) + " in schema " + GoQuote(s));
  };
  if (!bound_.empty()) {
    auto t = first_table(bound_);
    if (!t.ok()) return t.status().Wrap("checking the database is clean");
    return t->empty() ? Status::Ok() : found_table(*t, bound_);
  }
  auto schemas = conn_.Query(queries::kAllSchemas);
  if (!schemas.ok()) return schemas.status().Wrap("checking the database is clean");
  for (const auto& row : schemas->rows) {
    std::string name = row[0].value_or("");
    if (name != "public" && name != schema_) return Error("found schema " + GoQuote(name));
    auto t = first_table(name);
    if (!t.ok()) return t.status().Wrap("checking the database is clean");
    if (!t->empty()) return found_table(*t, name);
  }
  return Status::Ok();
}

Result<std::vector<Revision>> PostgresRevisionStore::ReadAll() {
  auto rows = conn_.Query("SELECT " + SelectList() + " FROM " + Table() + " WHERE " + QuoteIdent("version") +
                              " <> $1 ORDER BY " + QuoteIdent("version") + " COLLATE \"C\"",
                          {std::string(migrate::kCloudIdentifierVersion)});
  if (!rows.ok()) return rows.status().Wrap("reading revisions");
  std::vector<Revision> out;
  out.reserve(rows->rows.size());
  for (const auto& row : rows->rows) out.push_back(FromRow(row));
  return out;
}

Result<std::optional<Revision>> PostgresRevisionStore::Read(const std::string& version) {
  auto rows = conn_.Query("SELECT " + SelectList() + " FROM " + Table() + " WHERE " + QuoteIdent("version") + " = $1",
                          {version});
  if (!rows.ok()) return rows.status().Wrap("reading revision");
  if (rows->rows.empty()) return std::optional<Revision>();
  return std::optional<Revision>(FromRow(rows->rows[0]));
}

Status PostgresRevisionStore::Write(const Revision& r) {
  std::string cols;
  std::string updates;
  for (const char* c : migrate::kRevisionColumns) {
    cols += (cols.empty() ? "" : ", ") + QuoteIdent(c);
    if (std::string(c) != "version") {
      updates += (updates.empty() ? "" : ", ") + QuoteIdent(c) + " = EXCLUDED." + QuoteIdent(c);
    }
  }
  std::string sql = "INSERT INTO " + Table() + " (" + cols +
                    ") VALUES ($1, $2, $3::bigint, $4::bigint, $5::bigint, to_timestamp($6::double precision), "
                    "$7::bigint, NULLIF($8, ''), NULLIF($9, ''), $10, NULLIF($11, '')::jsonb, $12) "
                    "ON CONFLICT (" + QuoteIdent("version") + ") DO UPDATE SET " + updates;
  auto res = conn_.Query(
      sql, {r.version, r.description, std::to_string(r.type), std::to_string(r.applied), std::to_string(r.total),
            EpochText(r.executed_at_unix_ns), std::to_string(r.execution_time_ns), r.error, r.error_stmt, r.hash,
            migrate::PartialHashesJSON(r.partial_hashes, ", "), r.operator_version});
  return res.ok() ? Status::Ok() : res.status().Wrap("writing revision");
}

Status PostgresRevisionStore::Delete(const std::string& version) {
  auto res = conn_.Query("DELETE FROM " + Table() + " WHERE " + QuoteIdent("version") + " = $1", {version});
  return res.ok() ? Status::Ok() : res.status().Wrap("deleting revision");
}

}  // namespace strata::dialect::postgres
