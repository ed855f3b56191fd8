// `migrate down --format '{{ json . }}'`.
#include <ctime>
#include <nlohmann/json.hpp>

#include "cli/go_duration.h"
#include "cli/migrate_down_report.h"

namespace strata::cli {
namespace {

using nlohmann::ordered_json;

ordered_json FileJSON(const FileRef& f) {
  return ordered_json{{"Name", f.name}, {"Version", f.version}, {"Description", f.description}};
}

}  // namespace

std::string DownJSON(const DownReport& r, const std::string& indent) {
  ordered_json j = ordered_json::object();
  if (!r.planned.empty()) {
    ordered_json planned = ordered_json::array();
    for (const FileRef& f : r.planned) planned.push_back(FileJSON(f));
    j["Planned"] = planned;
  }
  if (!r.reverted.empty()) {
    ordered_json reverted = ordered_json::array();
    for (const RevertedReport& f : r.reverted) {
      ordered_json fj = FileJSON(f.file);
      fj["Start"] = FormatGoTimeJSON(f.start_ns);
      fj["End"] = FormatGoTimeJSON(f.end_ns);
      fj["Skipped"] = 0;
      fj["Applied"] = f.applied;
      fj["Scope"] = f.scope;
      if (f.failed) {
        fj["Error"] = ordered_json{{"SQL", f.error_stmt}, {"Error", f.error_text}};
      } else {
        fj["Error"] = nullptr;
      }
      reverted.push_back(fj);
    }
    j["Reverted"] = reverted;
  }
  if (!r.current.empty()) j["Current"] = r.current;
  if (!r.target.empty()) j["Target"] = r.target;
  if (!r.planned.empty()) j["Total"] = r.planned.size();
  j["Start"] = FormatGoTimeJSON(r.start_ns);
  j["End"] = FormatGoTimeJSON(r.end_ns);
  if (!r.error.empty()) j["Error"] = r.error;
  // encoding/json: HTML characters escaped, any indent string per level.
  std::string raw = indent.empty() ? j.dump() : j.dump(1, '\x01');
  std::string out;
  for (char c : raw) {
    switch (c) {
      case '\x01': out += indent; break;
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace strata::cli
