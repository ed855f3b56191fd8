#!/usr/bin/env bash
# Fault tests of `strata migrate apply` with real processes:
#   1. kill -9 in the middle of a --tx-mode none file; the next run resumes at
#      the statement that was cut off, and an edited applied statement is
#      refused (history changed);
#   2. three applies at once: all but one wait for the lock (or fails fast with a short
#      --lock-timeout), and every file runs exactly once;
#   3. a failing statement in tx-mode file and all leaves the revision table
#      telling the truth;
#   4. SIGINT stops the run between statements, with a true revision row.
# Usage: migrate_apply.sh [path/to/strata]   (default: $STRATA_BIN)
set -euo pipefail

STRATA=$(realpath "${1:-${STRATA_BIN:?strata binary}}")
WORK=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT
export TMPDIR=$WORK  # lock files go here, private to this test
cd "$WORK"
fails=0

fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
expect_eq() {  # expect_eq WHAT WANT GOT
  if [[ "$2" != "$3" ]]; then fail "$1: want [$2], got [$3]"; else echo "ok: $1"; fi
}
q() { sqlite3 -batch "$1" ".timeout 5000" "$2"; }
# A statement that keeps SQLite busy for a few seconds.
slow() { echo "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < $1) SELECT count(*) FROM c;"; }

# ------------------------------------------------------------------ 1. kill -9
mkdir -p kill/migrations
{
  echo "CREATE TABLE log (n int);"
  echo "INSERT INTO log VALUES (1);"
  echo "INSERT INTO log VALUES (2);"
  slow 30000000
  echo "INSERT INTO log VALUES (3);"
  echo "INSERT INTO log VALUES (4);"
} > kill/migrations/1_long.sql
(cd kill && "$STRATA" migrate hash)
(cd kill && exec "$STRATA" migrate apply -u sqlite://app.db --tx-mode none > first.out 2>&1) &
pid=$!
applied=""
for _ in $(seq 1 200); do  # wait until the slow statement is running
  applied=$(q kill/app.db "SELECT applied FROM atlas_schema_revisions WHERE version = '1'" 2>/dev/null || true)
  [[ "$applied" == 3 ]] && break
  sleep 0.05
done
expect_eq "statements done before the kill" 3 "$applied"
sleep 0.3
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
expect_eq "revision row after kill -9" "3|6|" "$(q kill/app.db "SELECT applied, total, coalesce(error, '') FROM atlas_schema_revisions")"
expect_eq "rows after kill -9" "1,2" "$(q kill/app.db "SELECT group_concat(n) FROM log")"
locks=$(find "$WORK" -maxdepth 1 -name "atlas_migrate_execute_*.lock" | wc -l)
expect_eq "stale lock file left by the killed process" 1 "$locks"

# An edit of an applied statement is refused before anything runs.
cp kill/migrations/1_long.sql saved.sql
sed -i 's/VALUES (1)/VALUES (100)/' kill/migrations/1_long.sql
(cd kill && "$STRATA" migrate hash)
if (cd kill && "$STRATA" migrate apply -u sqlite://app.db --tx-mode none --lock-timeout 20s > edit.out 2>&1); then
  fail "edited applied statement was not detected"
fi
expect_eq "history changed error" \
  'Error: sql/migrate: history changed: statement 2 from file "1_long.sql" changed' "$(tail -n1 kill/edit.out)"
cp saved.sql kill/migrations/1_long.sql
(cd kill && "$STRATA" migrate hash)

# The next run takes over the expired lock and starts at statement 4.
(cd kill && "$STRATA" migrate apply -u sqlite://app.db --tx-mode none --lock-timeout 20s > second.out 2>&1) ||
  fail "resume run failed: $(cat kill/second.out)"
if grep -q 'INSERT INTO log VALUES (1)' kill/second.out; then fail "resume re-ran statement 2"; fi
grep -q '^    -> WITH RECURSIVE' kill/second.out || fail "resume did not run the cut-off statement"
grep -q '^  -- 3 sql statements$' kill/second.out || fail "resume ran the wrong number of statements: $(cat kill/second.out)"
expect_eq "rows after resume (each statement once)" "1,2,3,4" "$(q kill/app.db "SELECT group_concat(n) FROM log")"
expect_eq "revision row after resume" "6|6||1" \
  "$(q kill/app.db "SELECT applied, total, coalesce(error, ''), partial_hashes IS NULL FROM atlas_schema_revisions")"
locks=$(find "$WORK" -maxdepth 1 -name "atlas_migrate_execute_*.lock" | wc -l)
expect_eq "lock file removed after a clean exit" 0 "$locks"

# --------------------------------------------------------- 2. two at once
mkdir -p race/migrations
for i in 1 2 3 4; do
  { echo "CREATE TABLE t$i (x int);"; slow 2000000; echo "INSERT INTO t$i VALUES ($i);"; } > "race/migrations/${i}_f.sql"
done
(cd race && "$STRATA" migrate hash)
for who in a b c; do
  (set +e; cd race && "$STRATA" migrate apply -u sqlite://app.db --lock-timeout 60s > $who.out 2>&1; echo $? > $who.rc) &
done
wait
expect_eq "three concurrent applies succeed" "0 0 0" "$(cat race/a.rc) $(cat race/b.rc) $(cat race/c.rc)"
[[ "$(cat race/a.rc race/b.rc race/c.rc)" == $'0\n0\n0' ]] || cat race/a.out race/b.out race/c.out >&2
expect_eq "exactly one ran the files" 1 "$(cat race/a.out race/b.out race/c.out | grep -c '^Migrating to version 4 ')"
expect_eq "the others found nothing to do" 2 "$(cat race/a.out race/b.out race/c.out | grep -c '^No migration files to execute$')"
expect_eq "every file ran once" "4" "$(q race/app.db "SELECT count(*) FROM atlas_schema_revisions WHERE applied = total")"
expect_eq "every insert ran once" "1 2 3 4" \
  "$(q race/app.db "SELECT (SELECT count(*) FROM t1) || ' ' || (SELECT sum(x) FROM t2) || ' ' || (SELECT sum(x) FROM t3) || ' ' || (SELECT sum(x) FROM t4)")"

# A short timeout fails with the lock error while another apply runs.
mkdir -p busy/migrations
{ echo "CREATE TABLE t (x int);"; slow 20000000; } > busy/migrations/1_slow.sql
(cd busy && "$STRATA" migrate hash)
(cd busy && "$STRATA" migrate apply -u sqlite://app.db > holder.out 2>&1) &
holder=$!
for _ in $(seq 1 100); do
  [[ -n "$(find "$WORK" -maxdepth 1 -name "atlas_migrate_execute_*.lock")" ]] && break
  sleep 0.05
done
if (cd busy && "$STRATA" migrate apply -u sqlite://app.db --lock-timeout 200ms > waiter.out 2>&1); then
  fail "second apply did not see the lock"
fi
expect_eq "lock error" 'Error: acquiring database lock: sql/sqlite: lock on "atlas_migrate_execute" already taken' \
  "$(tail -n1 busy/waiter.out)"
wait "$holder" || fail "holder failed: $(cat busy/holder.out)"
expect_eq "holder applied its file once" 1 "$(q busy/app.db "SELECT count(*) FROM atlas_schema_revisions")"

# -------------------------------------------- 3. failures in file / all mode
mkdir -p tx/migrations
echo "CREATE TABLE a (x int);" > tx/migrations/1_a.sql
printf 'CREATE TABLE b (x int);\nINSERT INTO nope VALUES (1);\n' > tx/migrations/2_b.sql
(cd tx && "$STRATA" migrate hash)
(cd tx && ! "$STRATA" migrate apply -u sqlite://file.db --tx-mode file > /dev/null 2>&1) || fail "file mode did not fail"
expect_eq "file mode: failed file leaves no row and no table" "1:1/1|a" \
  "$(q tx/file.db "SELECT (SELECT group_concat(version || ':' || applied || '/' || total) FROM atlas_schema_revisions) || '|' || (SELECT group_concat(name) FROM sqlite_schema WHERE name IN ('a', 'b'))")"
(cd tx && ! "$STRATA" migrate apply -u sqlite://all.db --tx-mode all > /dev/null 2>&1) || fail "all mode did not fail"
expect_eq "all mode: nothing stays" "0|0" \
  "$(q tx/all.db "SELECT (SELECT count(*) FROM atlas_schema_revisions) || '|' || (SELECT count(*) FROM sqlite_schema WHERE name IN ('a', 'b'))")"

# ------------------------------------------- 4. Ctrl-C between statements
mkdir -p sigint/migrations
{ echo "CREATE TABLE a (x int);"; slow 8000000; echo "CREATE TABLE b (x int);"; } > sigint/migrations/1_a.sql
(cd sigint && "$STRATA" migrate hash)
(cd sigint && exec "$STRATA" migrate apply -u sqlite://app.db --tx-mode none > int.out 2>&1) &
pid=$!
for _ in $(seq 1 100); do
  [[ "$(q sigint/app.db "SELECT applied FROM atlas_schema_revisions" 2>/dev/null || true)" == 1 ]] && break
  sleep 0.05
done
kill -INT "$pid"
rc=0
wait "$pid" || rc=$?
expect_eq "SIGINT exit status" 1 "$rc"
expect_eq "SIGINT error" "Error: sql/migrate: execution interrupted" "$(tail -n1 sigint/int.out)"
expect_eq "running statement finished, next one not started" "2|3|" \
  "$(q sigint/app.db "SELECT applied, total, coalesce(error, '') FROM atlas_schema_revisions")"
expect_eq "table b not created" 0 "$(q sigint/app.db "SELECT count(*) FROM sqlite_schema WHERE name = 'b'")"

if ((fails > 0)); then
  echo "$fails check(s) failed" >&2
  exit 1
fi
echo "all fault checks passed"
