#include "cli/migrate_report.h"

#include <sstream>

#include "cli/go_duration.h"

namespace strata::cli {
namespace {

std::string Plural(int64_t n) { return n > 1 ? "s" : ""; }

// "  -- a\n  -- b" from lines {a, b}.
std::string DashLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += "  -- " + l + "\n";
  return out;
}

std::string IndentNewlines(const std::string& s, int n) {
  std::string out;
  for (char c : s) {
    out += c;
    if (c == '\n') out.append(static_cast<size_t>(n), ' ');
  }
  return out;
}

std::string Counts(int64_t ok, int64_t failed, const std::string& noun) {
  if (ok > 0 && failed > 0) {
    return std::to_string(ok) + " " + noun + Plural(ok) + " ok, " + std::to_string(failed) + " with errors";
  }
  if (ok > 0) return std::to_string(ok) + " " + noun + Plural(ok);
  if (failed > 0) return std::to_string(failed) + " " + noun + Plural(failed) + " with errors";
  return "";
}

}  // namespace

int64_t NowUnixNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string ApplyHeader(const ApplyReport& r) {
  std::string s = "Migrating to version " + r.target;
  if (!r.current.empty()) s += " from " + r.current;
  return s + " (" + std::to_string(r.pending.size()) + " migrations in total):\n";
}

std::string ApplyFileText(const AppliedFileReport& f) {
  std::string s = "\n  -- migrating version " + f.file.version + "\n";
  for (const std::string& stmt : f.applied) s += ApplyStmtLine(stmt);
  if (f.failed) {
    s += "    Error: " + f.error_text + "\n";
  } else {
    s += "  -- ok (" + FormatGoDuration(std::chrono::nanoseconds(f.end_ns - f.start_ns)) + ")\n";
  }
  return s;
}

std::string ApplyStmtLine(const std::string& stmt) { return "    -> " + IndentNewlines(stmt, 7) + "\n"; }

std::string ApplySummary(const ApplyReport& r) {
  int64_t ok_files = 0, bad_files = 0, ok_stmts = 0, bad_stmts = 0;
  for (const AppliedFileReport& f : r.applied) {
    ok_stmts += static_cast<int64_t>(f.applied.size());
    if (f.failed) {
      ++bad_files;
      if (!f.error_stmt.empty()) {  // an interrupted file has no failed statement
        --ok_stmts;
        ++bad_stmts;
      }
    } else {
      ++ok_files;
    }
  }
  std::vector<std::string> lines{FormatGoDuration(std::chrono::nanoseconds(r.end_ns - r.start_ns))};
  if (std::string c = Counts(ok_files, bad_files, "migration"); !c.empty()) lines.push_back(c);
  if (std::string c = Counts(ok_stmts, bad_stmts, "sql statement"); !c.empty()) lines.push_back(c);
  return "\n  -------------------------\n" + DashLines(lines);
}

std::string ApplyText(const ApplyReport& r) {
  if (r.pending.empty()) return "No migration files to execute\n";
  std::string s = ApplyHeader(r);
  for (const AppliedFileReport& f : r.applied) s += ApplyFileText(f);
  return s + ApplySummary(r);
}

std::string StatusText(const StatusReport& r) {
  std::ostringstream o;
  const bool partial = r.total > 0;
  o << "Migration Status: " << r.status << "\n";
  o << "  -- Current Version: " << r.current;
  if (partial) o << " (" << r.count << " statements applied)";
  o << "\n  -- Next Version:    " << (r.next.empty() ? "UNKNOWN" : r.next);
  if (r.next_is_checkpoint) o << " (checkpoint)";
  if (partial) o << " (" << (r.total - r.count) << " statements left)";
  o << "\n  -- Executed Files:  " << r.applied.size();
  if (partial) o << " (last one partially)";
  o << "\n  -- Pending Files:   " << r.pending.size();
  if (!r.out_of_order.empty()) o << " (" << r.out_of_order.size() << " out of order)";
  o << "\n";
  if (partial) {
    o << "\nLast migration attempt had errors:\n";
    o << "  -- SQL:   " << r.sql << "\n";
    o << "  -- ERROR: " << r.error << "\n";
  } else if (!r.out_of_order.empty() && !r.error.empty()) {
    o << "\nError: " << r.error << "\n";
  }
  return o.str();
}

}  // namespace strata::cli
