// Plans: the ordered SQL statements that carry out a change list, each with
// its reverse, and the change that caused it.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace strata::plan {

struct PlannedChange {
  std::string cmd;                   // one SQL statement, no trailing ";"
  std::string comment;               // lower-case first letter, e.g. `create "t" table`
  std::vector<std::string> reverse;  // statements that undo cmd (empty: irreversible)
  bool destructive = false;          // can lose data
  std::string source;                // short description of the schema change
};

struct Plan {
  std::string name;
  std::vector<PlannedChange> changes;
  bool transactional = true;
  bool reversible = true;  // every change has a reverse
  std::string delimiter;   // custom statement delimiter ("" = ";")
  bool HasDestructive() const;
};

struct PlanOptions {
  // Two spaces in `schema apply`: CREATE TABLE columns go on their own lines.
  std::string indent;
  // Schema qualifier for object names: nullopt = use each object's schema;
  // "" = unqualified (schema-scoped URL).
  std::optional<std::string> qualifier;
  // Project `diff { concurrent_index { create = true, drop = true } }`
  // (PostgreSQL): indexes created/dropped on existing tables use
  // CONCURRENTLY, and the plan is then not transactional.
  bool concurrent_index_create = false;
  bool concurrent_index_drop = false;
};

// `-- Comment\nstmt;\n` for each change (Atlas's DefaultFormatter layout).
std::string FormatSQL(const Plan& p);

}  // namespace strata::plan
