#include "dialect/sqlite/literal.h"

#include <cctype>
#include <optional>

#include "base/strings.h"

namespace strata::dialect::sqlite {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

void AppendUTF8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Go's strconv.Unquote for a "..." literal; nullopt where Go fails.
std::optional<std::string> GoUnquote(std::string_view s) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return std::nullopt;
  std::string out;
  std::string_view in = s.substr(1, s.size() - 2);
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '"' || c == '\n') return std::nullopt;
    if (c != '\\') {
      out += c;
      continue;
    }
    if (++i >= in.size()) return std::nullopt;
    auto hex = [&](size_t n) -> std::optional<uint32_t> {
      uint32_t v = 0;
      for (size_t k = 1; k <= n; ++k) {
        if (i + k >= in.size() || !std::isxdigit(static_cast<unsigned char>(in[i + k]))) return std::nullopt;
        v = v * 16 +
            static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(in[i + k]))
                                      ? in[i + k] - '0'
                                      : std::tolower(static_cast<unsigned char>(in[i + k])) - 'a' + 10);
      }
      i += n;
      return v;
    };
    switch (in[i]) {
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case '\\':
        out += '\\';
        break;
      case '"':
        out += '"';
        break;
      case 'x': {
        auto v = hex(2);
        if (!v) return std::nullopt;
        out += static_cast<char>(*v);
        break;
      }
      case 'u':
      case 'U': {
        auto v = hex(in[i] == 'u' ? 4 : 8);
        if (!v || *v > 0x10FFFF || (*v >= 0xD800 && *v < 0xE000)) return std::nullopt;
        AppendUTF8(out, *v);
        break;
      }
      default: {
        if (in[i] < '0' || in[i] > '7' || i + 2 >= in.size()) return std::nullopt;
        uint32_t v = 0;
        for (size_t k = 0; k < 3; ++k) {
          if (in[i + k] < '0' || in[i + k] > '7') return std::nullopt;
          v = v * 8 + static_cast<uint32_t>(in[i + k] - '0');
        }
        if (v > 255) return std::nullopt;
        out += static_cast<char>(v);
        i += 2;
      }
    }
  }
  return out;
}

// A "..." literal's content. SQLite escapes a double quote by doubling it,
// which Go's Unquote (and therefore Atlas) rejects; accept both forms.
std::string UnquoteDouble(std::string_view s) {
  if (auto v = GoUnquote(s)) return *v;
  return ReplaceAll(std::string(s.substr(1, s.size() - 2)), "\"\"", "\"");
}

// The index of the last byte of the first expression in `expr` (Atlas's
// ExprLastIndex): balanced parentheses, quotes skipped, ending at the end
// of input or before a top-level comma; -1 when unbalanced.
int ExprLastIndex(std::string_view expr) {
  int l = 0, r = 0;
  for (size_t i = 0; i < expr.size(); ++i) {
    char c = expr[i];
    if (c == '(') {
      ++l;
    } else if (c == ')') {
      ++r;
    } else if (c == '\'' || c == '"' || c == '`') {
      size_t j = i + 1;
      for (; j < expr.size(); ++j) {
        if (expr[j] == '\\') {
          ++j;
        } else if (expr[j] == c) {
          break;
        }
      }
      if (j >= expr.size()) return -1;
      i = j;
    }
    if (l == r && (i == expr.size() - 1 || expr[i + 1] == ',')) return static_cast<int>(i);
    if (r > l) return -1;
  }
  return -1;
}

}  // namespace

bool IsUnsignedInteger(std::string_view s) { return AllDigits(s); }

bool IsLiteralBool(std::string_view s) {
  static constexpr std::string_view kBools[] = {"1", "t", "T", "TRUE",  "true",  "True",
                                                "0", "f", "F", "FALSE", "false", "False"};
  for (auto b : kBools)
    if (s == b) return true;
  return false;
}

bool IsLiteralNumber(std::string_view s) {
  if (StartsWith(s, "0x") || StartsWith(s, "0X")) {
    std::string_view h = s.substr(2);
    if (h.empty()) return false;
    for (char c : h)
      if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    size_t nz = h.find_first_not_of('0');
    return nz == std::string_view::npos || h.size() - nz <= 16;  // fits a uint64
  }
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  std::string l = ToLower(s);
  if (l == "inf" || l == "infinity" || l == "nan") return true;
  size_t i = 0, digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!AllDigits(s.substr(i))) return false;
    i = s.size();
  }
  return i == s.size();
}

bool IsQuoted(std::string_view s, char quote) {
  if (s.size() < 2) return false;
  size_t last = s.size() - 1;
  if (s[0] != quote || s[last] != quote) return false;
  // Mirrors Atlas: inner quotes must be escaped by "\" or doubling.
  for (size_t i = 1; i + 1 < last; ++i) {
    char c = s[i];
    if (c == '\\' || (c == quote && s[i + 1] == quote)) {
      ++i;
    } else if (c == quote) {
      return false;
    }
  }
  return true;
}

bool IsBlobLiteral(std::string_view s) {
  if (s.size() < 3 || (s[0] != 'x' && s[0] != 'X') || s[1] != '\'' || s.back() != '\'') return false;
  std::string_view h = s.substr(2, s.size() - 3);
  if (h.empty()) return false;
  for (char c : h)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
  size_t nz = h.find_first_not_of('0');
  return nz == std::string_view::npos || h.size() - nz <= 16;
}

schema::Expr DefaultExpr(const std::string& x) {
  if (IsLiteralBool(x) || IsLiteralNumber(x) || IsQuoted(x, '"') || IsQuoted(x, '\'') || IsBlobLiteral(x)) {
    return schema::Expr{schema::Expr::Kind::kLiteral, x};
  }
  // CURRENT_TIMESTAMP and friends stay raw expressions, as in Atlas.
  return schema::Expr{schema::Expr::Kind::kRaw, x};
}

Result<std::string> SingleQuote(const std::string& s) {
  if (IsQuoted(s, '\'')) return s;
  std::string v = IsQuoted(s, '"') ? UnquoteDouble(s) : s;
  return "'" + ReplaceAll(v, "'", "''") + "'";
}

Result<std::string> Unquote(const std::string& s) {
  if (IsQuoted(s, '"')) return UnquoteDouble(s);
  if (IsQuoted(s, '\'')) return ReplaceAll(s.substr(1, s.size() - 2), "''", "'");
  return s;
}

std::string MayWrap(std::string_view s) {
  size_t n = s.size();
  if (n < 2 || s[0] != '(' || s[n - 1] != ')' ||
      ExprLastIndex(s.substr(1, n - 2)) != static_cast<int>(n) - 3) {
    return "(" + std::string(s) + ")";
  }
  return std::string(s);
}

}  // namespace strata::dialect::sqlite
