// SQL text for PostgreSQL objects, byte-compatible with Atlas's
// sql/postgres planner: double-quoted identifiers, schema-qualified names
// unless a qualifier is forced, `NOT NULL`/`NULL` always spelled out, plain
// indexes as separate CREATE INDEX statements, UNIQUE constraints inline.
//
// Options keys read here are the inspector's (inspect.cc lists them; the
// HCL names are in spec.cc):
//   table:      unlogged, partition ("RANGE (c)"), partition_of,
//               partition_of_schema, partition_bound (partitions)
//   column:     identity ("ALWAYS" | "BY DEFAULT"), identity_start,
//               identity_increment, identity_last (sequence value, optional),
//               collate
//   index:      type (access method), include ("a,b"), nulls_distinct,
//               page_per_range, constraint ("true": a UNIQUE constraint, not
//               a CREATE INDEX), exclude ("true": an EXCLUDE constraint),
//               deferrable, initially_deferred
//   index part: ops (operator class), nulls_first, nulls_last, collate, op
//               (EXCLUDE operator)
//   foreign key: deferrable, initially_deferred, match, not_valid
//   check:      no_inherit, not_valid
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "schema/schema.h"

namespace strata::dialect::postgres {

struct RenderOptions {
  // PlanOptions.indent: each column/constraint of CREATE TABLE on its own line.
  std::string indent;
  // PlanOptions.qualifier: nullopt = each object's own schema; "" = none.
  std::optional<std::string> qualifier;
};

// "name", with embedded double quotes doubled.
std::string Quote(std::string_view ident);
// 'text' with embedded single quotes doubled; text already in single quotes
// is kept as is (Atlas's quote()).
std::string QuoteString(std::string_view s);
// Wraps an expression in parentheses unless it already is wrapped as a whole.
std::string MayWrap(std::string_view expr);

// `"s".` for objects of schema `schema` under the options ("" when none).
std::string SchemaPrefix(const std::string& schema, const RenderOptions& o);
// `"s"."name"` or `"name"`.
std::string QualifiedName(const std::string& schema, std::string_view name, const RenderOptions& o);
std::string TableName(const schema::Table& t, const RenderOptions& o);

// True when the index is a UNIQUE or an EXCLUDE constraint (option
// "constraint" or "exclude"): rendered inside CREATE/ALTER TABLE by
// UniqueConstraint, dropped with DROP CONSTRAINT.
bool IsUniqueConstraint(const schema::Index& idx);
// The constraint name of a primary key: its name or "<table>_pkey".
std::string PrimaryKeyName(const schema::Table& t, const schema::Index& pk);

// The column type as DDL text. A user-defined type (Type::schema set) is
// qualified like a table under `o` (always, when o is null).
std::string ColumnType(const schema::Type& t, const RenderOptions* o = nullptr);
// DEFAULT value text: literals of numeric and boolean columns as written,
// other literals single-quoted, raw expressions as written.
std::string DefaultValue(const schema::Column& c);
// "c" type NOT NULL|NULL [DEFAULT x] [COLLATE "y"]
//   [GENERATED ALWAYS|BY DEFAULT AS IDENTITY [(START WITH n INCREMENT BY m)]
//    | GENERATED ALWAYS AS (expr) STORED]
Result<std::string> ColumnDef(const schema::Column& c, const RenderOptions* o = nullptr);

// [USING method] (parts) [INCLUDE (...)] [NULLS NOT DISTINCT]
// [WITH (pages_per_range = n)] [WHERE pred]: the index body Atlas's index()
// writes after "ON t" or "PRIMARY KEY".
std::string IndexBody(const schema::Index& idx, bool nulls_clause = true);
// CONSTRAINT "n" UNIQUE [NULLS NOT DISTINCT] (...) [DEFERRABLE ...], or for
// an exclusion constraint (option "exclude", part option "op"):
// CONSTRAINT "n" EXCLUDE [USING m] (part WITH op, ...) [INCLUDE (...)]
// [WHERE (pred)] [DEFERRABLE ...]
std::string UniqueConstraint(const schema::Index& idx);
// [CONSTRAINT "fk"] FOREIGN KEY (...) REFERENCES "s"."t" (...) [ON UPDATE x] [ON DELETE y]
// `alter`: inside ALTER TABLE ADD, where NOT VALID may follow.
std::string ForeignKeyDef(const schema::Table& t, const schema::ForeignKey& fk, const RenderOptions& o,
                          bool alter = false);
// [CONSTRAINT "c"] CHECK (expr) [NO INHERIT] [NOT VALID (alter only)]
std::string CheckDef(const schema::Check& c, bool alter = false);
// PRIMARY KEY (...) [INCLUDE (...)] [DEFERRABLE [INITIALLY DEFERRED]]
std::string PrimaryKeyDef(const schema::Index& pk);
// PrimaryKeyDef with `CONSTRAINT "name"` when the name is not PostgreSQL's
// default "<table>_pkey" (so a named key keeps its name when re-created).
std::string PrimaryKeyConstraint(const schema::Table& t, const schema::Index& pk);

// CREATE [UNLOGGED] TABLE [IF NOT EXISTS] with columns, primary key, UNIQUE
// constraints, foreign keys and checks, then PARTITION BY. Plain indexes are
// separate.
Result<std::string> CreateTable(const schema::Table& t, const RenderOptions& o, bool if_not_exists = false);
std::string DropTable(const schema::Table& t, const RenderOptions& o, bool if_exists = false);
// Partitions (options partition_of, partition_of_schema, partition_bound):
// CREATE TABLE renders `CREATE TABLE "c" PARTITION OF "p" [(constraints)]
// FOR VALUES ... | DEFAULT [PARTITION BY ...]`, without columns.
// The parent's qualified name, and the bound ("DEFAULT" when none is set).
std::string PartitionParent(const schema::Table& t, const RenderOptions& o);
std::string PartitionBound(const schema::Table& t);

// CREATE [UNIQUE] INDEX [CONCURRENTLY] ["i"] ON "s"."t" ...
std::string CreateIndex(const schema::Table& t, const schema::Index& idx, const RenderOptions& o,
                        bool concurrently = false);
// DROP INDEX [CONCURRENTLY] "s"."i" (qualified: the connection may be bound elsewhere).
std::string DropIndex(const schema::Table& t, const schema::Index& idx, const RenderOptions& o,
                      bool concurrently = false);

// COMMENT ON ... IS 'text'.
std::string SchemaComment(const std::string& schema, const std::string& text);
std::string TableComment(const schema::Table& t, const std::string& text, const RenderOptions& o);
std::string ColumnComment(const schema::Table& t, const std::string& column, const std::string& text,
                          const RenderOptions& o);
std::string IndexComment(const schema::Table& t, const std::string& index, const std::string& text,
                         const RenderOptions& o);

// CREATE [OR REPLACE] [MATERIALIZED] VIEW "s"."v" AS <def> [WITH x CHECK OPTION]
std::string CreateView(const schema::View& v, const RenderOptions& o, bool or_replace = false);
std::string DropView(const schema::View& v, const RenderOptions& o);
std::string ViewComment(const schema::View& v, const std::string& text, const RenderOptions& o);

// The stored CREATE TRIGGER statement (what inspection returns), or one
// built from the timing/events/for_each/when options and an
// `EXECUTE FUNCTION f()` body (what HCL trigger blocks give).
Result<std::string> CreateTrigger(const schema::Trigger& t, const RenderOptions& o);
std::string DropTrigger(const schema::Trigger& t, const RenderOptions& o);

}  // namespace strata::dialect::postgres
