#include "migrate/revision.h"

#include <cstdlib>

#include <algorithm>

namespace strata::migrate {

std::string RevisionTypeText(int64_t type) {
  const bool executed = type & kRevisionExecuted;
  const bool resolved = type & kRevisionResolved;
  if (type & kRevisionBaseline) return "baseline";
  if (executed && resolved) return "applied + manually set";
  if (resolved) return "manually set";
  if (executed) return "applied";
  return "unknown";
}

Result<std::vector<Revision>> MemRevisionStore::ReadAll() {
  std::vector<Revision> out;
  for (const Revision& r : rows_) {
    if (r.version != kCloudIdentifierVersion) out.push_back(r);
  }
  std::sort(out.begin(), out.end(), [](const Revision& a, const Revision& b) { return a.version < b.version; });
  return out;
}

Result<std::optional<Revision>> MemRevisionStore::Read(const std::string& version) {
  for (const Revision& r : rows_) {
    if (r.version == version) return std::optional<Revision>(r);
  }
  return std::optional<Revision>();
}

Status MemRevisionStore::Write(const Revision& rev) {
  for (Revision& r : rows_) {
    if (r.version == rev.version) {
      r = rev;
      return Status::Ok();
    }
  }
  rows_.push_back(rev);
  return Status::Ok();
}

Status MemRevisionStore::Delete(const std::string& version) {
  std::erase_if(rows_, [&](const Revision& r) { return r.version == version; });
  return Status::Ok();
}

std::string PartialHashesJSON(const std::vector<std::string>& hashes, const std::string& separator) {
  if (hashes.empty()) return "";
  std::string s = "[";
  for (size_t i = 0; i < hashes.size(); ++i) s += (i ? separator : "") + "\"" + hashes[i] + "\"";
  return s + "]";
}

int64_t RevisionInt(const std::optional<std::string>& v) {
  if (!v || v->empty()) return 0;
  return std::strtoll(v->c_str(), nullptr, 10);
}

Revision RevisionFromRow(const std::vector<std::optional<std::string>>& row, int64_t executed_at_unix_ns) {
  auto text = [&](int i) { return row[i].value_or(""); };
  Revision r;
  r.version = text(0);
  r.description = text(1);
  r.type = RevisionInt(row[2]);
  r.applied = RevisionInt(row[3]);
  r.total = RevisionInt(row[4]);
  r.executed_at_unix_ns = executed_at_unix_ns;
  r.execution_time_ns = RevisionInt(row[6]);
  r.error = text(7);
  r.error_stmt = text(8);
  r.hash = text(9);
  r.partial_hashes = ParsePartialHashes(text(10));
  r.operator_version = text(11);
  return r;
}

std::vector<std::string> ParsePartialHashes(const std::string& json) {
  std::vector<std::string> out;
  size_t i = 0;
  while ((i = json.find('"', i)) != std::string::npos) {
    size_t j = json.find('"', i + 1);
    if (j == std::string::npos) break;
    out.push_back(json.substr(i + 1, j - i - 1));
    i = j + 1;
  }
  return out;
}

}  // namespace strata::migrate
