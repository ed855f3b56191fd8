#include "db/mysql/conn.h"

#include <mysql.h>

#include <cctype>
#include <cstdlib>
#include <set>

#include "base/strings.h"

namespace strata::db::mysql {
namespace {

constexpr char kPrefix[] = "mysql: ";

// Parameters of the Go MySQL driver (Atlas's URLs carry them) that mean
// nothing to Connector/C or are fixed here.
const std::set<std::string>& IgnoredParams() {
  static const std::set<std::string> kIgnored = {
      "parseTime",        "loc",           "multiStatements", "interpolateParams", "allowNativePasswords",
      "allowOldPasswords", "allowCleartextPasswords", "checkConnLiveness", "clientFoundRows", "columnsWithAlias",
      "collation",        "maxAllowedPacket", "readTimeout",  "writeTimeout",      "rejectReadOnly",
      "serverPubKey",     "allowAllFiles", "allowFallbackToPlaintext", "database", "v", "verbose"};
  return kIgnored;
}

bool ValidVarName(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '@') return false;
  return true;
}

struct ResultDeleter {
  void operator()(MYSQL_RES* r) const { mysql_free_result(r); }
};
using ResultPtr = std::unique_ptr<MYSQL_RES, ResultDeleter>;

}  // namespace

Result<MysqlTarget> TargetFromUrl(const Url& url) {
  const std::string& s = url.scheme;
  bool unix_form = EndsWith(s, "+unix");
  std::string base = unix_form ? s.substr(0, s.size() - 5) : s;
  if (base != "mysql" && base != "maria" && base != "mariadb") {
    return InvalidArgument("mysql: unexpected URL scheme " + GoQuote(s));
  }
  MysqlTarget t;
  t.user = url.user;
  t.password = url.password;
  if (unix_form) {
    // mysql+unix://user:pass@/path/to.sock?database=db (Atlas's form).
    t.socket = url.HostPath();
    t.database = url.Query("database");
  } else {
    std::string host = url.host;
    // [::1]:3306, host:3306, host.
    size_t colon = host.rfind(':');
    if (colon != std::string::npos && host.find(']', colon) == std::string::npos) {
      std::string port = host.substr(colon + 1);
      host = host.substr(0, colon);
      if (!port.empty()) {
        char* end = nullptr;
        long p = std::strtol(port.c_str(), &end, 10);
        if (*end != '\0' || p <= 0 || p > 65535) return InvalidArgument("mysql: invalid port " + GoQuote(port));
        t.port = static_cast<unsigned>(p);
      }
    }
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    t.host = host.empty() ? "127.0.0.1" : host;
    std::string path = url.path;
    if (StartsWith(path, "/")) path = path.substr(1);
    if (path.find('/') != std::string::npos) {
      return InvalidArgument("mysql: invalid database name " + GoQuote(path) + " in URL path");
    }
    t.database = path;
  }
  for (const auto& [k, v] : url.query) {
    if (k == "socket") {
      t.socket = v;
    } else if (k == "tls") {
      if (v != "true" && v != "false" && v != "skip-verify" && v != "preferred") {
        return InvalidArgument("mysql: invalid tls value " + GoQuote(v) + " (true, false, skip-verify, preferred)");
      }
      t.tls = v;
    } else if (k == "charset") {
      // The Go driver accepts a list ("utf8mb4,utf8"); the first one is used.
      t.charset = Split(v, ",")[0];
    } else if (k == "timeout") {
      // Go durations ("10s", "500ms"); whole seconds are what Connector/C takes.
      unsigned secs = static_cast<unsigned>(std::strtoul(v.c_str(), nullptr, 10));
      if (EndsWith(v, "ms")) secs = (secs + 999) / 1000;
      else if (EndsWith(v, "m")) secs *= 60;
      if (secs > 0) t.connect_timeout = secs;
    } else if (IgnoredParams().count(k) == 0) {
      if (!ValidVarName(k)) return InvalidArgument("mysql: invalid URL parameter " + GoQuote(k));
      t.session_vars.emplace_back(k, v);
    }
  }
  if (!t.socket.empty()) t.host.clear();
  return t;
}

Result<std::unique_ptr<MysqlConn>> MysqlConn::Connect(const MysqlTarget& t) {
  MYSQL* c = mysql_init(nullptr);
  if (c == nullptr) return IOError("mysql: out of memory while connecting");
  mysql_optionsv(c, MYSQL_SET_CHARSET_NAME, t.charset.c_str());
  unsigned timeout = t.connect_timeout;
  mysql_optionsv(c, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
  if (t.tls != "false") {
    my_bool enforce = t.tls != "preferred";
    my_bool verify = t.tls == "true";
    // An empty CA setting turns TLS on with the system defaults.
    mysql_ssl_set(c, nullptr, nullptr, nullptr, nullptr, nullptr);
    mysql_optionsv(c, MYSQL_OPT_SSL_ENFORCE, &enforce);
    mysql_optionsv(c, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verify);
  }
  // No CLIENT_MULTI_STATEMENTS: one statement per call, so a failing
  // statement is always the one reported.
  MYSQL* ok = mysql_real_connect(c, t.socket.empty() ? t.host.c_str() : nullptr, t.user.c_str(),
                                 t.password.c_str(), t.database.empty() ? nullptr : t.database.c_str(), t.port,
                                 t.socket.empty() ? nullptr : t.socket.c_str(), CLIENT_FOUND_ROWS);
  if (ok == nullptr) {
    std::string where = t.socket.empty() ? t.host + (t.port ? ":" + std::to_string(t.port) : "") : t.socket;
    std::string m = mysql_error(c);
    if (!t.password.empty()) m = ReplaceAll(m, t.password, "xxxxx");
    mysql_close(c);
    return IOError(kPrefix + ("connecting to " + where + ": " + RedactSecrets(m)));
  }
  std::unique_ptr<MysqlConn> conn(new MysqlConn(c));
  for (const auto& [k, v] : t.session_vars) {
    RETURN_IF_ERROR(conn->Exec("SET SESSION " + k + " = " + QuoteLiteral(v)));
  }
  ASSIGN_OR_RETURN(Rows rows, conn->Query("SELECT VERSION()"));
  if (!rows.rows.empty() && rows.rows[0][0]) conn->version_ = *rows.rows[0][0];
  return conn;
}

MysqlConn::~MysqlConn() { Close(); }

void MysqlConn::Close() {
  if (conn_ != nullptr) mysql_close(conn_);
  conn_ = nullptr;
}

Status MysqlConn::Error(const std::string& what) const {
  if (conn_ == nullptr) return strata::Error("mysql: connection is closed");
  unsigned code = mysql_errno(conn_);
  std::string msg = mysql_error(conn_);
  // Server errors read like the Go driver's: "Error 1050 (42S01): ...".
  // Client errors are 2000-2999; MariaDB's server errors go past 4000.
  if (code >= 1000 && (code < 2000 || code >= 3000)) {
    msg = "Error " + std::to_string(code) + " (" + mysql_sqlstate(conn_) + "): " + msg;
  }
  return ExecError(kPrefix + (what.empty() ? "" : what + ": ") + msg);
}

Result<std::string> Substitute(const std::string& sql, const std::vector<std::string>& literals) {
  std::string out;
  out.reserve(sql.size() + 16 * literals.size());
  size_t next = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"' || c == '`') {
      size_t j = i + 1;
      for (; j < sql.size(); ++j) {
        if (sql[j] == '\\' && c != '`') {
          ++j;
        } else if (sql[j] == c) {
          if (j + 1 < sql.size() && sql[j + 1] == c) {
            ++j;
            continue;
          }
          break;
        }
      }
      out.append(sql, i, j + 1 - i);
      i = j;
      continue;
    }
    if ((c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') || c == '#') {
      size_t j = sql.find('\n', i);
      if (j == std::string::npos) j = sql.size() - 1;
      out.append(sql, i, j + 1 - i);
      i = j;
      continue;
    }
    if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      size_t j = sql.find("*/", i + 2);
      j = j == std::string::npos ? sql.size() - 1 : j + 1;
      out.append(sql, i, j + 1 - i);
      i = j;
      continue;
    }
    if (c == '?') {
      if (next >= literals.size()) return InvalidArgument("mysql: more placeholders than arguments");
      out += literals[next++];
      continue;
    }
    out += c;
  }
  if (next != literals.size()) {
    return InvalidArgument("mysql: " + std::to_string(literals.size()) + " arguments for " + std::to_string(next) +
                           " placeholders");
  }
  return out;
}

Result<std::string> MysqlConn::Bind(const std::string& sql, const std::vector<std::string>& args) const {
  if (args.empty()) return sql;
  std::vector<std::string> lits;
  lits.reserve(args.size());
  for (const auto& a : args) {
    // The connection's escaping honours its charset and NO_BACKSLASH_ESCAPES.
    std::string buf(a.size() * 2 + 1, '\0');
    unsigned long n = mysql_real_escape_string(conn_, buf.data(), a.data(), a.size());
    buf.resize(n);
    lits.push_back("'" + buf + "'");
  }
  return Substitute(sql, lits);
}

Result<Rows> MysqlConn::Query(const std::string& sql, const std::vector<std::string>& args) {
  if (conn_ == nullptr) return Error();
  ASSIGN_OR_RETURN(std::string text, Bind(sql, args));
  if (mysql_real_query(conn_, text.data(), text.size()) != 0) return Error();
  Rows out;
  ResultPtr res(mysql_store_result(conn_));
  if (!res) {
    if (mysql_field_count(conn_) != 0) return Error();
    RETURN_IF_ERROR(DrainResults());
    return out;  // a statement without a result set
  }
  unsigned ncols = mysql_num_fields(res.get());
  MYSQL_FIELD* fields = mysql_fetch_fields(res.get());
  out.columns.reserve(ncols);
  for (unsigned i = 0; i < ncols; ++i) out.columns.emplace_back(fields[i].name);
  out.rows.reserve(mysql_num_rows(res.get()));
  while (MYSQL_ROW row = mysql_fetch_row(res.get())) {
    unsigned long* lens = mysql_fetch_lengths(res.get());
    auto& r = out.rows.emplace_back();
    r.reserve(ncols);
    for (unsigned i = 0; i < ncols; ++i) {
      if (row[i] == nullptr) r.emplace_back(std::nullopt);
      else r.emplace_back(std::string(row[i], lens[i]));
    }
  }
  RETURN_IF_ERROR(DrainResults());
  return out;
}

Status MysqlConn::Exec(const std::string& sql) {
  if (conn_ == nullptr) return Error();
  if (mysql_real_query(conn_, sql.data(), sql.size()) != 0) return Error();
  // A statement may still return rows (SELECT in a script); drain them.
  ResultPtr res(mysql_store_result(conn_));
  if (!res && mysql_field_count(conn_) != 0) return Error();
  return DrainResults();
}

Status MysqlConn::DrainResults() {
  // CALL returns one result per SELECT in the procedure plus a final status;
  // unread results would put the connection out of sync.
  while (mysql_more_results(conn_)) {
    if (mysql_next_result(conn_) > 0) return Error();
    ResultPtr extra(mysql_store_result(conn_));
  }
  return Status::Ok();
}

Status MysqlConn::Begin() { return Exec("START TRANSACTION"); }
Status MysqlConn::Commit() { return Exec("COMMIT"); }
Status MysqlConn::Rollback() { return Exec("ROLLBACK"); }

bool MysqlConn::InTransaction() const {
  return conn_ != nullptr && (conn_->server_status & SERVER_STATUS_IN_TRANS) != 0;
}

Result<std::unique_ptr<MysqlConn>> OpenMysql(const Url& url) {
  ASSIGN_OR_RETURN(MysqlTarget t, TargetFromUrl(url));
  return MysqlConn::Connect(t);
}

std::string QuoteIdent(const std::string& name) { return "`" + ReplaceAll(name, "`", "``") + "`"; }

std::string QuoteLiteral(const std::string& s) {
  return "'" + ReplaceAll(ReplaceAll(s, "\\", "\\\\"), "'", "''") + "'";
}

std::string Cause(const Status& s) {
  const std::string& m = s.message();
  return StartsWith(m, kPrefix) ? m.substr(sizeof(kPrefix) - 1) : m;
}

}  // namespace strata::db::mysql
