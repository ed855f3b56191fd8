// Splitting SQL scripts into statements the way SQLite itself reads them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace strata::db::sqlite {

struct ScriptStatement {
  std::string text;   // the statement, including its terminating ";" if any
  size_t offset = 0;  // byte offset of its first token in the script
  int line = 1;       // 1-based position of its first token
  int column = 1;     // 1-based, in bytes
};

// Splits a script at statement boundaries using sqlite3_complete(), so
// semicolons inside strings, comments and CREATE TRIGGER ... BEGIN ... END
// bodies do not split. Whitespace and comments between statements are
// dropped; a final statement without ";" is kept.
std::vector<ScriptStatement> SplitScript(std::string_view sql);

}  // namespace strata::db::sqlite
