#!/usr/bin/env bash
# run_sqlite.sh - time strata on a large synthetic SQLite schema (see bench/README.md).
#
#   bench/run_sqlite.sh [STRATA] [N]     STRATA defaults to build/bin/strata, N (tables) to 1000
#
# Steps, each timed (wall seconds, peak RSS):
#   inspect   strata schema inspect of a database holding the N-table schema (loaded with sqlite3)
#   apply     strata schema apply of schema.hcl to an empty database (dev database in memory)
#   edit      strata schema apply of schema_v2.hcl (10 changes) to that database
#   noop      the same apply again (must plan nothing)
# Prints a Markdown table row for bench/README.md. Work files go to $BENCH_DIR (default build/bench).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
strata=$(realpath "${1:-$here/../build/bin/strata}")
n=${2:-1000}
dir=${BENCH_DIR:-$here/../build/bench}
dev="sqlite://dev?mode=memory"
[ -x "$strata" ] || { echo "strata binary not found: $strata" >&2; exit 1; }

"$here/gen_sqlite.sh" "$n" "$dir"
cd "$dir"
rm -f inspect.db apply.db ./*.out
sqlite3 -batch -bail inspect.db "BEGIN" ".read schema.sql" "COMMIT"

declare -A secs rss
# measure NAME OUTFILE CMD...: run CMD with stdout to OUTFILE, record wall time and peak RSS
measure() {
  local name=$1 out=$2 t0 t1
  shift 2
  t0=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' -o "$name.rss" "$@" >"$out" 2>"$name.err" || { cat "$name.err" >&2; exit 1; }
    rss[$name]=$(($(tail -1 "$name.rss") / 1024))
  else
    "$@" >"$out" 2>"$name.err" || { cat "$name.err" >&2; exit 1; }
    rss[$name]="?"
  fi
  t1=$(date +%s.%N)
  secs[$name]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  printf '%-8s %7ss  %6s MiB  %s\n' "$name" "${secs[$name]}" "${rss[$name]}" "$*" >&2
}

measure inspect inspect.out "$strata" schema inspect -u sqlite://inspect.db
measure apply apply.out "$strata" schema apply -u sqlite://apply.db --to file://schema.hcl --dev-url "$dev" --auto-approve
measure edit edit.out "$strata" schema apply -u sqlite://apply.db --to file://schema_v2.hcl --dev-url "$dev" --auto-approve
measure noop noop.out "$strata" schema apply -u sqlite://apply.db --to file://schema_v2.hcl --dev-url "$dev" --auto-approve

# sanity: what was applied is what was asked for
tables=$(sqlite3 apply.db "SELECT count(*) FROM sqlite_master WHERE type = 'table'")
[ "$tables" = $((n + 1)) ] || { echo "expected $((n + 1)) tables after the edit, found $tables" >&2; exit 1; }
grep -q '^Schema is synced, no changes to be made$' noop.out || { echo "second apply of schema_v2.hcl is not a no-op" >&2; exit 1; }
planned=$(grep -c '^-- ' edit.out || true)
echo >&2 "edit plan: $planned commented statements (10 changes; a table copy takes several statements)"

echo "| $(date -u +%Y-%m-%d) | $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?') | $n" \
  "| ${secs[inspect]} s / ${rss[inspect]} MiB | ${secs[apply]} s / ${rss[apply]} MiB" \
  "| ${secs[edit]} s / ${rss[edit]} MiB | ${secs[noop]} s |"
