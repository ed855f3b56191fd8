#include "dialect/mysql/queries.h"

#include "base/strings.h"

namespace strata::dialect::mysql::queries {
namespace {

// `column IN (?, ?, ...)` for the schema list. An empty list matches
// nothing (callers only query when there are schemas).
Bound In(const std::string& sql_head, const std::string& column, const std::vector<std::string>& names,
         const std::string& sql_tail) {
  Bound b;
  if (names.empty()) {
    b.sql = sql_head + " WHERE 1 = 0 " + sql_tail;
    return b;
  }
  std::vector<std::string> marks(names.size(), "?");
  b.sql = sql_head + " WHERE " + column + " IN (" + Join(marks, ", ") + ") " + sql_tail;
  b.args = names;
  return b;
}

}  // namespace

bool HasCheckConstraints(const Flavor& f) {
  return f.mariadb ? f.AtLeast(10, 2, 22) : f.AtLeast(8, 0, 16);
}

Bound Schemas(const std::vector<std::string>& names, const Flavor& f) {
  // SCHEMA_COMMENT exists on MariaDB 10.5 and later only.
  std::string comment = f.mariadb && f.AtLeast(10, 5) ? "SCHEMA_COMMENT" : "''";
  std::string head = "SELECT SCHEMA_NAME AS name, DEFAULT_CHARACTER_SET_NAME AS charset, "
                     "DEFAULT_COLLATION_NAME AS collation, " + comment +
                     " AS comment FROM information_schema.SCHEMATA";
  if (names.empty()) {
    return Bound{head + " WHERE SCHEMA_NAME NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys') "
                        "ORDER BY SCHEMA_NAME",
                 {}};
  }
  return In(head, "SCHEMA_NAME", names, "ORDER BY SCHEMA_NAME");
}

Bound Tables(const std::vector<std::string>& schemas) {
  return In("SELECT TABLE_SCHEMA AS `schema`, TABLE_NAME AS name, ENGINE AS engine, TABLE_COLLATION AS collation, "
            "AUTO_INCREMENT AS auto_increment, TABLE_COMMENT AS comment, CREATE_OPTIONS AS create_options "
            "FROM information_schema.TABLES",
            "TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA", schemas, "ORDER BY TABLE_SCHEMA, TABLE_NAME");
}

Bound Partitions(const std::vector<std::string>& schemas) {
  return In("SELECT TABLE_SCHEMA AS `schema`, TABLE_NAME AS `table`, PARTITION_NAME AS name, "
            "SUBPARTITION_NAME AS subname, PARTITION_METHOD AS method, PARTITION_EXPRESSION AS expression, "
            "SUBPARTITION_METHOD AS submethod, SUBPARTITION_EXPRESSION AS subexpression, "
            "PARTITION_DESCRIPTION AS description, PARTITION_ORDINAL_POSITION AS position, "
            "SUBPARTITION_ORDINAL_POSITION AS subposition FROM information_schema.PARTITIONS",
            "PARTITION_NAME IS NOT NULL AND TABLE_SCHEMA", schemas,
            "ORDER BY TABLE_SCHEMA, TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION");
}

Bound Columns(const std::vector<std::string>& schemas) {
  return In("SELECT TABLE_SCHEMA AS `schema`, TABLE_NAME AS `table`, COLUMN_NAME AS name, "
            "ORDINAL_POSITION AS position, COLUMN_TYPE AS column_type, IS_NULLABLE AS nullable, "
            "COLUMN_DEFAULT AS default_value, EXTRA AS extra, CHARACTER_SET_NAME AS charset, "
            "COLLATION_NAME AS collation, COLUMN_COMMENT AS comment, "
            "GENERATION_EXPRESSION AS generation_expression FROM information_schema.COLUMNS",
            "TABLE_SCHEMA", schemas, "ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION");
}

Bound Indexes(const std::vector<std::string>& schemas, const Flavor& f) {
  std::string expr = !f.mariadb && f.AtLeast(8, 0, 13) ? "EXPRESSION" : "NULL";
  return In("SELECT TABLE_SCHEMA AS `schema`, TABLE_NAME AS `table`, INDEX_NAME AS name, "
            "NON_UNIQUE AS non_unique, SEQ_IN_INDEX AS seq, COLUMN_NAME AS `column`, SUB_PART AS sub_part, "
            "COLLATION AS collation, INDEX_TYPE AS index_type, INDEX_COMMENT AS comment, " +
                expr + " AS expression FROM information_schema.STATISTICS",
            "TABLE_SCHEMA", schemas, "ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX");
}

Bound ForeignKeys(const std::vector<std::string>& schemas) {
  return In("SELECT CONSTRAINT_SCHEMA AS `schema`, TABLE_NAME AS `table`, CONSTRAINT_NAME AS name, "
            "COLUMN_NAME AS `column`, ORDINAL_POSITION AS position, REFERENCED_TABLE_SCHEMA AS ref_schema, "
            "REFERENCED_TABLE_NAME AS ref_table, REFERENCED_COLUMN_NAME AS ref_column "
            "FROM information_schema.KEY_COLUMN_USAGE",
            "REFERENCED_TABLE_NAME IS NOT NULL AND CONSTRAINT_SCHEMA", schemas,
            "ORDER BY CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION");
}

Bound ForeignKeyActions(const std::vector<std::string>& schemas) {
  return In("SELECT CONSTRAINT_SCHEMA AS `schema`, TABLE_NAME AS `table`, CONSTRAINT_NAME AS name, "
            "UPDATE_RULE AS update_rule, DELETE_RULE AS delete_rule FROM information_schema.REFERENTIAL_CONSTRAINTS",
            "CONSTRAINT_SCHEMA", schemas, "");
}

Bound Checks(const std::vector<std::string>& schemas, const Flavor& f) {
  if (!HasCheckConstraints(f)) {
    return Bound{"SELECT '' AS `schema`, '' AS `table`, '' AS name, '' AS clause, 'YES' AS enforced, "
                 "'Table' AS level FROM DUAL WHERE 1 = 0",
                 {}};
  }
  if (f.mariadb) {
    // MariaDB: checks are always enforced; LEVEL tells column-level ones.
    return In("SELECT CONSTRAINT_SCHEMA AS `schema`, TABLE_NAME AS `table`, CONSTRAINT_NAME AS name, "
              "CHECK_CLAUSE AS clause, 'YES' AS enforced, LEVEL AS level FROM information_schema.CHECK_CONSTRAINTS",
              "CONSTRAINT_SCHEMA", schemas, "ORDER BY CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME");
  }
  return In("SELECT t.CONSTRAINT_SCHEMA AS `schema`, t.TABLE_NAME AS `table`, t.CONSTRAINT_NAME AS name, "
            "c.CHECK_CLAUSE AS clause, t.ENFORCED AS enforced, 'Table' AS level "
            "FROM information_schema.TABLE_CONSTRAINTS t JOIN information_schema.CHECK_CONSTRAINTS c "
            "ON c.CONSTRAINT_SCHEMA = t.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = t.CONSTRAINT_NAME",
            "t.CONSTRAINT_TYPE = 'CHECK' AND t.CONSTRAINT_SCHEMA", schemas,
            "ORDER BY t.CONSTRAINT_SCHEMA, t.TABLE_NAME, t.CONSTRAINT_NAME");
}

Bound Views(const std::vector<std::string>& schemas) {
  return In("SELECT TABLE_SCHEMA AS `schema`, TABLE_NAME AS name, VIEW_DEFINITION AS definition, "
            "CHECK_OPTION AS check_option, SECURITY_TYPE AS security FROM information_schema.VIEWS",
            "TABLE_SCHEMA", schemas, "ORDER BY TABLE_SCHEMA, TABLE_NAME");
}

Bound Triggers(const std::vector<std::string>& schemas) {
  return In("SELECT TRIGGER_SCHEMA AS `schema`, TRIGGER_NAME AS name, EVENT_OBJECT_TABLE AS `table`, "
            "ACTION_TIMING AS timing, EVENT_MANIPULATION AS event, ACTION_STATEMENT AS statement, "
            "ACTION_ORDER AS action_order FROM information_schema.TRIGGERS",
            "TRIGGER_SCHEMA", schemas, "ORDER BY TRIGGER_SCHEMA, EVENT_OBJECT_TABLE, ACTION_ORDER, TRIGGER_NAME");
}

Bound Routines(const std::vector<std::string>& schemas) {
  return In("SELECT ROUTINE_SCHEMA AS `schema`, ROUTINE_NAME AS name, ROUTINE_TYPE AS type, "
            "ROUTINE_DEFINITION AS definition, DTD_IDENTIFIER AS `returns`, IS_DETERMINISTIC AS `deterministic`, "
            "SQL_DATA_ACCESS AS data_access, SECURITY_TYPE AS `security`, ROUTINE_COMMENT AS `comment` "
            "FROM information_schema.ROUTINES",
            "ROUTINE_SCHEMA", schemas, "ORDER BY ROUTINE_SCHEMA, ROUTINE_TYPE, ROUTINE_NAME");
}

Bound Parameters(const std::vector<std::string>& schemas) {
  return In("SELECT SPECIFIC_SCHEMA AS `schema`, SPECIFIC_NAME AS routine, ROUTINE_TYPE AS type, "
            "ORDINAL_POSITION AS position, PARAMETER_MODE AS `mode`, PARAMETER_NAME AS `name`, "
            "DTD_IDENTIFIER AS dtd FROM information_schema.PARAMETERS",
            "ORDINAL_POSITION > 0 AND SPECIFIC_SCHEMA", schemas,
            "ORDER BY SPECIFIC_SCHEMA, ROUTINE_TYPE, SPECIFIC_NAME, ORDINAL_POSITION");
}

Bound Events(const std::vector<std::string>& schemas) {
  return In("SELECT EVENT_SCHEMA AS `schema`, EVENT_NAME AS name, EVENT_DEFINITION AS definition, "
            "EVENT_TYPE AS event_type, EXECUTE_AT AS execute_at, INTERVAL_VALUE AS interval_value, "
            "INTERVAL_FIELD AS interval_field, STARTS AS `starts`, ENDS AS `ends`, STATUS AS `status`, "
            "ON_COMPLETION AS on_completion, EVENT_COMMENT AS comment FROM information_schema.EVENTS",
            "EVENT_SCHEMA", schemas, "ORDER BY EVENT_SCHEMA, EVENT_NAME");
}

}  // namespace strata::dialect::mysql::queries
