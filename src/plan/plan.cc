#include "plan/plan.h"

#include "base/strings.h"

namespace strata::plan {

bool Plan::HasDestructive() const {
  for (const auto& c : changes)
    if (c.destructive) return true;
  return false;
}

std::string FormatSQL(const Plan& p) {
  std::string out;
  std::string delim = p.delimiter.empty() ? ";" : p.delimiter;
  for (const auto& c : p.changes) {
    if (!c.comment.empty()) out += "-- " + CapitalizeFirst(c.comment) + "\n";
    out += c.cmd + delim + "\n";
  }
  return out;
}

}  // namespace strata::plan
