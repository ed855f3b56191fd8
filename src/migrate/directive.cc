#include "migrate/directive.h"

#include "base/strings.h"

namespace strata::migrate {
namespace {

constexpr std::string_view kMarker = "atlas:";

bool IsPrintable(char c) { return c >= ' ' && c <= '~'; }

bool IsWordChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

}  // namespace

std::optional<DirectiveMatch> MatchDirective(std::string_view text) {
  // Only the leading printable run can match.
  size_t run = 0;
  while (run < text.size() && IsPrintable(text[run])) ++run;
  const std::string_view line = text.substr(0, run);

  // Greedy prefix: the last marker followed by a word character.
  size_t at = std::string_view::npos;
  size_t p = line.rfind(kMarker);
  while (p != std::string_view::npos) {
    const size_t name_at = p + kMarker.size();
    if (name_at < line.size() && IsWordChar(line[name_at])) {
      at = p;
      break;
    }
    if (p == 0) break;
    p = line.rfind(kMarker, p - 1);
  }
  if (at == std::string_view::npos) return std::nullopt;

  DirectiveMatch m;
  m.prefix = std::string(line.substr(0, at));
  size_t i = at + kMarker.size();
  const size_t name_begin = i;
  while (i < line.size() && IsWordChar(line[i])) ++i;
  m.name = std::string(line.substr(name_begin, i - name_begin));
  if (i < line.size() && line[i] == ' ') {
    while (i < line.size() && line[i] == ' ') ++i;
    m.argument = std::string(line.substr(i));
  }
  return m;
}

std::optional<std::string> FindDirective(std::string_view text, std::string_view name) {
  auto m = MatchDirective(text);
  if (!m || m->name != name) return std::nullopt;
  return std::move(m->argument);
}

std::optional<std::string> FindDirective(std::string_view text, std::string_view name, std::string_view prefix) {
  auto m = MatchDirective(text);
  if (!m || m->name != name || m->prefix != prefix) return std::nullopt;
  return std::move(m->argument);
}

std::vector<std::string> CommentDirectives(const std::vector<std::string>& comments, std::string_view name) {
  std::vector<std::string> out;
  for (const std::string& c : comments) {
    if (StartsWith(c, "/*") && c.find('\n') == std::string::npos) {
      std::string_view body = c;
      if (EndsWith(body, "*/")) body.remove_suffix(2);
      if (auto d = FindDirective(body, name, "/*")) out.push_back(std::move(*d));
      continue;
    }
    // At most one of the prefixes can equal the matched one.
    for (std::string_view prefix : {"#", "--", "-- "}) {
      if (auto d = FindDirective(c, name, prefix)) out.push_back(std::move(*d));
    }
  }
  return out;
}

std::string UnescapeDelimiter(std::string_view delimiter) {
  std::string out;
  out.reserve(delimiter.size());
  for (size_t i = 0; i < delimiter.size(); ++i) {
    if (delimiter[i] == '\\' && i + 1 < delimiter.size()) {
      char next = delimiter[i + 1];
      if (next == 'n' || next == 'r' || next == 't') {
        out.push_back(next == 'n' ? '\n' : next == 'r' ? '\r' : '\t');
        ++i;
        continue;
      }
    }
    out.push_back(delimiter[i]);
  }
  return out;
}

std::string EscapeDelimiter(std::string_view delimiter) {
  std::string out;
  out.reserve(delimiter.size());
  for (char c : delimiter) {
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace strata::migrate
