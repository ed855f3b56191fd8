#include "dialect/sqlite/revisions.h"

#include <cstdio>
#include <ctime>

#include "base/strings.h"
#include "db/sqlite/conn.h"
#include "dialect/sqlite/render.h"

namespace strata::dialect::sqlite {
namespace {

using migrate::Revision;

// Ent's SQLite DDL for the table (types per column, in migrate::kRevisionColumns order).
constexpr const char* kColumnDefs[] = {"text NOT NULL",
                                       "text NOT NULL",
                                       "integer NOT NULL DEFAULT (2)",
                                       "integer NOT NULL DEFAULT (0)",
                                       "integer NOT NULL DEFAULT (0)",
                                       "datetime NOT NULL",
                                       "integer NOT NULL",
                                       "text NULL",
                                       "text NULL",
                                       "text NOT NULL",
                                       "json NULL",
                                       "text NOT NULL"};
static_assert(std::size(kColumnDefs) == std::size(migrate::kRevisionColumns));

std::string Table() { return Quote(migrate::kRevisionTable); }

std::string SelectList() {
  std::string s;
  for (const char* c : migrate::kRevisionColumns) s += (s.empty() ? "" : ", ") + Quote(c);
  return s;
}

Revision FromRow(const std::vector<std::optional<std::string>>& row) {
  return migrate::RevisionFromRow(row, ParseTimestamp(row[5].value_or("")).value_or(0));
}

Status Wrap(const Status& s, const std::string& action) { return db::sqlite::Annotate(s, action); }

}  // namespace

std::string FormatTimestamp(int64_t unix_nanos) {
  std::time_t secs = static_cast<std::time_t>(unix_nanos / 1000000000);
  int64_t frac = unix_nanos % 1000000000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  std::string s = buf;
  if (frac > 0) {
    char f[16];
    std::snprintf(f, sizeof f, ".%09lld", static_cast<long long>(frac));
    std::string fs = f;
    while (fs.back() == '0') fs.pop_back();  // Go's .999999999 trims zeros
    s += fs;
  }
  return s + "+00:00";
}

std::optional<int64_t> ParseTimestamp(const std::string& text) {
  std::tm tm{};
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%*c%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                  &tm.tm_min, &tm.tm_sec, &consumed) < 6) {
    return std::nullopt;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  int64_t secs = timegm(&tm);
  size_t i = static_cast<size_t>(consumed);
  int64_t nanos = 0;
  if (i < text.size() && text[i] == '.') {
    int64_t scale = 100000000;
    for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, scale /= 10) {
      nanos += (text[i] - '0') * scale;
    }
  }
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    int hh = 0, mm = 0;
    if (std::sscanf(text.c_str() + i + 1, "%2d:%2d", &hh, &mm) == 2) {
      int64_t off = hh * 3600 + mm * 60;
      secs -= text[i] == '+' ? off : -off;
    }
  }
  return secs * 1000000000 + nanos;
}

Result<std::unique_ptr<SqliteRevisionStore>> SqliteRevisionStore::Open(db::Conn& conn, const std::string& schema) {
  if (!schema.empty() && schema != "main") {
    return InvalidArgument("cannot store revisions-table in a separate schema (" + GoQuote(schema) +
                           ") with SQLite driver");
  }
  return std::unique_ptr<SqliteRevisionStore>(new SqliteRevisionStore(conn));
}

Result<bool> SqliteRevisionStore::Exists() {
  auto rows = conn_.Query("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
                          {std::string(migrate::kRevisionTable)});
  if (!rows.ok()) return Wrap(rows.status(), "checking revisions table");
  return !rows->rows.empty();
}

Status SqliteRevisionStore::Ensure() {
  ASSIGN_OR_RETURN(bool exists, Exists());
  if (!exists) {
    std::string ddl = "CREATE TABLE " + Table() + " (";
    for (size_t i = 0; i < std::size(migrate::kRevisionColumns); ++i) {
      ddl += Quote(migrate::kRevisionColumns[i]) + " " + kColumnDefs[i] + ", ";
    }
    ddl += "PRIMARY KEY (" + Quote("version") + "))";
    auto r = conn_.Query(ddl);
    return r.ok() ? Status::Ok() : Wrap(r.status(), "creating revisions table");
  }
  // An older table may lack columns: add them, as Ent's migration does.
  auto cols = conn_.Query("SELECT name FROM pragma_table_info(?)", {std::string(migrate::kRevisionTable)});
  if (!cols.ok()) return Wrap(cols.status(), "inspecting revisions table");
  for (size_t i = 0; i < std::size(migrate::kRevisionColumns); ++i) {
    bool found = false;
    for (const auto& row : cols->rows) found = found || row[0].value_or("") == migrate::kRevisionColumns[i];
    if (found) continue;
    // NOT NULL columns added later need a default; Ent uses the zero value.
    std::string def = kColumnDefs[i];
    if (def.find("NOT NULL") != std::string::npos && def.find("DEFAULT") == std::string::npos) {
      def += def.rfind("integer", 0) == 0 ? " DEFAULT 0" : " DEFAULT ''";
    }
    auto r = conn_.Query("ALTER TABLE " + Table() + " ADD COLUMN " + Quote(migrate::kRevisionColumns[i]) + " " + def);
    if (!r.ok()) return Wrap(r.status(), "migrating revisions table");
  }
  return Status::Ok();
}

Status SqliteRevisionStore::CheckClean() {
  auto rows = conn_.Query(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
      "AND name <> ? ORDER BY rowid LIMIT 1",
      {std::string(migrate::kRevisionTable)});
  if (!rows.ok()) return Wrap(rows.status(), "checking the database is clean");
  if (rows->rows.empty()) return Status::Ok();
  return Error("found table " + GoQuote(rows->rows[0][0].value_or("")));
}

Result<std::vector<Revision>> SqliteRevisionStore::ReadAll() {
  auto rows = conn_.Query("SELECT " + SelectList() + " FROM " + Table() + " WHERE " + Quote("version") +
                              " <> ? ORDER BY " + Quote("version"),
                          {std::string(migrate::kCloudIdentifierVersion)});
  if (!rows.ok()) return Wrap(rows.status(), "reading revisions");
  std::vector<Revision> out;
  out.reserve(rows->rows.size());
  for (const auto& row : rows->rows) out.push_back(FromRow(row));
  return out;
}

Result<std::optional<Revision>> SqliteRevisionStore::Read(const std::string& version) {
  auto rows =
      conn_.Query("SELECT " + SelectList() + " FROM " + Table() + " WHERE " + Quote("version") + " = ?", {version});
  if (!rows.ok()) return Wrap(rows.status(), "reading revision");
  if (rows->rows.empty()) return std::optional<Revision>();
  return std::optional<Revision>(FromRow(rows->rows[0]));
}

Status SqliteRevisionStore::Write(const Revision& r) {
  std::string sql = "INSERT OR REPLACE INTO " + Table() + " (" + SelectList() +
                    ") VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?, NULLIF(?, ''), ?)";
  auto res = conn_.Query(
      sql, {r.version, r.description, std::to_string(r.type), std::to_string(r.applied), std::to_string(r.total),
            FormatTimestamp(r.executed_at_unix_ns), std::to_string(r.execution_time_ns), r.error, r.error_stmt, r.hash,
            migrate::PartialHashesJSON(r.partial_hashes, ","), r.operator_version});
  return res.ok() ? Status::Ok() : Wrap(res.status(), "writing revision");
}

Status SqliteRevisionStore::Delete(const std::string& version) {
  auto res = conn_.Query("DELETE FROM " + Table() + " WHERE " + Quote("version") + " = ?", {version});
  return res.ok() ? Status::Ok() : Wrap(res.status(), "deleting revision");
}

}  // namespace strata::dialect::sqlite
