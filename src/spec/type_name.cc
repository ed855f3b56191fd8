#include "spec/type_name.h"

#include <cctype>
#include <vector>

namespace strata::spec {
namespace {

bool Plain(const std::string& s) {
  if (s.empty() || !(std::islower(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (!(std::islower(u) || std::isdigit(u) || c == '_' || c == '$')) return false;
  }
  return true;
}

}  // namespace

std::optional<TypeName> ParseTypeName(const std::string& raw) {
  std::string s = raw;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t b = s.find_first_not_of(" \t\n");
  if (b == std::string::npos) return std::nullopt;
  s = s.substr(b);
  TypeName t;
  while (s.size() >= 2 && s.compare(s.size() - 2, 2, "[]") == 0) {
    ++t.dims;
    s.resize(s.size() - 2);
    while (!s.empty() && s.back() == ' ') s.pop_back();
  }
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < s.size()) {
    std::string part;
    if (s[i] == '"') {
      ++i;
      bool closed = false;
      while (i < s.size()) {
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            part += '"';
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        part += s[i++];
      }
      if (!closed || part.empty()) return std::nullopt;
    } else {
      while (i < s.size() && s[i] != '.') {
        auto u = static_cast<unsigned char>(s[i]);
        if (!(std::isalnum(u) || s[i] == '_' || s[i] == '$' || u >= 0x80)) return std::nullopt;
        part += static_cast<char>(std::tolower(u));
        ++i;
      }
      if (part.empty() || std::isdigit(static_cast<unsigned char>(part[0]))) return std::nullopt;
    }
    parts.push_back(part);
    if (i < s.size()) {
      if (s[i] != '.') return std::nullopt;
      ++i;
      if (i == s.size()) return std::nullopt;
    }
  }
  if (parts.empty() || parts.size() > 2) return std::nullopt;
  if (parts.size() == 2) t.schema = parts[0];
  t.name = parts.back();
  return t;
}

std::string QuoteIdentIfNeeded(const std::string& ident) {
  if (Plain(ident)) return ident;
  std::string out = "\"";
  for (char c : ident) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string FormatTypeName(const TypeName& t) {
  std::string s;
  if (!t.schema.empty()) s = QuoteIdentIfNeeded(t.schema) + ".";
  s += QuoteIdentIfNeeded(t.name);
  for (int i = 0; i < t.dims; ++i) s += "[]";
  return s;
}

}  // namespace strata::spec
