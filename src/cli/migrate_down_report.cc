#include "cli/migrate_down_report.h"

#include "cli/go_duration.h"

namespace strata::cli {
namespace {

std::string Plural(size_t n, const std::string& word) { return std::to_string(n) + " " + word + (n > 1 ? "s" : ""); }

}  // namespace

std::string DownText(const DownReport& r) {
  std::string s = "Migrating down from version " + r.current;
  if (!r.target.empty()) s += " to " + r.target;
  s += " (" + std::to_string(r.planned.size()) + " migrations in total):\n\n  -- reverting version";
  for (size_t i = 0; i < r.planned.size(); ++i) s += (i == 0 ? " " : ", ") + r.planned[i].version;
  s += "\n";
  size_t ok = 0, bad = 0;
  for (const RevertedReport& f : r.reverted) {
    for (const std::string& stmt : f.applied) s += ApplyStmtLine(stmt);
    if (f.failed) {
      s += "  -- error: " + f.error_text + "\n";
      ok += f.applied.empty() ? 0 : f.applied.size() - 1;
      ++bad;
    } else {
      s += "  -- ok (" + FormatGoDuration(std::chrono::nanoseconds(f.end_ns - f.start_ns)) + ")\n";
      ok += f.applied.size();
    }
  }
  s += "\n  -------------------------\n";
  s += "  -- " + FormatGoDuration(std::chrono::nanoseconds(r.end_ns - r.start_ns)) + "\n";
  s += "  -- " + Plural(r.planned.size(), "migration") + (bad > 0 ? " with errors" : "") + "\n";
  if (ok > 0 && bad > 0) {
    s += "  -- " + Plural(ok, "sql statement") + " ok, " + std::to_string(bad) + " with errors\n";
  } else if (bad > 0) {
    s += "  -- " + Plural(bad, "sql statement") + " with errors\n";
  } else {
    s += "  -- " + Plural(ok, "sql statement") + "\n";
  }
  return s;
}

}  // namespace strata::cli
