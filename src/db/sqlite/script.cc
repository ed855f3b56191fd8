#include "db/sqlite/script.h"

#include <sqlite3.h>

#include <cctype>

namespace strata::db::sqlite {
namespace {

// Skips whitespace and comments from `i`; returns the first other byte.
size_t SkipTrivia(std::string_view s, size_t i) {
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c)) {
      ++i;
    } else if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
      size_t nl = s.find('\n', i);
      i = nl == std::string_view::npos ? s.size() : nl + 1;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      size_t close = s.find("*/", i + 2);
      i = close == std::string_view::npos ? s.size() : close + 2;
    } else {
      break;
    }
  }
  return i;
}

}  // namespace

std::vector<ScriptStatement> SplitScript(std::string_view sql) {
  std::vector<ScriptStatement> out;
  int line = 1, col = 1;
  size_t pos = 0;  // bytes before `pos` are accounted in line/col
  auto advance_to = [&](size_t to) {
    for (; pos < to; ++pos) {
      if (sql[pos] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
  };
  size_t start = SkipTrivia(sql, 0);
  std::string buf;
  for (size_t i = start; i < sql.size(); ++i) {
    if (sql[i] != ';') continue;
    // sqlite3_complete needs a NUL-terminated string; it is cheap relative
    // to executing the statement, so rescanning from `start` is fine.
    buf.assign(sql.substr(start, i + 1 - start));
    if (!sqlite3_complete(buf.c_str())) continue;
    if (buf != ";") {
      advance_to(start);
      out.push_back({std::move(buf), start, line, col});
      buf.clear();
    }
    start = SkipTrivia(sql, i + 1);
    i = start - 1;
  }
  if (start < sql.size()) {
    advance_to(start);
    out.push_back({std::string(sql.substr(start)), start, line, col});
  }
  return out;
}

}  // namespace strata::db::sqlite
