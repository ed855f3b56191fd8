#include "db/pq/conn.h"

#include <libpq-fe.h>

#include <cctype>

#include "base/strings.h"

namespace strata::db::pq {
namespace {

constexpr char kPrefix[] = "postgres: ";

std::string TrimMessage(const char* m) { return Trim(m == nullptr ? "" : m); }

// The server's primary message (with detail when there is one), or libpq's.
std::string ResultMessage(const PGresult* res, PGconn* conn) {
  const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  if (primary == nullptr) {
    std::string m = TrimMessage(res ? PQresultErrorMessage(res) : nullptr);
    if (m.empty()) m = TrimMessage(PQerrorMessage(conn));
    if (StartsWith(m, "ERROR:")) m = Trim(m.substr(6));
    return m;
  }
  std::string m = primary;
  if (const char* detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL); detail != nullptr) {
    m += " (" + std::string(detail) + ")";
  }
  return m;
}

void IgnoreNotice(void*, const char*) {}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

}  // namespace

std::string MaskSecret(const std::string& msg, const std::string& secret) {
  std::string out = RedactSecrets(msg);
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (const std::string& s : {secret, PercentEncode(secret, false), PercentEncode(secret, true)}) {
    if (s.empty()) continue;
    size_t pos = 0;
    while ((pos = out.find(s, pos)) != std::string::npos) {
      size_t end = pos + s.size();
      bool bounded = (pos == 0 || !is_word(out[pos - 1]) || !is_word(s.front())) &&
                     (end == out.size() || !is_word(out[end]) || !is_word(s.back()));
      if (!bounded) {
        ++pos;
        continue;
      }
      out.replace(pos, s.size(), "xxxxx");
      pos += 5;
    }
  }
  return out;
}

Result<std::unique_ptr<PqConn>> PqConn::Connect(const std::string& conninfo, const std::string& password) {
  PGconn* c = PQconnectdb(conninfo.c_str());
  if (c == nullptr) return IOError("postgres: out of memory while connecting");
  if (PQstatus(c) != CONNECTION_OK) {
    // libpq's messages name host, port and user, never the password; the
    // redaction guards against a conninfo echoed by a future version.
    std::string m = MaskSecret(TrimMessage(PQerrorMessage(c)), password);
    PQfinish(c);
    return IOError(kPrefix + m);
  }
  PQsetNoticeProcessor(c, IgnoreNotice, nullptr);
  return std::unique_ptr<PqConn>(new PqConn(c));
}

PqConn::~PqConn() { Close(); }

void PqConn::Close() {
  if (conn_ != nullptr) PQfinish(conn_);
  conn_ = nullptr;
}

Status PqConn::ConnError() const {
  if (conn_ == nullptr) return Error("postgres: connection is closed");
  return ExecError(kPrefix + TrimMessage(PQerrorMessage(conn_)));
}

Result<Rows> PqConn::Query(const std::string& sql, const std::vector<std::string>& args) {
  if (conn_ == nullptr) return ConnError();
  std::vector<const char*> values;
  values.reserve(args.size());
  for (const auto& a : args) values.push_back(a.c_str());
  ResultPtr res(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                             values.empty() ? nullptr : values.data(), nullptr, nullptr, 0));
  ExecStatusType st = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
    return ExecError(kPrefix + ResultMessage(res.get(), conn_));
  }
  Rows out;
  int ncols = PQnfields(res.get());
  int nrows = PQntuples(res.get());
  out.columns.reserve(ncols);
  for (int c = 0; c < ncols; ++c) out.columns.emplace_back(PQfname(res.get(), c));
  out.rows.resize(nrows);
  for (int r = 0; r < nrows; ++r) {
    auto& row = out.rows[r];
    row.reserve(ncols);
    for (int c = 0; c < ncols; ++c) {
      if (PQgetisnull(res.get(), r, c)) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(std::string(PQgetvalue(res.get(), r, c), PQgetlength(res.get(), r, c)));
      }
    }
  }
  return out;
}

Status PqConn::Exec(const std::string& sql) {
  if (conn_ == nullptr) return ConnError();
  // PQexec returns the last result only; PQsendQuery lets every statement's
  // result be checked so the first error is the one reported.
  if (PQsendQuery(conn_, sql.c_str()) == 0) return ConnError();
  Status first;
  while (PGresult* raw = PQgetResult(conn_)) {
    ResultPtr res(raw);
    ExecStatusType st = PQresultStatus(raw);
    if (first.ok() && st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
      first = ExecError(kPrefix + ResultMessage(raw, conn_));
    }
  }
  return first;
}

Status PqConn::Begin() { return Exec("BEGIN"); }
Status PqConn::Commit() { return Exec("COMMIT"); }
Status PqConn::Rollback() { return Exec("ROLLBACK"); }

bool PqConn::InTransaction() const {
  if (conn_ == nullptr) return false;
  PGTransactionStatusType t = PQtransactionStatus(conn_);
  return t == PQTRANS_INTRANS || t == PQTRANS_INERROR;
}

int PqConn::ServerVersion() const { return conn_ == nullptr ? 0 : PQserverVersion(conn_); }

std::string PqConn::Database() const {
  const char* d = conn_ == nullptr ? nullptr : PQdb(conn_);
  return d == nullptr ? "" : d;
}

Result<PostgresTarget> TargetFromUrl(const Url& url) {
  if (url.scheme != "postgres" && url.scheme != "postgresql") {
    return InvalidArgument("postgres: unexpected URL scheme " + GoQuote(url.scheme));
  }
  PostgresTarget t;
  Url u = url;
  u.scheme = "postgresql";
  u.query.clear();
  std::vector<std::string> kept;
  for (const auto& [k, v] : url.query) {
    if (k == "search_path") {
      if (t.search_path.empty()) t.search_path = v;
      continue;
    }
    u.query.emplace_back(k, v);
    kept.push_back(PercentEncode(k, true) + "=" + PercentEncode(v, true));
  }
  u.raw_query = Join(kept, "&");
  t.conninfo = u.String();
  return t;
}

Result<std::unique_ptr<PqConn>> OpenPostgres(const Url& url) {
  ASSIGN_OR_RETURN(PostgresTarget t, TargetFromUrl(url));
  ASSIGN_OR_RETURN(std::unique_ptr<PqConn> conn, PqConn::Connect(t.conninfo, url.password));
  if (!t.search_path.empty()) {
    // The scope is one schema name; it is quoted so any name works.
    Status st = conn->Exec("SET search_path TO " + QuoteIdent(t.search_path));
    if (!st.ok()) return st;
  }
  return conn;
}

std::string QuoteIdent(const std::string& s) { return "\"" + ReplaceAll(s, "\"", "\"\"") + "\""; }

std::string QuoteLiteral(const std::string& s) {
  std::string out = "'" + ReplaceAll(s, "'", "''") + "'";
  if (s.find('\\') != std::string::npos) out = "E" + ReplaceAll(out, "\\", "\\\\");
  return out;
}

std::string Cause(const Status& s) {
  const std::string& m = s.message();
  return StartsWith(m, kPrefix) ? m.substr(sizeof(kPrefix) - 1) : m;
}

}  // namespace strata::db::pq
