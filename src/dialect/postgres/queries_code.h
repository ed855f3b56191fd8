// Catalog queries for the "code" objects of a schema: views, materialized
// views and their indexes, functions and procedures, triggers and
// row-level security policies. Each reads one kind of object for every
// inspected schema at once ($1 text[]: schema names), so inspection stays a
// fixed number of queries (see queries.h).
#pragma once

namespace strata::dialect::postgres::queries {

// Views and materialized views not owned by an extension: oid, schema, name,
// materialized, def (pg_get_viewdef), check_option (LOCAL | CASCADED | NULL),
// comment, column_names, column_types (text[]), depends_on (text[] of
// "table.<schema>.<name>", "view.<schema>.<name>",
// "materialized.<schema>.<name>", from the view's rewrite rule).
extern const char* const kViews;
// Indexes of materialized views, one row per key or INCLUDE column:
// view_oid, index_oid, name, unique, method, predicate, nulls_not_distinct,
// comment, pages_per_range, position, column (NULL for expressions),
// definition, desc, nulls_first, opclass, collation, key.
extern const char* const kViewIndexes;
// Functions (prokind 'f') and procedures ('p') not owned by an extension:
// oid, schema, name, kind, signature (identity argument types), arg_names,
// arg_modes, arg_types (text[] over all arguments), arg_defaults (the
// defaults of the last input arguments, comma-separated), result
// (pg_get_function_result, NULL for procedures), lang, volatility, strict,
// security_definer, leakproof, parallel, body (prosrc), sql_body (SQL-standard
// body, NULL otherwise), comment, config (proconfig: text[] of "name=value").
extern const char* const kRoutines;
// Non-internal triggers on the tables and views of the schemas (not the
// clones a partitioned table's trigger puts on its partitions): schema,
// table, name, def (pg_get_triggerdef), timing (BEFORE | AFTER |
// INSTEAD OF), events (INSERT, UPDATE, DELETE, TRUNCATE as text[]),
// update_of (text[] of column names), for_each (ROW | STATEMENT),
// enabled, comment.
extern const char* const kTriggers;
// Row-level security policies: schema, table, name, permissive, command
// (ALL | SELECT | INSERT | UPDATE | DELETE), roles (text[]), using_expr,
// check_expr, comment.
extern const char* const kPolicies;


}  // namespace strata::dialect::postgres::queries
