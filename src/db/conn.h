// The only thing dialect code knows about a database connection.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace strata::db {

// A fully materialized result set (catalog queries are small and bulk).
struct Rows {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;  // nullopt = SQL NULL
  // Index of a column by name, or -1.
  int Col(const std::string& name) const;
};

class Conn {
 public:
  virtual ~Conn() = default;
  // Runs a query with positional text arguments and returns all rows.
  virtual Result<Rows> Query(const std::string& sql, const std::vector<std::string>& args = {}) = 0;
  // Runs one statement.
  virtual Status Exec(const std::string& sql) = 0;
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  virtual void Close() = 0;
};

}  // namespace strata::db
