// Positions in source files, and diagnostics that point at them.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace strata {

struct SourcePos {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in bytes
  int offset = 0;  // 0-based byte offset
};

struct SourceRange {
  std::string filename;
  SourcePos start;
  SourcePos end;

  // "file:line:col" (or "line:col" when there is no file name).
  std::string ToString() const;
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceRange range;
  std::string summary;
  std::string detail;  // optional, more words

  // "file:line:col: summary[: detail]"
  std::string ToString() const;
};

class Diagnostics {
 public:
  void Add(Diagnostic d) { items_.push_back(std::move(d)); }
  void Error(const SourceRange& r, std::string summary, std::string detail = "");
  void Append(const Diagnostics& other);
  bool HasErrors() const;
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  // One line per diagnostic, newline-separated.
  std::string ToString() const;
  // kParse status carrying every error, or OK when there are none.
  Status ToStatus() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace strata
