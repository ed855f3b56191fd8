// The information_schema queries of MySQL/MariaDB inspection. Inspection
// runs a FIXED number of them whatever the number of tables: each one reads
// one kind of object for every inspected schema at once, filtered by the
// schema list (`IN (?, ...)`), never one query per table. Columns are
// aliased in lower case (MySQL 8 returns information_schema names in upper
// case, MariaDB as written).
#pragma once

#include <string>
#include <vector>

#include "dialect/mysql/flavor.h"

namespace strata::dialect::mysql::queries {

// A query text and its arguments, ready for db::Conn::Query.
struct Bound {
  std::string sql;
  std::vector<std::string> args;
};

// Schemas: name, charset, collation, comment. `names` empty = every schema
// except the system ones (mysql, information_schema, performance_schema, sys).
Bound Schemas(const std::vector<std::string>& names, const Flavor& f);
// Base tables: schema, name, engine, collation, auto_increment, comment,
// create_options. (The charset is the collation's prefix: a join with
// COLLATIONS made this query 50 times slower on 5,000 tables.)
Bound Tables(const std::vector<std::string>& schemas);
// Partitioned tables' partitions, one row per (sub)partition: schema, table,
// name, subname, method, expression, submethod, subexpression, description,
// position, subposition.
Bound Partitions(const std::vector<std::string>& schemas);
// Columns of tables and views in position order: schema, table, name,
// position, column_type, nullable, default_value, extra, charset, collation,
// comment, generation_expression.
Bound Columns(const std::vector<std::string>& schemas);
// Index parts (STATISTICS): schema, table, name, non_unique, seq, column,
// sub_part, collation ('A', 'D' or NULL), index_type, comment, expression
// (MySQL 8.0.13+ functional parts; NULL elsewhere).
Bound Indexes(const std::vector<std::string>& schemas, const Flavor& f);
// Foreign-key columns: schema, table, name, column, position, ref_schema,
// ref_table, ref_column.
Bound ForeignKeys(const std::vector<std::string>& schemas);
// Foreign-key actions: schema, table, name, update_rule, delete_rule. A
// separate query: joining information_schema tables makes the server
// re-read one for every row of the other (6 s for 5,000 foreign keys).
Bound ForeignKeyActions(const std::vector<std::string>& schemas);
// CHECK constraints: schema, table, name, clause, enforced ('YES'/'NO'),
// level ('Table'/'Column'; MariaDB only, else 'Table').
Bound Checks(const std::vector<std::string>& schemas, const Flavor& f);
// Views: schema, name, definition, check_option, security.
Bound Views(const std::vector<std::string>& schemas);
// Triggers in action order: schema, name, table, timing, event, statement,
// action_order.
Bound Triggers(const std::vector<std::string>& schemas);
// Functions and procedures: schema, name, type ('FUNCTION'/'PROCEDURE'),
// definition, returns (DTD_IDENTIFIER), deterministic, data_access,
// security, comment.
Bound Routines(const std::vector<std::string>& schemas);
// Routine parameters in order: schema, routine, type, position, mode, name,
// dtd (the full type text).
Bound Parameters(const std::vector<std::string>& schemas);
// Events: schema, name, definition, event_type, execute_at, interval_value,
// interval_field, starts, ends, status, on_completion, comment.
Bound Events(const std::vector<std::string>& schemas);

// Whether the server has information_schema.CHECK_CONSTRAINTS (MariaDB
// 10.2.22+, MySQL 8.0.16+); older servers parse and ignore CHECK.
bool HasCheckConstraints(const Flavor& f);

}  // namespace strata::dialect::mysql::queries
