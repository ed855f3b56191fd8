// SQL text for MySQL/MariaDB objects, byte-compatible with Atlas's
// sql/mysql planner: backtick-quoted identifiers, schema-qualified names
// unless a qualifier is forced, indexes/keys/checks inline in CREATE TABLE.
//
// Options keys (CONVENTIONS.md):
//   schema:     charset, collate
//   table:      engine, charset, collate, auto_increment, partition
//   column:     charset, collate, on_update, auto_increment ("true"),
//               invisible ("true")
//   index:      type (BTREE|HASH|FULLTEXT|SPATIAL), parser
//   index part: prefix (N)
//   check:      enforced ("false" for NOT ENFORCED)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "dialect/mysql/flavor.h"
#include "schema/schema.h"

namespace strata::dialect::mysql {

struct RenderOptions {
  // PlanOptions.indent: each column/constraint of CREATE TABLE on its own line.
  std::string indent;
  // PlanOptions.qualifier: nullopt = each object's own schema; "" = none.
  std::optional<std::string> qualifier;
  Flavor flavor;
};

// `name`, with embedded backticks doubled.
std::string Quote(std::string_view ident);
// 'text' with embedded single quotes and backslashes escaped.
std::string QuoteString(std::string_view s);
// Wraps an expression in parentheses unless it already is wrapped as a whole.
std::string MayWrap(std::string_view expr);

// `s`.`name` or `name` under the options.
std::string QualifiedName(const std::string& schema, std::string_view name, const RenderOptions& o);
std::string TableName(const schema::Table& t, const RenderOptions& o);

// The column type as DDL text ("int unsigned", "varchar(255)").
std::string ColumnType(const schema::Type& t);
// DEFAULT value text: string literals single-quoted, numbers as written,
// expressions wrapped in parentheses unless they are a known function
// (CURRENT_TIMESTAMP, NOW(), ...).
std::string DefaultValue(const schema::Column& c);
// `c` type [CHARSET x] [COLLATE y] [GENERATED ALWAYS AS (e) STORED|VIRTUAL]
//   NOT NULL|NULL [DEFAULT x] [ON UPDATE y] [AUTO_INCREMENT] [INVISIBLE]
//   [COMMENT 'z']
Result<std::string> ColumnDef(const schema::Column& c);

// (`a`, `b`(10) DESC, (expr))
std::string IndexParts(const schema::Index& idx);
// [UNIQUE|FULLTEXT|SPATIAL] INDEX `i` [USING HASH] (...) [COMMENT 'c'] [WITH PARSER p]
std::string IndexDef(const schema::Index& idx);
// PRIMARY KEY [USING x] (...)
std::string PrimaryKeyDef(const schema::Index& pk);
// CONSTRAINT `fk` FOREIGN KEY (...) REFERENCES `t` (...) [ON UPDATE x] [ON DELETE y]
std::string ForeignKeyDef(const schema::Table& t, const schema::ForeignKey& fk, const RenderOptions& o);
// CONSTRAINT `c` CHECK (expr) [NOT ENFORCED]
std::string CheckDef(const schema::Check& c);
// ENGINE/CHARSET/COLLATE/COMMENT/AUTO_INCREMENT/PARTITION clauses after ")".
std::string TableOptions(const schema::Table& t);

// CREATE TABLE [IF NOT EXISTS] with columns, primary key, indexes, foreign
// keys and checks, then the table options.
Result<std::string> CreateTable(const schema::Table& t, const RenderOptions& o, bool if_not_exists = false);
std::string DropTable(const schema::Table& t, const RenderOptions& o, bool if_exists = false);

// CREATE DATABASE `s` [CHARSET x] [COLLATE y]; DROP DATABASE `s`.
std::string CreateSchema(const schema::Schema& s, bool if_not_exists = false);
std::string DropSchema(const std::string& name);

// CREATE [OR REPLACE] VIEW `s`.`v` AS <def> [WITH x CHECK OPTION]
std::string CreateView(const schema::View& v, const RenderOptions& o, bool or_replace = false);
std::string DropView(const schema::View& v, const RenderOptions& o);

// The stored CREATE TRIGGER statement, or one built from the timing/events
// options and a body.
Result<std::string> CreateTrigger(const schema::Trigger& t, const RenderOptions& o);
std::string DropTrigger(const schema::Trigger& t, const RenderOptions& o);

}  // namespace strata::dialect::mysql
