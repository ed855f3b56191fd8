#include "dialect/postgres/script.h"

#include <cctype>

#include "base/strings.h"
#include "migrate/scanner.h"

namespace strata::dialect::postgres {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string LineCol(std::string_view text, size_t pos) {
  int line = 1, col = 1;
  for (size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

// psql meta-commands that decide what runs or where: skipping them would load
// something else than psql does.
bool Refused(std::string_view cmd) {
  for (std::string_view r : {"c", "connect", "i", "ir", "include", "include_relative", "if", "elif", "else", "endif"})
    if (cmd == r) return true;
  return false;
}

// Offset of the first character after blanks and comments, from `from`.
size_t SkipBlanksAndComments(std::string_view s, size_t from) {
  size_t i = from;
  while (i < s.size()) {
    if (IsBlank(s[i])) {
      ++i;
    } else if (s.compare(i, 2, "--") == 0) {
      size_t nl = s.find('\n', i);
      i = nl == std::string_view::npos ? s.size() : nl + 1;
    } else if (s.compare(i, 2, "/*") == 0) {
      size_t end = s.find("*/", i + 2);
      if (end == std::string_view::npos) return i;  // unterminated: text, as the scanner says
      i = end + 2;
    } else {
      break;
    }
  }
  return i;
}

// The statement's tokens, enough to recognise a few statement shapes: words
// (upper-cased), quoted identifiers and strings (verbatim), and single
// punctuation characters; `depth` gets each token's parenthesis depth.
std::vector<std::string> Tokens(std::string_view s, std::vector<int>* depth) {
  std::vector<std::string> out;
  int d = 0;
  size_t i = 0;
  while ((i = SkipBlanksAndComments(s, i)) < s.size()) {
    char c = s[i];
    size_t start = i;
    if (c == '"' || c == '\'') {
      ++i;
      while (i < s.size()) {
        if (s[i] == c && i + 1 < s.size() && s[i + 1] == c) {
          i += 2;
        } else if (s[i] == c) {
          ++i;
          break;
        } else {
          ++i;
        }
      }
      out.emplace_back(s.substr(start, i - start));
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80) {
      while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '$' ||
                              static_cast<unsigned char>(s[i]) >= 0x80))
        ++i;
      out.push_back(ToUpper(std::string(s.substr(start, i - start))));
    } else {
      if (c == ')') --d;
      out.emplace_back(1, c);
      ++i;
    }
    depth->push_back(d);
    if (c == '(') ++d;
  }
  return out;
}

enum class Kind { kRun, kSkip, kCreatePublic, kSet };

Kind Classify(std::string_view sql, std::string* setting) {
  std::vector<int> depth;
  std::vector<std::string> t = Tokens(sql, &depth);
  if (!t.empty() && t.back() == ";") t.pop_back();
  size_t n = t.size();
  auto is = [&](size_t i, std::string_view w) { return i < n && t[i] == w; };
  if (is(0, "GRANT") || is(0, "REVOKE")) return Kind::kSkip;
  if (is(0, "ALTER") && is(1, "DEFAULT") && is(2, "PRIVILEGES")) return Kind::kSkip;
  if (is(0, "SET") && is(1, "SESSION") && is(2, "AUTHORIZATION")) return Kind::kSkip;
  if (is(0, "SET")) {
    size_t i = is(1, "SESSION") ? 2 : 1;
    // name, or a dotted custom name: words joined by "."
    std::string name;
    while (i < n && !t[i].empty() && (std::isalnum(static_cast<unsigned char>(t[i][0])) || t[i][0] == '_')) {
      name += ToLower(t[i]);
      if (i + 1 < n && t[i + 1] == ".") {
        name += ".";
        i += 2;
      } else {
        ++i;
        break;
      }
    }
    if (!name.empty() && (is(i, "TO") || is(i, "="))) {
      *setting = name;
      return Kind::kSet;
    }
  }
  if (is(0, "CREATE") && is(1, "SCHEMA") && n == 3 && (t[2] == "PUBLIC" || t[2] == "\"public\"")) {
    return Kind::kCreatePublic;
  }
  // ALTER <object> OWNER TO <role> alone: a comma at depth 0 would be another
  // ALTER TABLE action, which must run.
  if (is(0, "ALTER") && n >= 5 && t[n - 3] == "OWNER" && t[n - 2] == "TO") {
    for (size_t i = 0; i < n; ++i)
      if (t[i] == "," && depth[i] == 0) return Kind::kRun;
    return Kind::kSkip;
  }
  return Kind::kRun;
}

}  // namespace

Result<std::vector<ScriptStmt>> PrepareSchemaScript(std::string_view sql) {
  ASSIGN_OR_RETURN(std::vector<migrate::Stmt> stmts,
                   migrate::ScanStmts(sql, migrate::ScannerOptionsFor(migrate::ScanDialect::kPostgres)));
  std::vector<ScriptStmt> out;
  for (const auto& st : stmts) {
    // Blank out the meta-command lines that come before the SQL (the scanner
    // glues them to the statement that follows); offsets stay as they were.
    std::string text = st.text;
    size_t line = 0;
    while (line < text.size()) {
      size_t end = text.find('\n', line);
      if (end == std::string::npos) end = text.size();
      size_t first = line;
      while (first < end && (text[first] == ' ' || text[first] == '\t')) ++first;
      if (first < end && text[first] == '\\') {
        size_t name_end = first + 1;
        while (name_end < end && std::isalpha(static_cast<unsigned char>(text[name_end]))) ++name_end;
        std::string cmd = text.substr(first + 1, name_end - first - 1);
        if (Refused(cmd)) {
          return InvalidArgument(LineCol(sql, static_cast<size_t>(st.pos) + first) + ": psql meta-command \\" + cmd +
                                 " is not supported in a schema file");
        }
        for (size_t i = line; i < end; ++i) text[i] = ' ';
      } else if (first < end && text.compare(first, 2, "--") != 0) {
        break;  // the SQL starts here
      }
      line = end + 1;
    }
    size_t begin = SkipBlanksAndComments(text, 0);
    if (begin >= text.size()) continue;  // only meta-commands and comments
    ScriptStmt s;
    s.pos = st.pos + static_cast<int>(begin);
    s.text = text.substr(begin);
    switch (Classify(s.text, &s.setting)) {
      case Kind::kSkip:
        continue;
      case Kind::kCreatePublic:
        s.text = "CREATE SCHEMA IF NOT EXISTS public;";
        break;
      case Kind::kRun:
      case Kind::kSet:
        break;
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace strata::dialect::postgres
