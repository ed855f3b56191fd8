// SQL text for SQLite objects, byte-compatible with Atlas's sql/sqlite
// planner: backtick quoting, `NOT NULL`/`NULL` always spelled out, indexes
// as separate CREATE INDEX statements, inline PRIMARY KEY AUTOINCREMENT.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "schema/schema.h"

namespace strata::dialect::sqlite {

struct RenderOptions {
  // PlanOptions.indent: each column/constraint of CREATE TABLE on its own line.
  std::string indent;
  // A schema prefix for table and view names ("" or nullopt: none, which is
  // how Atlas renders SQLite DDL unless a qualifier is forced).
  std::optional<std::string> qualifier;
};

// `name`, with embedded backticks doubled.
std::string Quote(std::string_view ident);
// `q`.`name` when a non-empty qualifier is set, else `name`.
std::string QualifiedName(std::string_view name, const RenderOptions& o);

// The DEFAULT value of a column as DDL: literals of numeric and boolean
// columns as written, other literals single-quoted, expressions wrapped in
// parentheses.
Result<std::string> DefaultValue(const schema::Column& c);
// `c` type [NOT] NULL [DEFAULT x] [COLLATE y] [PRIMARY KEY AUTOINCREMENT | AS (x) STORED]
Result<std::string> ColumnDef(const schema::Column& c);

// CREATE TABLE with columns, primary key, foreign keys and checks, plus
// WITHOUT ROWID / STRICT. Indexes are separate (CreateIndex).
Result<std::string> CreateTable(const schema::Table& t, const RenderOptions& o, bool if_not_exists = false);

// The name CREATE INDEX uses. SQLite reserves sqlite_autoindex_* names for
// the indexes of UNIQUE constraints, so those are re-created as
// <table>_<col1>_<col2> (as Atlas does).
Result<std::string> IndexName(std::string_view table, const schema::Index& idx);
Result<std::string> CreateIndex(std::string_view table, const schema::Index& idx);
std::string DropIndex(std::string_view name);

std::string CreateView(const schema::View& v, const RenderOptions& o);
std::string DropView(const schema::View& v, const RenderOptions& o);

// The trigger's CREATE TRIGGER statement: its definition when that is a full
// statement (what inspection returns), or one built from the timing/events
// options and the body (what HCL `trigger` blocks give).
Result<std::string> CreateTrigger(const schema::Trigger& t);
std::string DropTrigger(const schema::Trigger& t);

// True for an index SQLite created for a UNIQUE or PRIMARY KEY constraint.
bool IsAutoIndex(const schema::Index& idx);
// The indexes of UNIQUE table constraints (SQLite's autoindexes), in
// SQLite's numbering order.
std::vector<const schema::Index*> AutoIndexes(const schema::Table& t);
// True for an index that CREATE TABLE renders inline as `UNIQUE (...)`
// instead of a CREATE INDEX statement.
bool IsInlineIndex(const schema::Index& idx);

}  // namespace strata::dialect::sqlite
