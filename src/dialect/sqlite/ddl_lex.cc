// Tokenizer for SQLite statements, following SQLite's own rules in
// tokenize.c closely enough to find boundaries of identifiers, strings,
// parentheses and comments.
#include <cctype>

#include "base/strings.h"
#include "dialect/sqlite/ddl.h"

namespace strata::dialect::sqlite::ddl {
namespace {

bool IdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool IdentChar(unsigned char c) { return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80; }

// Returns the index one past a quoted run that starts at `i` (an opening
// quote) and closes with `close`; a doubled closing quote is an escape
// unless `close` is ']'. npos when unterminated.
size_t SkipQuoted(std::string_view s, size_t i, char close) {
  for (size_t j = i + 1; j < s.size(); ++j) {
    if (s[j] != close) continue;
    if (close != ']' && j + 1 < s.size() && s[j + 1] == close) {
      ++j;
      continue;
    }
    return j + 1;
  }
  return std::string_view::npos;
}

// The identifier a quoted token names: quotes removed, doubled quotes undone.
std::string Unquote(std::string_view text) {
  char close = text[0] == '[' ? ']' : text[0];
  std::string inner(text.substr(1, text.size() - 2));
  if (close == ']') return inner;
  std::string q(1, close);
  return ReplaceAll(inner, q + q, q);
}

}  // namespace

bool Token::Is(std::string_view keyword) const {
  return kind == TokenKind::kIdent && EqualFold(text, keyword);
}

Result<std::vector<Token>> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  auto push = [&](TokenKind kind, size_t start, size_t end) {
    Token t{kind, s.substr(start, end - start), std::string(s.substr(start, end - start)), start};
    if (kind == TokenKind::kQuoted) t.value = Unquote(t.text);
    out.push_back(std::move(t));
  };
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t start = i;
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      size_t nl = s.find('\n', i);
      i = nl == std::string_view::npos ? s.size() : nl + 1;
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      size_t close = s.find("*/", i + 2);
      i = close == std::string_view::npos ? s.size() : close + 2;
      continue;
    }
    if ((c == 'x' || c == 'X') && i + 1 < s.size() && s[i + 1] == '\'') {
      size_t end = SkipQuoted(s, i + 1, '\'');
      if (end == std::string_view::npos) return ParseError("sqlite: unterminated blob literal");
      push(TokenKind::kBlob, start, end);
      i = end;
      continue;
    }
    if (IdentStart(c)) {
      while (i < s.size() && IdentChar(static_cast<unsigned char>(s[i]))) ++i;
      push(TokenKind::kIdent, start, i);
      continue;
    }
    if (c == '\'' || c == '"' || c == '`' || c == '[') {
      size_t end = SkipQuoted(s, i, c == '[' ? ']' : static_cast<char>(c));
      if (end == std::string_view::npos) {
        return ParseError(std::string("sqlite: unterminated quote ") + static_cast<char>(c) + " at offset " +
                          std::to_string(i));
      }
      push(c == '\'' ? TokenKind::kString : TokenKind::kQuoted, start, end);
      i = end;
      continue;
    }
    if (std::isdigit(c) ||
        (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      if (c == '0' && i + 1 < s.size() && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        i += 2;
        while (i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i]))) ++i;
      } else {
        while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.' || s[i] == '_'))
          ++i;
        if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
          ++i;
          if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
          while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
        }
      }
      push(TokenKind::kNumber, start, i);
      continue;
    }
    if (c == '?' || c == ':' || c == '@' || c == '$') {
      ++i;
      while (i < s.size() && IdentChar(static_cast<unsigned char>(s[i]))) ++i;
      push(TokenKind::kParam, start, i);
      continue;
    }
    if (c == '(' || c == ')' || c == ',' || c == ';' || c == '.') {
      push(TokenKind::kPunct, start, ++i);
      continue;
    }
    // Operators: keep the common two-byte ones together.
    static constexpr std::string_view kTwo[] = {"||", "<=", ">=", "<>", "!=", "==", "<<", ">>", "->"};
    size_t len = 1;
    for (auto op : kTwo)
      if (s.substr(i, 2) == op) len = 2;
    if (len == 2 && s.substr(i, 3) == "->>") len = 3;
    i += len;
    push(TokenKind::kOp, start, i);
  }
  return out;
}

}  // namespace strata::dialect::sqlite::ddl
