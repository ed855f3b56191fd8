#!/usr/bin/env bash
# run_mysql.sh - time strata on a large synthetic MySQL schema on a MariaDB/MySQL server
# (see bench/README.md).
#
#   bench/run_mysql.sh [STRATA] [N]     STRATA defaults to build/bin/strata, N (tables) to 500
#
# The server is $STRATA_MYSQL_URL (mysql://user:pass@host:port/; `scripts/services.sh env mariadb`
# prints one). Steps, each timed (wall seconds, peak RSS of the timed process):
#   load      the mariadb client loading schema.sql (for reference)
#   inspect   strata schema inspect of the N-table database
#   dump      mysqldump --no-data of the same database (the reference a DBA would use)
#   apply     strata schema apply of schema.hcl to an empty database (dev database on the same server)
#   edit      strata schema apply of schema_v2.hcl (10 changes) to that database
#   noop      the same apply again (must plan nothing)
# BENCH_APPLY=0 skips the three apply steps. Prints a Markdown table row for bench/README.md. The
# databases are named bench_<pid>_* and dropped at the end. Work files go to $BENCH_DIR.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
strata=$(realpath "${1:-$here/../build/bin/strata}")
n=${2:-500}
dir=${BENCH_DIR:-$here/../build/bench-mysql}
url=${STRATA_MYSQL_URL:?set STRATA_MYSQL_URL (eval "$(scripts/services.sh env mariadb)"; STRATA_MYSQL_URL=$MYSQL_URL)}
case "$url" in */) ;; *) url=$url/ ;; esac
[ -x "$strata" ] || { echo "strata binary not found: $strata" >&2; exit 1; }

rest=${url#*://}; creds=${rest%%@*}; hostport=${rest#*@}; hostport=${hostport%%/*}
user=${creds%%:*}; pass=; case $creds in *:*) pass=${creds#*:} ;; esac
host=${hostport%%:*}; port=3306; case $hostport in *:*) port=${hostport#*:} ;; esac
conn=(--no-defaults --protocol=tcp -h"$host" -P"$port" -u"$user")
export MYSQL_PWD=$pass
sql() { mariadb "${conn[@]}" --batch --skip-column-names "$@"; }

db=bench_$$_inspect target=bench_$$_apply dev=bench_$$_dev
cleanup() { sql -e "DROP DATABASE IF EXISTS $db; DROP DATABASE IF EXISTS $target; DROP DATABASE IF EXISTS $dev" || true; }
trap cleanup EXIT

"$here/gen_mysql.sh" "$n" "$dir"
cd "$dir"
rm -f ./*.out ./*.err ./*.rss
sql -e "CREATE DATABASE $db; CREATE DATABASE $target; CREATE DATABASE $dev"

declare -A secs rss
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

measure load load.out mariadb "${conn[@]}" "$db" -e "source schema.sql"
measure inspect inspect.out "$strata" schema inspect -u "$url$db"
measure dump dump.out mysqldump "${conn[@]}" --no-data --skip-comments "$db"
got=$(grep -c '^table "' inspect.out || true)
[ "$got" = "$n" ] || { echo "inspect found $got tables, expected $n" >&2; exit 1; }

if [ "${BENCH_APPLY:-1}" != 0 ]; then
  measure apply apply.out "$strata" schema apply -u "$url$target" --to file://schema.hcl --dev-url "$url$dev" --auto-approve
  measure edit edit.out "$strata" schema apply -u "$url$target" --to file://schema_v2.hcl --dev-url "$url$dev" --auto-approve
  measure noop noop.out "$strata" schema apply -u "$url$target" --to file://schema_v2.hcl --dev-url "$url$dev" --auto-approve
  tables=$(sql -e "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '$target'")
  [ "$tables" = $((n + 1)) ] || { echo "expected $((n + 1)) tables after the edit, found $tables" >&2; exit 1; }
  grep -q '^Schema is synced, no changes to be made$' noop.out || { echo "second apply of schema_v2.hcl is not a no-op:" >&2; head -50 noop.out >&2; exit 1; }
  echo >&2 "edit plan: $(grep -c '^-- ' edit.out || true) commented statements for the 10 changes"
else
  secs[apply]=-; secs[edit]=-; secs[noop]=-; rss[apply]=-; rss[edit]=-
fi

echo "| $(date -u +%Y-%m-%d) | $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo '?') | $n" \
  "| ${secs[load]} s | ${secs[inspect]} s / ${rss[inspect]} MiB | ${secs[dump]} s" \
  "| ${secs[apply]} s / ${rss[apply]} MiB | ${secs[edit]} s / ${rss[edit]} MiB | ${secs[noop]} s |"
