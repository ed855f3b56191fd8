#!/usr/bin/env bash
# ephemeral_start.sh - start-up cost of ephemeral:// dev servers (see docs/dev-database.md).
#
#   bench/ephemeral_start.sh [STRATA] [RUNS]    STRATA defaults to build/bin/strata, RUNS to 10
#
# For PostgreSQL and MariaDB (when installed): RUNS cold starts (STRATA_EPHEMERAL_CACHE=off: initdb or
# mariadb-install-db every time) and RUNS warm starts (the data dir copied from the template cache).
# Each run is `strata schema inspect -u ephemeral://<engine>`: start, connect, inspect, stop, remove.
# Prints the median of the server's ready time (STRATA_EPHEMERAL_DEBUG's line) and of the whole
# command's wall time. (ephemeral://mariadb fails after the start until the MySQL driver exists; the
# start is still measured.)
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
strata=$(realpath "${1:-$here/../build/bin/strata}")
runs=${2:-10}
cache=$(mktemp -d "${TMPDIR:-/tmp}/strata-bench-cache-XXXXXX")
trap 'rm -rf "$cache"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "-"}'; }

run() { # run ENGINE CACHE -> "ready_ms wall_ms"
  local t0 t1 line
  t0=$(date +%s%N)
  line=$(STRATA_EPHEMERAL_DEBUG=1 STRATA_EPHEMERAL_CACHE=$2 "$strata" schema inspect -u "ephemeral://$1" 2>&1 >/dev/null |
    grep '^ephemeral: ' | head -1)
  t1=$(date +%s%N)
  echo "$(sed -E 's/.* ready in ([0-9]+) ms.*/\1/' <<<"$line") $(((t1 - t0) / 1000000)) $line"
}

printf '| engine | start | server ready (median ms) | whole command (median ms) |\n|---|---|---|---|\n'
for engine in postgres mariadb; do
  run "$engine" "$cache" >/dev/null  # fills the template cache
  for mode in cold warm; do
    c=$cache; [ "$mode" = cold ] && c=off
    out=$(for ((i = 0; i < runs; i++)); do run "$engine" "$c"; done)
    if ! grep -q 'ready in' <<<"$out"; then echo "| $engine | $mode | not available | |"; continue; fi
    printf '| %s | %s | %s | %s |\n' "$engine" "$mode" "$(awk '{print $1}' <<<"$out" | median)" \
      "$(awk '{print $2}' <<<"$out" | median)"
  done
done
