// Column access by name over one result set, as the inspectors read their
// bulk catalog queries. NULL and a missing column read as "".
#pragma once

#include <optional>
#include <string>

#include "db/conn.h"

namespace strata::db {

class RowReader {
 public:
  explicit RowReader(const Rows& rows) : rows_(rows) {}
  std::string Str(size_t r, const char* col) const { return Opt(r, col).value_or(""); }
  std::optional<std::string> Opt(size_t r, const char* col) const {
    int c = rows_.Col(col);
    if (c < 0) return std::nullopt;
    return rows_.rows[r][c];
  }
  bool Null(size_t r, const char* col) const { return !Opt(r, col).has_value(); }
  // PostgreSQL's text form of a boolean.
  bool Bool(size_t r, const char* col) const { return Str(r, col) == "t"; }
  size_t size() const { return rows_.rows.size(); }

 private:
  const Rows& rows_;
};

}  // namespace strata::db
