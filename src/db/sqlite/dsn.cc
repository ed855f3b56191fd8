#include "db/sqlite/dsn.h"

#include <cctype>
#include <string>

#include "base/strings.h"

namespace strata::db::sqlite {
namespace {

// SQLite's own URI parameters (https://sqlite.org/uri.html), passed through.
bool IsUriParam(const std::string& key) {
  return key == "mode" || key == "cache" || key == "vfs" || key == "immutable" || key == "nolock" ||
         key == "psow" || key == "modeof";
}

// Encodes a path for the "file:" URI form: '?' and '#' would end the path and
// '%' starts an escape, so those (and spaces, for readability of errors) are
// escaped; '/' stays literal.
std::string UriPath(const std::string& path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (c == '?' || c == '#' || c == '%' || c == ' ' || c < 0x20) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

Result<bool> ParseBool(const std::string& key, const std::string& v) {
  std::string l = ToLower(v);
  if (l == "1" || l == "true" || l == "t" || l == "yes" || l == "on") return true;
  if (l == "0" || l == "false" || l == "f" || l == "no" || l == "off") return false;
  return InvalidArgument("sqlite: invalid value " + GoQuote(v) + " for URL parameter " + key +
                         ": want a boolean");
}

Result<int> ParseInt(const std::string& key, const std::string& v) {
  if (v.empty() || v.size() > 9) {
    return InvalidArgument("sqlite: invalid value " + GoQuote(v) + " for URL parameter " + key);
  }
  size_t i = v[0] == '-' ? 1 : 0;
  if (i == v.size()) {
    return InvalidArgument("sqlite: invalid value " + GoQuote(v) + " for URL parameter " + key);
  }
  for (; i < v.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) {
      return InvalidArgument("sqlite: invalid value " + GoQuote(v) + " for URL parameter " + key +
                             ": want an integer");
    }
  }
  return std::stoi(v);
}

// Accepts one of `allowed` (case-insensitive) and returns it upper-cased.
Result<std::string> ParseEnum(const std::string& key, const std::string& v,
                              const std::vector<std::string>& allowed) {
  std::string u = ToUpper(v);
  for (const auto& a : allowed)
    if (u == a) return u;
  return InvalidArgument("sqlite: invalid value " + GoQuote(v) + " for URL parameter " + key +
                         ": want one of " + Join(allowed, ", "));
}

std::string OnOff(bool b) { return b ? "on" : "off"; }

// Applies one mattn/go-sqlite3 underscore parameter. Unknown keys are
// ignored, as go-sqlite3 ignores them.
Status ApplyDriverParam(const std::string& key, const std::string& v, OpenOptions* o) {
  auto pragma_bool = [&](const std::string& pragma) -> Status {
    ASSIGN_OR_RETURN(bool b, ParseBool(key, v));
    o->init.push_back("PRAGMA " + pragma + " = " + OnOff(b));
    return Status::Ok();
  };
  if (key == "_fk" || key == "_foreign_keys") return pragma_bool("foreign_keys");
  if (key == "_defer_fk" || key == "_defer_foreign_keys") return pragma_bool("defer_foreign_keys");
  if (key == "_cslike" || key == "_case_sensitive_like") return pragma_bool("case_sensitive_like");
  if (key == "_ignore_check_constraints") return pragma_bool("ignore_check_constraints");
  if (key == "_rt" || key == "_recursive_triggers") return pragma_bool("recursive_triggers");
  if (key == "_query_only") return pragma_bool("query_only");
  if (key == "_busy_timeout" || key == "_timeout") {
    ASSIGN_OR_RETURN(int ms, ParseInt(key, v));
    o->busy_timeout_ms = ms;
    return Status::Ok();
  }
  if (key == "_journal_mode" || key == "_journal") {
    ASSIGN_OR_RETURN(std::string m,
                     ParseEnum(key, v, {"DELETE", "TRUNCATE", "PERSIST", "MEMORY", "WAL", "OFF"}));
    o->init.push_back("PRAGMA journal_mode = " + m);
    return Status::Ok();
  }
  if (key == "_synchronous" || key == "_sync") {
    ASSIGN_OR_RETURN(std::string m,
                     ParseEnum(key, v, {"OFF", "NORMAL", "FULL", "EXTRA", "0", "1", "2", "3"}));
    o->init.push_back("PRAGMA synchronous = " + m);
    return Status::Ok();
  }
  if (key == "_locking_mode" || key == "_locking") {
    ASSIGN_OR_RETURN(std::string m, ParseEnum(key, v, {"NORMAL", "EXCLUSIVE"}));
    o->init.push_back("PRAGMA locking_mode = " + m);
    return Status::Ok();
  }
  if (key == "_auto_vacuum" || key == "_vacuum") {
    ASSIGN_OR_RETURN(std::string m, ParseEnum(key, v, {"NONE", "FULL", "INCREMENTAL", "0", "1", "2"}));
    o->init.push_back("PRAGMA auto_vacuum = " + m);
    return Status::Ok();
  }
  if (key == "_secure_delete") {
    if (EqualFold(v, "fast")) {
      o->init.push_back("PRAGMA secure_delete = FAST");
      return Status::Ok();
    }
    return pragma_bool("secure_delete");
  }
  if (key == "_cache_size") {
    ASSIGN_OR_RETURN(int n, ParseInt(key, v));
    o->init.push_back("PRAGMA cache_size = " + std::to_string(n));
    return Status::Ok();
  }
  if (key == "_txlock") {
    ASSIGN_OR_RETURN(std::string m, ParseEnum(key, v, {"DEFERRED", "IMMEDIATE", "EXCLUSIVE"}));
    o->tx_lock = m == "IMMEDIATE"   ? TxLock::kImmediate
                 : m == "EXCLUSIVE" ? TxLock::kExclusive
                                    : TxLock::kDeferred;
    return Status::Ok();
  }
  return Status::Ok();
}

}  // namespace

Result<OpenOptions> OptionsFromUrl(const Url& url) {
  if (url.scheme != "sqlite" && url.scheme != "sqlite3") {
    return InvalidArgument("sqlite: unexpected URL scheme " + GoQuote(url.scheme));
  }
  // Go's url.URL keeps the host encoded; the path is already decoded.
  std::string path = PercentDecode(url.host) + url.path;
  if (path.empty()) {
    return InvalidArgument("sqlite: missing database file in URL " + GoQuote(url.Redacted()) +
                           " (e.g. sqlite://file.db or sqlite://dev?mode=memory)");
  }
  OpenOptions o;
  o.display_name = path;
  std::vector<std::string> uri_params;
  std::string mode;
  for (const auto& [key, value] : url.query) {
    if (IsUriParam(key)) {
      if (key == "mode") {
        ASSIGN_OR_RETURN(std::string m, ParseEnum(key, value, {"RO", "RW", "RWC", "MEMORY"}));
        mode = ToLower(m);
        uri_params.push_back("mode=" + mode);
        continue;
      }
      uri_params.push_back(PercentEncode(key, true) + "=" + PercentEncode(value, true));
      continue;
    }
    if (StartsWith(key, "_")) RETURN_IF_ERROR(ApplyDriverParam(key, value, &o));
  }
  // Always open through a "file:" URI so the pass-through parameters work
  // for plain paths too (go-sqlite3 does the same for its DSN).
  o.uri = true;
  // A path that is already a URI (sqlite://file::memory:?cache=shared, as
  // Atlas's docs use) is kept as written.
  o.filename = StartsWith(path, "file:") ? path : "file:" + UriPath(path);
  if (!uri_params.empty()) o.filename += "?" + Join(uri_params, "&");
  return o;
}

}  // namespace strata::db::sqlite
