#!/usr/bin/env bash
# migrate_bench.sh - time the versioned-migration paths (see bench/README.md).
#
#   bench/migrate_bench.sh [STRATA] [FILES] [APPLY_FILES]
#     STRATA defaults to build/bin/strata, FILES (hash/validate) to 10000,
#     APPLY_FILES (apply overhead) to 1000.
#
# Steps (wall seconds and peak RSS from /usr/bin/time):
#   hash       strata migrate hash of FILES files (3 statements each)
#   validate   strata migrate validate of the same directory
#   status     strata migrate status against an empty database (reads every file)
#   apply-file strata migrate apply of APPLY_FILES one-statement files, --tx-mode file
#   apply-none the same with --tx-mode none (a revision write after every statement)
#   sqlite3    the same statements through the sqlite3 CLI, one transaction per file
#              (the floor the per-file overhead is measured against)
# Work files go to $BENCH_DIR (default build/bench-migrate).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
strata=$(realpath "${1:-$here/../build/bin/strata}")
n=${2:-10000}
m=${3:-1000}
dir=${BENCH_DIR:-$here/../build/bench-migrate}
[ -x "$strata" ] || { echo "strata binary not found: $strata" >&2; exit 1; }
rm -rf "$dir"
mkdir -p "$dir/big" "$dir/small"
export TMPDIR=$dir

awk -v n="$n" -v d="$dir/big" 'BEGIN {
  for (i = 1; i <= n; i++) {
    f = sprintf("%s/%08d_step.sql", d, i)
    printf "CREATE TABLE t%d (id integer PRIMARY KEY, name text NOT NULL);\n", i > f
    printf "CREATE INDEX t%d_name ON t%d (name);\n", i, i > f
    printf "INSERT INTO t%d (name) VALUES (%cx%c);\n", i, 39, 39 > f
    close(f)
  }
}'
awk -v n="$m" -v d="$dir/small" 'BEGIN {
  for (i = 1; i <= n; i++) {
    f = sprintf("%s/%08d_step.sql", d, i)
    printf "CREATE TABLE t%d (id integer);\n", i > f
    close(f)
  }
}'

timed() {  # timed LABEL CMD... -> "LABEL seconds rss_kb"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$@" > "$dir/$label.out" 2>&1 ||
    { echo "$label failed:" >&2; cat "$dir/$label.out" >&2; exit 1; }
  read -r secs rss < "$dir/time.txt"
  printf '| %s | %s s | %s MB |\n' "$label" "$secs" "$((rss / 1024))"
  echo "$secs" > "$dir/$label.secs"
}

cd "$dir"
echo "| step | wall | peak RSS |"
echo "|---|---|---|"
timed hash "$strata" migrate hash --dir file://big
timed validate "$strata" migrate validate --dir file://big
timed status "$strata" migrate status --dir file://big -u sqlite://status.db
"$strata" migrate hash --dir file://small
timed apply-file "$strata" migrate apply --dir file://small -u sqlite://file.db --tx-mode file
timed apply-none "$strata" migrate apply --dir file://small -u sqlite://none.db --tx-mode none
for f in small/*.sql; do echo "BEGIN;"; cat "$f"; echo "COMMIT;"; done > floor.sql
timed sqlite3 sqlite3 floor.db ".read floor.sql"
[ "$(sqlite3 file.db 'SELECT count(*) FROM atlas_schema_revisions WHERE applied = total')" = "$m" ] ||
  { echo "apply-file did not record $m revisions" >&2; exit 1; }
awk -v m="$m" -v a="$(cat apply-file.secs)" -v b="$(cat apply-none.secs)" -v c="$(cat sqlite3.secs)" 'BEGIN {
  printf "\nper-file: apply --tx-mode file %.2f ms, --tx-mode none %.2f ms, sqlite3 floor %.2f ms\n",
    1000 * a / m, 1000 * b / m, 1000 * c / m
}'
