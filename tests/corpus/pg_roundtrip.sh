#!/usr/bin/env bash
# pg_roundtrip.sh - round-trip one real-world PostgreSQL schema through strata, with pg_dump as the oracle.
#
#   tests/corpus/pg_roundtrip.sh CORPUS_DIR NAME
#
# NAME is an entry of tests/corpus/postgres.list; scripts/corpus.sh fetched it to CORPUS_DIR/pg_NAME.sql
# (and CORPUS_DIR/pg_NAME.old.sql for an entry with old=FILE). Needs STRATA_PG_URL (a superuser URL of
# a server where databases may be created; skipped with exit 77 when unset), psql and pg_dump.
# STRATA_BIN is the strata binary (default build/bin/strata).
#
# pre=FILE in the entry: the schema is that file followed by the entry's file (pg_NAME.pre.sql).
# Databases strata_corpus_<name>_<pid>_{a,b,c,o,dev} are created and dropped on exit.
# 1. hcl:  load the schema into A with psql; `strata schema inspect -u A` > a.hcl;
#          `strata schema apply -u B --to file://a.hcl --dev-url DEV`; pg_dump of A and B must be equal
#          after normalising (see normalise()); `strata schema diff --from A --to B` must be empty and a
#          second apply must plan nothing.
# 2. sql:  `strata schema apply -u C --to file://schema.sql --dev-url DEV` (the schema file itself as
#          the desired state); pg_dump of C must equal A's; a second apply plans nothing.
# 3. pair (entries with old=FILE): load the old schema into O with psql, then
#          `strata schema apply -u O --to file://schema.sql --dev-url DEV`; pg_dump of O must equal A's.
# A line "@xfail NAME VARIANT REASON" in the list marks a variant (hcl, sql, pair) that is expected to
# fail: its failure is printed with the reason and does not fail the test; its passing does (remove the
# mark). Exit 0 on success, 1 on a failure (a dump difference is printed as a unified diff).
set -euo pipefail

corpus=${1:?usage: pg_roundtrip.sh CORPUS_DIR NAME}
name=${2:?usage: pg_roundtrip.sh CORPUS_DIR NAME}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
strata=${STRATA_BIN:-$here/../../build/bin/strata}
list=$here/postgres.list

entry=$(awk -v n="$name" '$1 == n { print; exit }' "$list")
[ -n "$entry" ] || { echo "no entry $name in $list" >&2; exit 1; }
# xfail VARIANT: the reason of an "@xfail NAME VARIANT REASON..." line, or nothing
xfail() { awk -v n="$name" -v v="$1" '$1 == "@xfail" && $2 == n && $3 == v { $1 = $2 = $3 = ""; sub(/^ +/, ""); print; exit }' "$list"; }
has_old=0
case " $entry " in *" old="*) has_old=1 ;; esac

if [ -d "$corpus" ]; then corpus=$(cd "$corpus" && pwd); fi
schema=$corpus/pg_$name.sql
old=$corpus/pg_$name.old.sql
if [ ! -f "$schema" ] || { [ "$has_old" = 1 ] && [ ! -f "$old" ]; }; then
  echo "SKIP: $schema not fetched (run scripts/corpus.sh)"
  exit 77
fi
if [ -z "${STRATA_PG_URL:-}" ]; then
  echo "SKIP: STRATA_PG_URL is not set (eval \"\$(scripts/services.sh env postgres)\"; export STRATA_PG_URL=\$PG_URL)"
  exit 77
fi
[ -x "$strata" ] || { echo "strata binary not found: $strata (set STRATA_BIN)" >&2; exit 1; }

# URLs: libpq's dbname parameter overrides the database of the URL's path.
case "$STRATA_PG_URL" in *\?*) sep='&' ;; *) sep='?' ;; esac
prefix=strata_corpus_${name}_$$
url() { printf '%s%sdbname=%s_%s' "$STRATA_PG_URL" "$sep" "$prefix" "$1"; }
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 "$STRATA_PG_URL" "$@" >/dev/null; }

work=$(mktemp -d "${TMPDIR:-/tmp}/strata-pgcorpus.XXXXXX")
dbs=(a b c o dev)
cleanup() {
  local d
  for d in "${dbs[@]}"; do psql_admin -c "DROP DATABASE IF EXISTS ${prefix}_$d" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
# pre=FILE: the schema is that file followed by the entry's file (one desired-state file)
case " $entry " in
  *" pre="*)
    [ -f "$corpus/pg_$name.pre.sql" ] || { echo "SKIP: $corpus/pg_$name.pre.sql not fetched"; exit 77; }
    cat "$corpus/pg_$name.pre.sql" "$schema" >"$work/schema.sql" ;;
  *) cp "$schema" "$work/schema.sql" ;;
esac
schema=$work/schema.sql
for d in "${dbs[@]}"; do psql_admin -c "CREATE DATABASE ${prefix}_$d"; done

failures=()
# Each variant runs to its end or to its first failure; the test fails if any variant failed.
# fail MESSAGE: record the failure of the current variant and leave it (return 1 from the variant)
fail() {
  failures+=("$variant: $1")
  echo "FAIL [$variant]: $1"
  return 1
}
finish() {
  if [ "${#failures[@]}" -eq 0 ]; then
    echo "PASS: $name ($variants variants${xfailed:+; expected failures:$xfailed})"
    exit 0
  fi
  echo "FAILED: $name (${#failures[@]} of $variants variants)"
  printf '  %s\n' "${failures[@]}"
  exit 1
}

# stdin / the command line with URL passwords masked
mask() { sed -E 's#(://[^:/@ ]*):[^@ ]*@#\1:xxxxx@#g'; }
shown() { printf '%s\n' "$*" | mask; }

# step WHAT CMD...: run CMD, keeping its output in out/err; on failure show them and fail
step() {
  local what=$1; shift
  if ! "$@" >"$work/out" 2>"$work/err"; then
    echo "--- stdout"; head -c 20000 "$work/out" | mask
    echo "--- stderr"; head -c 20000 "$work/err" | mask
    fail "$what: $(shown "$*")"
  fi
}

# The schema as pg_dump prints it, normalised: comments, blank lines, SET and set_config lines and the
# \restrict/\unrestrict lines are dropped; what remains is cut into pg_dump's blocks (each object
# starts with a "-- Name: ...; Type: ..." header) and the blocks are sorted, so only the objects and
# their definitions count, not the order pg_dump found them in (it follows OIDs).
# normalise URL [any-column-order]: with a second argument the lines inside CREATE TABLE (...) are
# also sorted (trailing commas dropped), for the old->new pair: PostgreSQL can only append a column, so
# a column added by an upgrade ends up last, whatever the new schema file says.
normalise() {
  pg_dump --schema-only --no-owner --no-privileges "$1" | awk -v anyorder="${2:-}" '
    function flush_cols(   i, j, t) {
      for (i = 2; i <= ncol; i++) { t = col[i]; for (j = i - 1; j >= 1 && col[j] > t; j--) col[j + 1] = col[j]; col[j + 1] = t }
      for (i = 1; i <= ncol; i++) block = block col[i] "\n"
      ncol = 0
    }
    /^-- Name: / { if (block != "") printf "%s\0", block; block = ""; next }
    /^--/ || /^$/ || /^SET / || /^SELECT pg_catalog.set_config/ || /^\\(un)?restrict / { next }
    anyorder != "" && intable && /^\)/ { flush_cols(); intable = 0 }
    anyorder != "" && intable { line = $0; sub(/,$/, "", line); col[++ncol] = line; next }
    { block = block $0 "\n" }
    anyorder != "" && /^CREATE TABLE .*\($/ { intable = 1; ncol = 0 }
    END { if (block != "") printf "%s\0", block }' | sort -z | tr '\0' '\n'
}

# same A B [any-column-order]: the normalised dumps of databases A and B are equal
same() {
  normalise "$(url "$1")" "${3:-}" >"$work/$1.dump"
  normalise "$(url "$2")" "${3:-}" >"$work/$2.dump"
  if ! diff -u "$work/$1.dump" "$work/$2.dump" >"$work/dump.diff"; then
    head -c 20000 "$work/dump.diff"
    fail "pg_dump of $1 and $2 differ"
  fi
}

synced() {
  grep -q "$2" "$work/out" || { cat "$work/out"; fail "$1: expected \"$2\""; }
}

variants=0
variant=load
step "load $schema" psql -X -q -v ON_ERROR_STOP=1 "$(url a)" -f "$schema" || finish

# 1. through HCL
hcl() {
  step "inspect A" "$strata" schema inspect -u "$(url a)" || return 1
  cp "$work/out" "$work/a.hcl"
  step "apply a.hcl to B" "$strata" schema apply -u "$(url b)" --to "file://$work/a.hcl" --dev-url "$(url dev)" --auto-approve || return 1
  same a b || return 1
  step "diff A B" "$strata" schema diff --from "$(url a)" --to "$(url b)" || return 1
  synced "diff A B" "Schemas are synced, no changes to be made." || return 1
  step "second apply of a.hcl" "$strata" schema apply -u "$(url b)" --to "file://$work/a.hcl" --dev-url "$(url dev)" --auto-approve || return 1
  synced "second apply of a.hcl" "Schema is synced, no changes to be made"
}

# 2. the SQL file as the desired state
sql() {
  step "apply schema.sql to C" "$strata" schema apply -u "$(url c)" --to "file://$schema" --dev-url "$(url dev)" --auto-approve || return 1
  same a c || return 1
  step "second apply of schema.sql" "$strata" schema apply -u "$(url c)" --to "file://$schema" --dev-url "$(url dev)" --auto-approve || return 1
  synced "second apply of schema.sql" "Schema is synced, no changes to be made"
}

# 3. old -> new
pair() {
  step "load $old" psql -X -q -v ON_ERROR_STOP=1 "$(url o)" -f "$old" || return 1
  step "apply schema.sql to O (old)" "$strata" schema apply -u "$(url o)" --to "file://$schema" --dev-url "$(url dev)" --auto-approve || return 1
  echo "old->new plan: $(grep -c '^-- ' "$work/out" || true) changes"
  same a o any-column-order || return 1
  step "diff A O" "$strata" schema diff --from "$(url a)" --to "$(url o)" || return 1
  synced "diff A O" "Schemas are synced, no changes to be made."
}

xfailed=""
for variant in hcl sql pair; do
  if [ "$variant" = pair ] && [ "$has_old" = 0 ]; then continue; fi
  variants=$((variants + 1))
  reason=$(xfail "$variant")
  nfail=${#failures[@]}
  if "$variant"; then
    if [ -n "$reason" ]; then
      failures+=("$variant: XPASS: passes but is marked \"@xfail $name $variant\" in $list: remove the mark")
    else
      echo "ok [$variant]"
    fi
  elif [ -n "$reason" ]; then
    failures=("${failures[@]:0:$nfail}")
    echo "expected failure [$variant]: $reason"
    xfailed="$xfailed $variant"
  fi
done
finish
