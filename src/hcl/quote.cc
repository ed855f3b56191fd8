// Quote() and IsIdentifier(): the two helpers generators need to print HCL.
#include <cstdio>

#include "hcl/hcl.h"

namespace strata::hcl {

std::string Quote(const std::string& s) {
  std::string out = "\"";
  out.reserve(s.size() + 2);
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '$':
      case '%':
        out += static_cast<char>(c);
        // "${" and "%{" would start a template sequence: double the sigil.
        if (i + 1 < s.size() && s[i + 1] == '{') out += static_cast<char>(c);
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04X", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

bool IsIdentifier(const std::string& s) {
  if (s.empty() || s == "true" || s == "false" || s == "null") return false;
  auto start = [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  };
  if (!start(static_cast<unsigned char>(s[0]))) return false;
  for (unsigned char c : s)
    if (!start(c) && !(c >= '0' && c <= '9') && c != '-') return false;
  return true;
}

}  // namespace strata::hcl
