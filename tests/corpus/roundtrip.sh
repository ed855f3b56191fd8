#!/usr/bin/env bash
# roundtrip.sh - round-trip one real-world SQLite schema through strata and compare the catalogs.
#
#   tests/corpus/roundtrip.sh SCHEMA.sql      (STRATA_BIN: the strata binary, default build/bin/strata)
#
# 1. load SCHEMA.sql into a.db with the sqlite3 CLI
# 2. strata schema inspect -u sqlite://a.db > a.hcl
# 3. strata schema apply -u sqlite://b.db --to file://a.hcl --dev-url sqlite://dev?mode=memory --auto-approve
# 4. compare a.db and b.db by SQLite's own catalog (see catalog() below): must be identical
# 5. strata schema diff between the two databases reports no changes, and a second apply plans nothing
# Exit 0 on success, 1 on a difference (printed as a unified diff), 77 (skip) if SCHEMA.sql is missing.
set -euo pipefail

schema=${1:?usage: roundtrip.sh SCHEMA.sql}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
strata=${STRATA_BIN:-$here/../../build/bin/strata}
if [ ! -f "$schema" ]; then
  echo "SKIP: $schema not fetched (run scripts/corpus.sh)"
  exit 77
fi
schema=$(cd "$(dirname "$schema")" && pwd)/$(basename "$schema")
[ -x "$strata" ] || { echo "strata binary not found: $strata (set STRATA_BIN)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/strata-corpus.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

# step RUN-DESCRIPTION CMD...: run CMD, keeping its output; on failure show it and stop
step() {
  local what=$1; shift
  if ! "$@" >"$work/out" 2>"$work/err"; then
    echo "FAIL: $what: $*"
    echo "--- stdout"; head -c 20000 "$work/out"
    echo "--- stderr"; head -c 20000 "$work/err"
    exit 1
  fi
}

# The catalog of a database as SQLite reports it, one line per fact, in a stable order:
#  - tables (sorted by name): WITHOUT ROWID / STRICT flags (pragma_table_list);
#  - columns in cid order (pragma_table_xinfo): name, declared type (lower-cased, blanks removed),
#    NOT NULL, default (a DEFAULT NULL counts as no default), primary-key position, hidden/generated;
#  - indexes (pragma_index_list + pragma_index_xinfo): unique, origin (c = CREATE INDEX, u = UNIQUE,
#    pk = PRIMARY KEY), partial and its WHERE text (whitespace squeezed), and every index column with
#    its cid, sort order, collation and key flag. Automatic indexes (sqlite_autoindex_<t>_<n>) are
#    named "<auto>" since their numbering depends on constraint order; all lines are sorted;
#  - foreign keys (pragma_foreign_key_list), one line per constraint: columns, referenced table and
#    columns (an implicit reference to the primary key is resolved), ON UPDATE/ON DELETE, MATCH;
#  - views and triggers by name.
# Not covered (not in SQLite's pragmas): CHECK constraints, column collations outside indexes, and
# the text of expression-index parts.
catalog() {
  sqlite3 -batch -bail "$1" <<'EOF'
CREATE TEMP VIEW t AS SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%';
CREATE TEMP VIEW squeezed AS
  SELECT name, trim(replace(replace(replace(replace(replace(replace(replace(replace(sql, char(10), ' '),
    char(13), ' '), char(9), ' '), '        ', ' '), '    ', ' '), '  ', ' '), '  ', ' '), '  ', ' ')) AS sql
  FROM sqlite_schema;
SELECT 'table ' || t.name || ' without_rowid=' || l.wr || ' strict=' || l.strict
  FROM t JOIN pragma_table_list(t.name) l ON l.name = t.name AND l.schema = 'main' ORDER BY t.name;
SELECT 'column ' || t.name || '.' || c.name || ' cid=' || c.cid
       || ' type=' || lower(replace(replace(replace(c.type, ' ', ''), char(9), ''), char(10), ''))
       || ' notnull=' || c."notnull"
       || ' default=' || coalesce(CASE WHEN upper(c.dflt_value) = 'NULL' THEN NULL ELSE c.dflt_value END, '')
       || ' pk=' || c.pk || ' hidden=' || c.hidden
  FROM t JOIN pragma_table_xinfo(t.name) c ORDER BY t.name, c.cid;
SELECT * FROM (
  SELECT 'index ' || t.name || '.'
         || CASE WHEN il.name LIKE 'sqlite_autoindex_%' THEN '<auto>' ELSE il.name END
         || ' unique=' || il."unique" || ' origin=' || il.origin || ' partial=' || il.partial
         || CASE WHEN il.partial THEN ' where=' || substr(s.sql, instr(upper(s.sql), ' WHERE ') + 7) ELSE '' END
         || ' parts=' || (SELECT group_concat(x.seqno || ':' || x.cid || ':' || coalesce(x.name, CASE x.cid WHEN -1 THEN '<rowid>' ELSE '<expr>' END) || ':'
                                             || x."desc" || ':' || coalesce(x.coll, '') || ':' || x."key", ' ')
                          FROM pragma_index_xinfo(il.name) x)
  FROM t JOIN pragma_index_list(t.name) il LEFT JOIN squeezed s ON s.name = il.name
) ORDER BY 1;
SELECT * FROM (
  SELECT 'fk ' || t.name || ' (' || group_concat(f."from", ',') || ') -> ' || f."table" || ' ('
         || group_concat(coalesce(f."to", (SELECT p.name FROM pragma_table_info(f."table") p WHERE p.pk = f.seq + 1)), ',')
         || ') on_update=' || f.on_update || ' on_delete=' || f.on_delete || ' match=' || f."match"
  FROM t JOIN pragma_foreign_key_list(t.name) f
  GROUP BY t.name, f.id
) ORDER BY 1;
SELECT type || ' ' || name FROM sqlite_schema WHERE type IN ('view', 'trigger') ORDER BY 1;
EOF
}

# no fsync per statement while loading (connection settings only: a.db itself is unaffected)
step "load $(basename "$schema") with sqlite3" sqlite3 -batch -bail -cmd "PRAGMA synchronous = OFF" \
  -cmd "PRAGMA journal_mode = MEMORY" a.db ".read $schema"
step "schema inspect" "$strata" schema inspect -u sqlite://a.db
cp "$work/out" a.hcl
step "schema apply of the inspected HCL" "$strata" schema apply -u sqlite://b.db --to file://a.hcl \
  --dev-url "sqlite://dev?mode=memory" --auto-approve
cp "$work/out" apply.out

catalog a.db >a.catalog
catalog b.db >b.catalog
if ! diff -u a.catalog b.catalog >catalog.diff; then
  echo "FAIL: the catalogs differ (- source a.db, + b.db applied from the inspected HCL):"
  cat catalog.diff
  echo "--- plan that built b.db"
  head -c 20000 apply.out
  exit 1
fi

step "schema diff between the databases" "$strata" schema diff --from sqlite://a.db --to sqlite://b.db
if [ "$(cat "$work/out")" != "Schemas are synced, no changes to be made." ]; then
  echo "FAIL: schema diff --from a.db --to b.db is not empty:"
  head -c 20000 "$work/out"
  exit 1
fi
step "second schema apply" "$strata" schema apply -u sqlite://b.db --to file://a.hcl \
  --dev-url "sqlite://dev?mode=memory" --auto-approve
if [ "$(cat "$work/out")" != "Schema is synced, no changes to be made" ]; then
  echo "FAIL: applying the inspected HCL again is not a no-op:"
  head -c 20000 "$work/out"
  exit 1
fi
echo "ok: $(grep -c '^table ' a.catalog) tables, $(grep -c '^column ' a.catalog) columns," \
  "$(grep -c '^index ' a.catalog) indexes, $(grep -c '^fk ' a.catalog) foreign keys round-trip unchanged"
