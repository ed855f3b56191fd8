// The txtar archive format used by Strata's data-driven tests: a free-form
// comment, then sections that each start with a "-- name --" marker line.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace strata::txtar {

struct Archive {
  std::string comment;
  std::vector<std::pair<std::string, std::string>> files;  // in file order

  // The content of section `name`, or nullptr.
  const std::string* Find(std::string_view name) const;
  // Replaces the content of section `name`, appending the section if absent.
  void Set(const std::string& name, std::string content);
};

// Parses archive text byte for byte (CRLF and a missing final newline are
// kept). When `is_section` is given, only marker lines whose name it accepts
// start a section, so contents may hold other "-- x --" lines.
Archive Parse(std::string_view text, const std::function<bool(std::string_view)>& is_section = nullptr);

// The archive as text; a section whose content lacks a final newline gets one.
std::string Format(const Archive& a);

}  // namespace strata::txtar
