// `{{ json . }}` of migrate apply and migrate status, in the shapes of
// Atlas's cmdlog structs (Go encoding/json: field order, omitempty, HTML
// escaping of <, > and &, RFC 3339 times).
#include <ctime>
#include <nlohmann/json.hpp>

#include "cli/migrate_report.h"

namespace strata::cli {
namespace {

using ordered_json = nlohmann::ordered_json;

std::string Dump(const ordered_json& j, const std::string& indent) {
  std::string s = indent.empty() ? j.dump() : j.dump(1, '\x01');
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\x01':
        out += indent;
        break;
      // Go's json.Marshal escapes these inside strings (the only place
      // they can appear in JSON text).
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// time.Time's MarshalJSON (RFC 3339 with nanoseconds, trailing zeros cut).
std::string Rfc3339(int64_t unix_ns) {
  if (unix_ns == 0) return "0001-01-01T00:00:00Z";
  std::time_t secs = static_cast<std::time_t>(unix_ns / 1000000000);
  int64_t frac = unix_ns % 1000000000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  std::string s = buf;
  if (frac > 0) {
    char f[16];
    std::snprintf(f, sizeof f, ".%09lld", static_cast<long long>(frac));
    std::string fs = f;
    while (fs.back() == '0') fs.pop_back();
    s += fs;
  }
  return s + "Z";
}

// sqlclient.URL: the embedded net/url.URL fields plus DSN and Schema.
ordered_json UrlJSON(const Url& u) {
  ordered_json j;
  j["Scheme"] = u.scheme;
  j["Opaque"] = "";
  if (u.user.empty()) {
    j["User"] = nullptr;
  } else {
    j["User"] = ordered_json::object();
  }
  j["Host"] = u.host;
  j["Path"] = u.path;
  j["RawPath"] = "";
  j["OmitHost"] = false;
  j["ForceQuery"] = false;
  j["RawQuery"] = u.raw_query;
  j["Fragment"] = "";
  j["RawFragment"] = "";
  return j;
}

ordered_json FileJSON(const FileRef& f) {
  return ordered_json{{"Name", f.name}, {"Version", f.version}, {"Description", f.description}};
}

ordered_json FilesJSON(const std::vector<FileRef>& files) {
  ordered_json a = ordered_json::array();
  for (const FileRef& f : files) a.push_back(FileJSON(f));
  return a;
}

}  // namespace

std::string ApplyJSON(const ApplyReport& r, const std::string& indent) {
  ordered_json j;
  j["Driver"] = r.env.driver;
  j["URL"] = UrlJSON(r.env.url);
  j["Dir"] = r.env.dir;
  if (!r.pending.empty()) j["Pending"] = FilesJSON(r.pending);
  if (!r.applied.empty()) {
    ordered_json a = ordered_json::array();
    for (const AppliedFileReport& f : r.applied) {
      ordered_json fj = FileJSON(f.file);
      fj["Start"] = Rfc3339(f.start_ns);
      fj["End"] = Rfc3339(f.end_ns);
      fj["Skipped"] = f.skipped;
      fj["Applied"] = f.applied;
      if (f.failed) fj["Error"] = ordered_json{{"Stmt", f.error_stmt}, {"Text", f.error_text}};
      a.push_back(fj);
    }
    j["Applied"] = a;
  }
  if (!r.current.empty()) j["Current"] = r.current;
  if (!r.target.empty()) j["Target"] = r.target;
  j["Start"] = Rfc3339(r.start_ns);
  j["End"] = Rfc3339(r.end_ns);
  if (!r.error.empty()) j["Error"] = r.error;
  if (!r.message.empty()) j["Message"] = r.message;
  return Dump(j, indent);
}

std::string StatusJSON(const StatusReport& r, const std::string& indent) {
  ordered_json j;
  j["Env"] = ordered_json{{"Driver", r.env.driver}, {"URL", UrlJSON(r.env.url)}, {"Dir", r.env.dir}};
  if (!r.available.empty()) j["Available"] = FilesJSON(r.available);
  if (!r.out_of_order.empty()) j["OutOfOrder"] = FilesJSON(r.out_of_order);
  if (!r.pending.empty()) j["Pending"] = FilesJSON(r.pending);
  if (!r.applied.empty()) {
    ordered_json a = ordered_json::array();
    for (const migrate::Revision& rev : r.applied) {
      ordered_json rj;
      rj["Version"] = rev.version;
      rj["Description"] = rev.description;
      rj["Type"] = migrate::RevisionTypeText(rev.type);
      rj["Applied"] = rev.applied;
      rj["Total"] = rev.total;
      rj["ExecutedAt"] = Rfc3339(rev.executed_at_unix_ns);
      rj["ExecutionTime"] = rev.execution_time_ns;
      if (!rev.error.empty()) rj["Error"] = rev.error;
      if (!rev.error_stmt.empty()) rj["ErrorStmt"] = rev.error_stmt;
      rj["OperatorVersion"] = rev.operator_version;
      a.push_back(rj);
    }
    j["Applied"] = a;
  }
  if (!r.current.empty()) j["Current"] = r.current;
  if (!r.next.empty()) j["Next"] = r.next;
  if (r.count) j["Count"] = r.count;
  if (r.total) j["Total"] = r.total;
  if (!r.status.empty()) j["Status"] = r.status;
  if (!r.error.empty()) j["Error"] = r.error;
  if (!r.sql.empty()) j["SQL"] = r.sql;
  return Dump(j, indent);
}

}  // namespace strata::cli
