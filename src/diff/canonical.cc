// Canonical SQL expression text, so that "(a  >  0)" and "a > 0" compare
// equal. Quoted strings and identifiers are kept byte for byte.
#include <cctype>

#include "diff/differ.h"

namespace strata::diff {
namespace {

bool IsPunct(char c) { return c == '(' || c == ')' || c == ',' || c == '.'; }

// Collapses whitespace (dropping it next to punctuation) and upper-cases
// unquoted text.
std::string Collapse(const std::string& e) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < e.size(); ++i) {
    char c = e[i];
    if (c == '\'' || c == '"' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : c;
      if (pending_space && !out.empty() && !IsPunct(out.back())) out += ' ';
      pending_space = false;
      out += c;
      for (++i; i < e.size(); ++i) {
        out += e[i];
        if (e[i] == close) {
          if (i + 1 < e.size() && e[i + 1] == close && close != ']') {
            out += e[++i];
            continue;
          }
          break;
        }
      }
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty() && !IsPunct(out.back()) && !IsPunct(c)) out += ' ';
    pending_space = false;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// True when s[0] == '(' matches the final ')'.
bool WrappedInParens(const std::string& s) {
  if (s.size() < 2 || s.front() != '(' || s.back() != ')') return false;
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      quote = c;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')') {
      --depth;
      if (depth == 0 && i + 1 < s.size()) return false;
    }
  }
  return depth == 0;
}

}  // namespace

std::string CanonicalExpr(const std::string& e) {
  std::string s = Collapse(e);
  while (WrappedInParens(s)) s = s.substr(1, s.size() - 2);
  return s;
}

}  // namespace strata::diff
