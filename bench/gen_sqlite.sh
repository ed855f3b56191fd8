#!/usr/bin/env bash
# gen_sqlite.sh - write a synthetic SQLite schema of N tables (default 1000) to OUTDIR:
#
#   schema.sql      the schema as SQL (for the sqlite3 CLI)
#   schema.hcl      the same schema in Atlas HCL
#   schema_v2.hcl   schema.hcl plus exactly 10 changes (see EDITS below)
#
# Table tNNNN has 10 columns, a primary key, 2 indexes (one unique) and, from the second table on,
# a foreign key to the previous table. Only awk is needed.
#
#   bench/gen_sqlite.sh [N] [OUTDIR]
set -euo pipefail
n=${1:-1000}
out=${2:-build/bench}
mkdir -p "$out"

# gen FORMAT EDIT: FORMAT is sql or hcl; EDIT=1 applies the 10 changes:
#   tables 1-4: add a nullable column "extra" (in-place ALTER TABLE ADD COLUMN);
#   tables 5-7: add an index on (score); table 8: drop its "<t>_prev" index;
#   table 9: "note" becomes NOT NULL DEFAULT '' (a table copy); one new table "t_new".
gen() {
  awk -v n="$n" -v fmt="$1" -v edit="$2" '
  function name(i) { return sprintf("t%04d", i) }
  function sql_table(i,   t, fk) {
    t = name(i)
    fk = (i > 1) ? sprintf(",\n  CONSTRAINT %s_prev_fk FOREIGN KEY (prev_id) REFERENCES %s (id) ON DELETE CASCADE", t, name(i - 1)) : ""
    printf "CREATE TABLE %s (\n  id integer NOT NULL,\n  prev_id integer NULL,\n  name text NOT NULL,\n", t
    printf "  email varchar(255) NULL,\n  status text NOT NULL DEFAULT '\''new'\'',\n  score integer NOT NULL DEFAULT 0,\n"
    printf "  price real NULL,\n  created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,\n  note text NULL,\n"
    printf "  active boolean NOT NULL DEFAULT true,\n  PRIMARY KEY (id)%s\n);\n", fk
    printf "CREATE UNIQUE INDEX %s_name ON %s (name);\n", t, t
    printf "CREATE INDEX %s_prev ON %s (prev_id, created_at);\n", t, t
  }
  function col(c, type, null_, def,   w) {  # "=" aligned as the HCL formatter does
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
    printf "table \"%s\" {\n  schema = schema.main\n", t
    col("id", "integer", 0, "")
    col("prev_id", "integer", 1, "")
    col("name", "text", 0, "")
    col("email", "varchar(255)", 1, "")
    col("status", "text", 0, "\"new\"")
    col("score", "integer", 0, "0")
    col("price", "real", 1, "")
    col("created_at", "datetime", 0, "sql(\"CURRENT_TIMESTAMP\")")
    if (edit && i == 9) col("note", "text", 0, "\"\""); else col("note", "text", 1, "")
    col("active", "boolean", 0, "true")
    if (edit && i <= 4) col("extra", "text", 1, "")
    printf "  primary_key {\n    columns = [column.id]\n  }\n"
    if (i > 1) {
      printf "  foreign_key \"%s_prev_fk\" {\n    columns     = [column.prev_id]\n", t
      printf "    ref_columns = [table.%s.column.id]\n    on_delete   = CASCADE\n  }\n", name(i - 1)
    }
    index_(t, "name", "column.name", 1)
    if (!(edit && i == 8)) index_(t, "prev", "column.prev_id, column.created_at", 0)
    if (edit && i >= 5 && i <= 7) index_(t, "score", "column.score", 0)
    printf "}\n"
  }
  BEGIN {
    if (fmt == "hcl") printf "schema \"main\" {}\n"
    for (i = 1; i <= n; i++) if (fmt == "sql") sql_table(i); else hcl_table(i)
    if (fmt == "hcl" && edit) {
      printf "table \"t_new\" {\n  schema = schema.main\n"
      col("id", "integer", 0, ""); col("label", "text", 1, "")
      printf "  primary_key {\n    columns = [column.id]\n  }\n}\n"
    }
  }'
}

gen sql 0 >"$out/schema.sql"
gen hcl 0 >"$out/schema.hcl"
gen hcl 1 >"$out/schema_v2.hcl"
echo "wrote $n tables to $out: schema.sql ($(wc -c <"$out/schema.sql") bytes), schema.hcl, schema_v2.hcl"
