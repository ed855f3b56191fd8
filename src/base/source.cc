#include "base/source.h"

namespace strata {

std::string SourceRange::ToString() const {
  std::string pos = std::to_string(start.line) + ":" + std::to_string(start.column);
  return filename.empty() ? pos : filename + ":" + pos;
}

std::string Diagnostic::ToString() const {
  std::string s = range.ToString() + ": " + summary;
  if (!detail.empty()) s += ": " + detail;
  return s;
}

void Diagnostics::Error(const SourceRange& r, std::string summary, std::string detail) {
  items_.push_back(Diagnostic{Severity::kError, r, std::move(summary), std::move(detail)});
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::HasErrors() const {
  for (const auto& d : items_)
    if (d.severity == Severity::kError) return true;
  return false;
}

std::string Diagnostics::ToString() const {
  std::string out;
  for (const auto& d : items_) {
    if (!out.empty()) out += "\n";
    out += d.ToString();
  }
  return out;
}

Status Diagnostics::ToStatus() const {
  if (!HasErrors()) return Status::Ok();
  return ParseError(ToString());
}

}  // namespace strata
