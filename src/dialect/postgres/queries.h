// The catalog queries of PostgreSQL inspection. Inspection runs a FIXED
// number of them whatever the number of tables: each query reads one kind
// of object for every inspected table at once (parameters are text arrays of
// schema names or table oids), never one query per table.
#pragma once

namespace strata::dialect::postgres::queries {

// $1 text[]: schema names to keep (empty array = all). Columns: name, comment.
extern const char* const kSchemas;
// $1 text[]: schema names. Tables and partitioned tables, without
// partitions and without tables that belong to an extension. Columns: oid,
// schema, name, comment, unlogged, partition_key, row_security,
// row_security_enforced.
extern const char* const kTables;
// $1 oid[]: table oids. Columns in attnum order: table_oid, name, type,
// not_null, default_expr, identity, generated, collation, comment,
// type_kind, identity_start, identity_increment, object_type and
// object_schema (an enum/domain/composite type or an array of one: its
// name, with "[]" for arrays, and its schema).
extern const char* const kColumns;
// $1 oid[]: table oids. PRIMARY KEY, UNIQUE, FOREIGN KEY and CHECK
// constraints: table_oid, name, type, columns (text[]), ref_schema,
// ref_table, ref_columns (text[]), on_update, on_delete, match, deferrable,
// deferred, validated, no_inherit, check_expr, index_oid, comment.
extern const char* const kConstraints;
// $1 oid[]: table oids. Indexes: table_oid, index_oid, name, unique,
// primary, method, predicate, nulls_not_distinct, key_count, constraint_type,
// comment, pages_per_range (BRIN storage parameter, NULL when not set).
extern const char* const kIndexes;
// $1 oid[]: table oids. One row per index column (keys then INCLUDE
// columns): index_oid, position, column (NULL for expressions), definition,
// desc, nulls_first, opclass (NULL when it is the type's default), collation
// (NULL when it is the column's, or the default for expressions), key.
extern const char* const kIndexParts;
// $1 text (schema) or empty for every inspected schema: the first table in
// the scope, for CheckClean. Columns: schema, name.
extern const char* const kFirstTable;
// $1 text[]: schemas. The objects of those schemas that a reset drops:
// tables, views, materialized views, sequences, foreign tables (relkind),
// enum, domain, range and composite types (kind "type"), functions,
// procedures and aggregates (with their identity arguments) and extensions,
// none owned by an extension; partitions and the sequences of serial and
// identity columns go with their tables.
// Columns: kind ("table", "view", "materialized view", "sequence", "foreign
// table", "type", "function", "procedure", "aggregate", "extension"), ident
// (quoted and schema-qualified, ready for DROP <kind> IF EXISTS).
extern const char* const kSchemaObjects;
// Every non-system schema. Column: name.
extern const char* const kAllSchemas;

}  // namespace strata::dialect::postgres::queries
