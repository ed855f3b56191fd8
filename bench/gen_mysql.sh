#!/usr/bin/env bash
# gen_mysql.sh - write a synthetic MySQL schema of N tables (default 500) to OUTDIR:
#
#   schema.sql      the schema as SQL (for the mariadb client)
#   schema.hcl      the same schema in Atlas HCL
#   schema_v2.hcl   schema.hcl plus exactly 10 changes (see below)
#
# Table tNNNN has 10 columns, a primary key, 2 indexes (one unique) and, from the second table on,
# a foreign key to the previous table: the same shape as bench/gen_sqlite.sh. The 10 changes:
# tables 1-4 get a nullable column "extra"; tables 5-7 an index on (score); table 8 loses its
# unique "<t>_name" index; table 9's "note" becomes NOT NULL DEFAULT ''; one new table "t_new".
# Only awk is needed.
#
#   bench/gen_mysql.sh [N] [OUTDIR]
set -euo pipefail
n=${1:-500}
out=${2:-build/bench-mysql}
mkdir -p "$out"

gen() {
  awk -v n="$n" -v fmt="$1" -v edit="$2" '
  function name(i) { return sprintf("t%04d", i) }
  function sql_table(i,   t, fk) {
    t = name(i)
    fk = (i > 1) ? sprintf(",\n  CONSTRAINT %s_prev_fk FOREIGN KEY (prev_id) REFERENCES %s (id) ON DELETE CASCADE", t, name(i - 1)) : ""
    printf "CREATE TABLE %s (\n  id int NOT NULL,\n  prev_id int NULL,\n  name varchar(100) NOT NULL,\n", t
    printf "  email varchar(255) NULL,\n  status varchar(20) NOT NULL DEFAULT '\''new'\'',\n  score int NOT NULL DEFAULT 0,\n"
    printf "  price double NULL,\n  created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  note varchar(200) NULL,\n"
    printf "  active bool NOT NULL DEFAULT true,\n  PRIMARY KEY (id),\n  UNIQUE KEY %s_name (name),\n", t
    printf "  KEY %s_prev (prev_id, created_at)%s\n);\n", t, fk
  }
  function col(c, type, null_, def,   w) {
    w = (def != "") ? "   " : ""
    printf "  column \"%s\" {\n    type %s= %s\n", c, w, type
    if (null_) printf "    null %s= true\n", w
    if (def != "") printf "    default = %s\n", def
    printf "  }\n"
  }
  function index_(t, idx, cols, uniq) {
    printf "  index \"%s_%s\" {\n", t, idx
    if (uniq) printf "    unique  = true\n"
    printf "    columns = [%s]\n  }\n", cols
  }
  function hcl_table(i,   t) {
    t = name(i)
    printf "table \"%s\" {\n  schema = schema.bench\n", t
    col("id", "int", 0, "")
    col("prev_id", "int", 1, "")
    col("name", "varchar(100)", 0, "")
    col("email", "varchar(255)", 1, "")
    col("status", "varchar(20)", 0, "\"new\"")
    col("score", "int", 0, "0")
    col("price", "double", 1, "")
    col("created_at", "timestamp", 0, "sql(\"CURRENT_TIMESTAMP\")")
    if (edit && i == 9) col("note", "varchar(200)", 0, "\"\""); else col("note", "varchar(200)", 1, "")
    col("active", "bool", 0, "true")
    if (edit && i <= 4) col("extra", "varchar(50)", 1, "")
    printf "  primary_key {\n    columns = [column.id]\n  }\n"
    if (!(edit && i == 8)) index_(t, "name", "column.name", 1)
    index_(t, "prev", "column.prev_id, column.created_at", 0)
    if (edit && i >= 5 && i <= 7) index_(t, "score", "column.score", 0)
    if (i > 1) {
      printf "  foreign_key \"%s_prev_fk\" {\n    columns     = [column.prev_id]\n", t
      printf "    ref_columns = [table.%s.column.id]\n    on_delete   = CASCADE\n  }\n", name(i - 1)
    }
    printf "}\n"
  }
  BEGIN {
    if (fmt == "hcl") printf "schema \"bench\" {\n}\n"
    for (i = 1; i <= n; i++) { if (fmt == "sql") sql_table(i); else hcl_table(i) }
    if (edit) {
      printf "table \"t_new\" {\n  schema = schema.bench\n"
      col("id", "int", 0, "")
      printf "  primary_key {\n    columns = [column.id]\n  }\n}\n"
    }
  }'
}
gen sql 0 >"$out/schema.sql"
gen hcl 0 >"$out/schema.hcl"
gen hcl 1 >"$out/schema_v2.hcl"
