#include "base/txtar.h"

#include "base/strings.h"

namespace strata::txtar {

const std::string* Archive::Find(std::string_view name) const {
  for (const auto& [n, content] : files)
    if (n == name) return &content;
  return nullptr;
}

void Archive::Set(const std::string& name, std::string content) {
  for (auto& [n, c] : files) {
    if (n == name) {
      c = std::move(content);
      return;
    }
  }
  files.emplace_back(name, std::move(content));
}

Archive Parse(std::string_view text, const std::function<bool(std::string_view)>& is_section) {
  Archive a;
  std::string* target = &a.comment;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol == std::string_view::npos ? text.size() : eol + 1);
    text.remove_prefix(line.size());
    std::string_view bare = line;
    if (EndsWith(bare, "\n")) bare.remove_suffix(1);
    if (EndsWith(bare, "\r")) bare.remove_suffix(1);
    if (bare.size() > 6 && StartsWith(bare, "-- ") && EndsWith(bare, " --")) {
      std::string name = Trim(bare.substr(3, bare.size() - 6));
      if (!name.empty() && (!is_section || is_section(name))) {
        a.files.emplace_back(std::move(name), "");
        target = &a.files.back().second;
        continue;
      }
    }
    target->append(line);
  }
  return a;
}

std::string Format(const Archive& a) {
  std::string out = a.comment;
  for (const auto& [name, content] : a.files) {
    out += "-- " + name + " --\n" + content;
    if (!content.empty() && content.back() != '\n') out += '\n';
  }
  return out;
}

}  // namespace strata::txtar
