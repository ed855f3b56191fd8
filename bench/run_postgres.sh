#!/usr/bin/env bash
# run_postgres.sh - time strata on a large synthetic PostgreSQL schema (see bench/README.md).
#
#   bench/run_postgres.sh [STRATA] [N] [V]    STRATA defaults to build/bin/strata, N (tables) to 500,
#                                              V (views) to N/10
#
# Needs PG_URL or STRATA_PG_URL (a server where databases may be created; `scripts/services.sh env`),
# psql and pg_dump. Databases bench_pg_<pid>_{src,tgt,dev} are created and dropped on exit.
# Steps (wall seconds, peak RSS; inspect and pg_dump are the median of 3 runs):
#   load      psql -f schema.sql into src (for reference)
#   inspect   strata schema inspect -u src (HCL to stdout)
#   pg_dump   pg_dump --schema-only src, the same catalog read by PostgreSQL's own tool
#   edit      strata schema apply -u tgt --to file://schema_v2.sql --dev-url dev, tgt holding schema.sql:
#             10 changes, the desired state a SQL file run on the dev database (same server)
#   noop      the same apply again (must plan nothing)
# It also counts the transactions strata's inspect ran on src (pg_stat_database.xact_commit; every
# statement outside a transaction block is one) and, with PG_SERVER_LOG set to the server's log file,
# the statements themselves (see below). Prints a Markdown row for bench/README.md. Work files
# go to $BENCH_DIR (default build/bench-pg).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
strata=$(realpath "${1:-$here/../build/bin/strata}")
n=${2:-500}
v=${3:-$((n / 10))}
dir=${BENCH_DIR:-$here/../build/bench-pg}
base=${STRATA_PG_URL:-${PG_URL:-}}
[ -n "$base" ] || { echo "set PG_URL or STRATA_PG_URL (eval \"\$(scripts/services.sh env postgres)\")" >&2; exit 1; }
[ -x "$strata" ] || { echo "strata binary not found: $strata" >&2; exit 1; }
case "$base" in *\?*) sep='&' ;; *) sep='?' ;; esac
prefix=bench_pg_$$
url() { printf '%s%sdbname=%s_%s' "$base" "$sep" "$prefix" "$1"; }
admin() { psql -X -q -v ON_ERROR_STOP=1 "$base" "$@" >/dev/null; }

"$here/gen_postgres.sh" "$n" "$v" "$dir"
cd "$dir"
rm -f ./*.out ./*.err ./*.rss
cleanup() { for d in src tgt dev; do admin -c "DROP DATABASE IF EXISTS ${prefix}_$d" 2>/dev/null || true; done; }
trap cleanup EXIT
for d in src tgt dev; do admin -c "CREATE DATABASE ${prefix}_$d"; done

declare -A secs rss
# measure NAME OUTFILE CMD...: run CMD with stdout to OUTFILE, record wall time and peak RSS
measure() {
  local name=$1 out=$2 t0 t1
  shift 2
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$name.rss" "$@" >"$out" 2>"$name.err" || { cat "$name.err" >&2; exit 1; }
  t1=$(date +%s.%N)
  rss[$name]=$(($(tail -1 "$name.rss") / 1024))
  secs[$name]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  printf '%-8s %7ss  %6s MiB\n' "$name" "${secs[$name]}" "${rss[$name]}" >&2
}
# median3 NAME OUTFILE CMD...: measure 3 times, keep the median time (and its RSS)
median3() {
  local name=$1 i all=()
  for i in 1 2 3; do
    measure "$name" "${@:2}"
    all+=("${secs[$name]} ${rss[$name]}")
  done
  read -r secs[$name] rss[$name] < <(printf '%s\n' "${all[@]}" | sort -n | sed -n 2p)
}
xacts() { psql -X -At "$base" -c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '${prefix}_src'"; }

# not in one transaction: 5,000 tables and their indexes exceed the lock table (max_locks_per_transaction)
measure load load.out psql -X -q -v ON_ERROR_STOP=1 "$(url src)" -f schema.sql
psql -X -q -v ON_ERROR_STOP=1 "$(url tgt)" -f schema.sql
median3 inspect inspect.out "$strata" schema inspect -u "$(url src)"
median3 pg_dump pg_dump.out pg_dump --schema-only "$(url src)"

# transactions of one inspect: the counter moves when a session ends; the same read around nothing
# gives the baseline (the stats reads themselves)
sleep 1; x0=$(xacts); sleep 1; x1=$(xacts)
"$strata" schema inspect -u "$(url src)" >/dev/null
sleep 1; x2=$(xacts)
inspect_xacts=$(((x2 - x1) - (x1 - x0)))
# With PG_SERVER_LOG (the server's log file, readable): one more inspect with log_min_duration_statement=0
# for its session only (PGOPTIONS), to count its statements and their server time.
queries="?"
if [ -n "${PG_SERVER_LOG:-}" ] && [ -r "$PG_SERVER_LOG" ]; then
  size=$(stat -c %s "$PG_SERVER_LOG")
  PGOPTIONS="-c log_min_duration_statement=0" "$strata" schema inspect -u "$(url src)" >/dev/null
  sleep 1
  tail -c +$((size + 1)) "$PG_SERVER_LOG" | grep -E 'duration: [0-9.]+ ms  (statement|execute)' >server_log.out || true
  queries=$(wc -l <server_log.out)
  echo >&2 "inspect statements (server log): $queries, server time $(awk '{ for (i = 1; i < NF; i++) if ($i == "duration:") s += $(i + 1) } END { printf "%.0f ms", s }' server_log.out)"
fi

measure edit edit.out "$strata" schema apply -u "$(url tgt)" --to file://schema_v2.sql --dev-url "$(url dev)" --auto-approve
measure noop noop.out "$strata" schema apply -u "$(url tgt)" --to file://schema_v2.sql --dev-url "$(url dev)" --auto-approve

# sanity: the inspection saw every table, the edit did what was asked, the second apply plans nothing
tables=$(grep -c '^table "' inspect.out || true)
[ "$tables" = "$n" ] || { echo "inspect printed $tables tables, expected $n" >&2; exit 1; }
got=$(psql -X -At "$(url tgt)" -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
[ "$got" = $((n + 1)) ] || { echo "expected $((n + 1)) tables after the edit, found $got" >&2; exit 1; }
grep -q '^Schema is synced, no changes to be made$' noop.out || { echo "second apply of schema_v2.sql is not a no-op" >&2; cat noop.out >&2; exit 1; }
echo >&2 "edit plan: $(grep -c '^-- ' edit.out || true) commented statements; inspect: $inspect_xacts transactions, $queries statements on the server"
echo >&2 "HCL: $(wc -c <inspect.out) bytes, pg_dump: $(wc -c <pg_dump.out) bytes"

echo "| $(date -u +%Y-%m-%d) | $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?') | $n / $v" \
  "| ${secs[load]} s | ${secs[inspect]} s / ${rss[inspect]} MiB | ${secs[pg_dump]} s / ${rss[pg_dump]} MiB" \
  "| $inspect_xacts | ${secs[edit]} s / ${rss[edit]} MiB | ${secs[noop]} s |"
