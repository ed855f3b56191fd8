// `{{ json . }}` of migrate apply and migrate status, in the shapes of
// Atlas's cmdlog structs (Go encoding/json: field order, omitempty, HTML
// escaping of <, > and &, RFC 3339 times).
#include <ctime>
#include <nlohmann/json.hpp>

#include "cli/go_duration.h"
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
      fj["Start"] = FormatGoTimeJSON(f.start_ns);
      fj["End"] = FormatGoTimeJSON(f.end_ns);
      fj["Skipped"] = f.skipped;
      fj["Applied"] = f.applied;
      if (f.failed) fj["Error"] = ordered_json{{"Stmt", f.error_stmt}, {"Text", f.error_text}};
      a.push_back(fj);
    }
    j["Applied"] = a;
  }
  if (!r.current.empty()) j["Current"] = r.current;
  if (!r.target.empty()) j["Target"] = r.target;
  j["Start"] = FormatGoTimeJSON(r.start_ns);
  j["End"] = FormatGoTimeJSON(r.end_ns);
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
      rj["ExecutedAt"] = FormatGoTimeJSON(rev.executed_at_unix_ns);
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
