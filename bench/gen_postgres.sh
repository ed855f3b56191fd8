#!/usr/bin/env bash
# gen_postgres.sh - write a synthetic PostgreSQL schema (see bench/README.md).
#
#   bench/gen_postgres.sh N V OUTDIR
#
# OUTDIR/schema.sql: N tables t0001..tNNNN in schema public, each with 10 columns, a primary key, a unique
# index and a two-column index, and from the second table on a foreign key to the previous table; then
# V views v0001.. each joining a table to the previous one (spread over the tables).
# OUTDIR/schema_v2.sql: the same plus exactly 10 changes: a nullable column added to 4 tables, an index
# added to 3 tables, an index dropped from 1 table, one column type widened (integer -> bigint), and one
# new table.
set -euo pipefail
n=${1:?usage: gen_postgres.sh N V OUTDIR}
v=${2:?usage: gen_postgres.sh N V OUTDIR}
out=${3:?usage: gen_postgres.sh N V OUTDIR}
mkdir -p "$out"

gen() {
  awk -v n="$n" -v v="$v" -v v2="$1" '
  function t(i) { return sprintf("t%04d", i) }
  BEGIN {
    # the tables the v2 edit touches (spread over the schema)
    add[int(n / 5)] = add[int(2 * n / 5)] = add[int(3 * n / 5)] = add[int(4 * n / 5)] = 1
    idx[int(n / 7) + 1] = idx[int(3 * n / 7) + 1] = idx[int(5 * n / 7) + 1] = 1
    drop = int(n / 2) + 1
    widen = int(n / 3) + 1
    for (i = 1; i <= n; i++) {
      printf "CREATE TABLE %s (\n", t(i)
      printf "  id bigint NOT NULL,\n"
      printf "  parent_id bigint,\n"
      printf "  name text NOT NULL DEFAULT '"'"''"'"',\n"
      printf "  email varchar(255),\n"
      printf "  score numeric(10,2) DEFAULT 0,\n"
      printf "  active boolean NOT NULL DEFAULT true,\n"
      printf "  created_at timestamptz NOT NULL DEFAULT now(),\n"
      printf "  data jsonb,\n"
      printf "  note text,\n"
      printf "  amount %s DEFAULT 1", (v2 && i == widen) ? "bigint" : "integer"
      if (v2 && (i in add)) printf ",\n  extra_%d text", i
      printf ",\n  CONSTRAINT %s_pkey PRIMARY KEY (id)", t(i)
      if (i > 1) printf ",\n  CONSTRAINT %s_parent_fkey FOREIGN KEY (parent_id) REFERENCES %s (id) ON DELETE CASCADE", t(i), t(i - 1)
      printf "\n);\n"
      printf "CREATE UNIQUE INDEX %s_email_key ON %s (email);\n", t(i), t(i)
      if (!(v2 && i == drop)) printf "CREATE INDEX %s_name_created ON %s (name, created_at);\n", t(i), t(i)
      if (v2 && (i in idx)) printf "CREATE INDEX %s_score ON %s (score);\n", t(i), t(i)
    }
    if (v2) printf "CREATE TABLE t_new (\n  id bigint NOT NULL,\n  label text,\n  CONSTRAINT t_new_pkey PRIMARY KEY (id)\n);\n"
    # views: v0001.. over tables spread evenly, each joining a table to its parent
    for (k = 1; k <= v; k++) {
      i = 2 + int((k - 1) * (n - 1) / v)
      printf "CREATE VIEW v%04d AS SELECT c.id, c.name, c.created_at, p.name AS parent_name FROM %s c JOIN %s p ON p.id = c.parent_id WHERE c.active;\n", k, t(i), t(i - 1)
    }
  }'
}
gen 0 >"$out/schema.sql"
gen 1 >"$out/schema_v2.sql"
