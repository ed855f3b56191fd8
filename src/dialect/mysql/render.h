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
// 'text' with embedded single quotes and backslashes escaped (literals).
std::string QuoteString(std::string_view s);
// Comments as Atlas writes them: text already in quotes is kept, anything
// else double-quoted with Go escapes ("it's", "a\"b").
std::string QuoteComment(std::string_view s);
// Wraps an expression in parentheses unless it already is wrapped as a whole.
std::string MayWrap(std::string_view expr);

// `s`.`name` or `name` under the options.
std::string QualifiedName(const std::string& schema, std::string_view name, const RenderOptions& o);
std::string TableName(const schema::Table& t, const RenderOptions& o);
// True when a statement holds a ";" outside quotes and comments (a
// BEGIN ... END body): plans then need a custom delimiter.
bool HasInnerSemicolon(std::string_view stmt);

// The column type as DDL text ("int unsigned", "varchar(255)").
std::string ColumnType(const schema::Type& t);
// DEFAULT value text (Atlas's rules): literals of numeric types and hex/bit
// literals as written, other literals single-quoted; raw expressions as
// written when numeric, parenthesized or CURRENT_TIMESTAMP-like on a time
// type, otherwise quoted (so write sql("(uuid())") for an expression).
std::string DefaultValue(const schema::Column& c);
// `c` type [CHARSET x] [AS (e) VIRTUAL|STORED] NOT NULL|NULL [DEFAULT x]
//   [COLLATE y] [ON UPDATE z] [AUTO_INCREMENT] [INVISIBLE] [COMMENT 'w']
// (Atlas's column clause order). CHARSET/COLLATE equal to the table's are
// left out; MariaDB takes no NULL/NOT NULL on generated columns.
Result<std::string> ColumnDef(const schema::Column& c, const schema::Table* t = nullptr, const Flavor& f = {});

// [USING HASH] (`a`, `b`(10) DESC, (expr)) (BTREE, the default, is left out)
std::string IndexParts(const schema::Index& idx);
// [UNIQUE|FULLTEXT|SPATIAL] INDEX `i` [USING HASH] (...) [COMMENT "c"] [WITH PARSER `p`]
std::string IndexDef(const schema::Index& idx);
// PRIMARY KEY [USING HASH] (...)
std::string PrimaryKeyDef(const schema::Index& pk);
// Features the server would accept but silently ignore, so that the
// database never reaches the desired state (a diff on every run) are
// errors instead: NOT ENFORCED checks on MariaDB, checks before MySQL
// 8.0.16, HASH indexes on InnoDB (built as BTREE), foreign keys on engines
// without them (MyISAM, MEMORY, Aria, ...).
Status CheckCompatibility(const schema::Table& t, const Flavor& f);
// A SET NULL action on a NOT NULL column is an error (the server's is
// obscure), as in Atlas.
Status CheckForeignKey(const schema::Table& t, const schema::ForeignKey& fk);
// CONSTRAINT `fk` FOREIGN KEY (...) REFERENCES `t` (...) [ON UPDATE x] [ON DELETE y]
std::string ForeignKeyDef(const schema::Table& t, const schema::ForeignKey& fk, const RenderOptions& o);
// [CONSTRAINT `c`] CHECK (expr) [NOT ENFORCED] (NOT ENFORCED: MySQL only;
// MariaDB has no such clause and always enforces checks).
std::string CheckDef(const schema::Check& c, const Flavor& f = {});
// MySQL 8.0 and MariaDB 10.5.2 have RENAME COLUMN; older servers need
// CHANGE COLUMN with the full definition.
bool SupportsRenameColumn(const Flavor& f);
// DROP CHECK `c` (MySQL) or DROP CONSTRAINT `c` (MariaDB).
std::string DropCheckClause(const schema::Check& c, const Flavor& f);
// ENGINE/CHARSET/COLLATE/COMMENT/AUTO_INCREMENT/PARTITION clauses after ")".
std::string TableOptions(const schema::Table& t);

// CREATE TABLE [IF NOT EXISTS] with columns, primary key, indexes, foreign
// keys and checks, then the table options.
Result<std::string> CreateTable(const schema::Table& t, const RenderOptions& o, bool if_not_exists = false);
std::string DropTable(const schema::Table& t, const RenderOptions& o, bool if_exists = false);

// CREATE DATABASE [IF NOT EXISTS] `s` [CHARSET x] [COLLATE y] [COMMENT 'c']
// (COMMENT: MariaDB only); DROP DATABASE [IF EXISTS] `s`.
std::string CreateSchema(const schema::Schema& s, const Flavor& f, bool if_not_exists = false);
std::string DropSchema(const std::string& name, bool if_exists = false);

// CREATE [OR REPLACE] [SQL SECURITY x] VIEW `s`.`v` AS <def>
//   [WITH x CHECK OPTION]  (view option "security": DEFINER | INVOKER)
std::string CreateView(const schema::View& v, const RenderOptions& o, bool or_replace = false);
std::string DropView(const schema::View& v, const RenderOptions& o);

// The stored CREATE TRIGGER statement (def starting with CREATE), or
// CREATE TRIGGER `t` BEFORE|AFTER INSERT|UPDATE|DELETE ON `tbl` FOR EACH ROW
// <body> from the timing/events options and the body in def.
Result<std::string> CreateTrigger(const schema::Trigger& t, const RenderOptions& o);
std::string DropTrigger(const schema::Trigger& t, const RenderOptions& o);

// `def` (a CREATE TRIGGER|FUNCTION|PROCEDURE|EVENT statement) with the
// object's name after the keyword qualified under the options: inspection
// keeps definitions unqualified, and bodies resolve their tables in the
// object's schema. A leading DEFINER=... clause is dropped.
std::string QualifyCreate(const std::string& def, const std::string& schema, const std::string& name,
                          const RenderOptions& o);

// Schema objects of kinds "function", "procedure" and "event": the stored
// CREATE statement (def starting with CREATE), or one built from the
// options (args, returns, deterministic, data_access, security; schedule,
// on_completion, status) around the body in def.
Result<std::string> CreateObject(const schema::Object& obj, const RenderOptions& o);
// DROP FUNCTION|PROCEDURE|EVENT `s`.`n`.
Result<std::string> DropObject(const schema::Object& obj, const RenderOptions& o);

}  // namespace strata::dialect::mysql
