#!/usr/bin/env bash
# selftest.sh - checks the txtar runner itself on tests/txtar/selftest/: the pass/ scripts must pass
# (one skipped), each fail/ script must fail with output matching each of its "# want: PCRE" lines,
# and UPDATE_GOLDEN=1 must rewrite exactly the sections compared with cmp stdout/stderr.
#
#   tests/txtar/selftest.sh path/to/strata_cli_scripts
set -euo pipefail
runner=${1:?usage: selftest.sh RUNNER}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=$here/selftest
tmp=$(mktemp -d "${TMPDIR:-/tmp}/txtar-selftest.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export STRATA_BIN=/bin/echo STRATA_TXTAR_TIMEOUT=2 STRATA_TXTAR_ROOT=$dir
unset UPDATE_GOLDEN TXTAR_KEEP
failed=0
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }

# pass/: all pass, one is skipped
if ! "$runner" --gtest_filter='pass.*' >"$tmp/pass.out" 2>&1; then
  bad "pass/ scripts failed:"; cat "$tmp/pass.out"
fi
n=$(find "$dir/pass" -name '*.txtar' | wc -l)
grep -q "^\[  PASSED  \] $((n - 1)) tests" "$tmp/pass.out" || bad "expected $((n - 1)) pass/ tests to pass"
grep -q '^\[  SKIPPED \] 1 test' "$tmp/pass.out" || bad "expected 1 skipped test"
grep -q 'skipped.txtar:3: not supported here' "$tmp/pass.out" || bad "skip reason not shown"

# fail/: each fails, with the expected messages
for f in "$dir"/fail/*.txtar; do
  name=$(basename "$f" .txtar)
  if "$runner" --gtest_filter="fail.$name" >"$tmp/$name.out" 2>&1; then
    bad "fail/$name.txtar passed"; continue
  fi
  grep -q "^\[  FAILED  \] fail\.$name" "$tmp/$name.out" || bad "fail/$name.txtar: no FAILED line"
  while IFS= read -r want; do
    grep -Pzq -- "$want" "$tmp/$name.out" || { bad "fail/$name.txtar: output does not match: $want"; cat "$tmp/$name.out"; }
  done < <(sed -n 's/^# want: //p' "$f")
done

# UPDATE_GOLDEN=1 rewrites the cmp'd sections, then the script passes as it is
mkdir -p "$tmp/golden/g"
cp "$dir/golden.txtar.in" "$tmp/golden/g/update.txtar"
STRATA_TXTAR_ROOT=$tmp/golden "$runner" >"$tmp/g1.out" 2>&1 && bad "stale golden passed without UPDATE_GOLDEN"
STRATA_TXTAR_ROOT=$tmp/golden UPDATE_GOLDEN=1 "$runner" >"$tmp/g2.out" 2>&1 || { bad "UPDATE_GOLDEN=1 run failed"; cat "$tmp/g2.out"; }
diff -u "$dir/golden.want" "$tmp/golden/g/update.txtar" || bad "UPDATE_GOLDEN=1 rewrote the file wrongly"
STRATA_TXTAR_ROOT=$tmp/golden "$runner" >"$tmp/g3.out" 2>&1 || { bad "updated golden does not pass"; cat "$tmp/g3.out"; }

# the test list is one test per file, named <dir>.<file stem>
"$runner" --gtest_list_tests >"$tmp/list.out"
if ! grep -q '^pass\.$' "$tmp/list.out" || ! grep -q '^  basics$' "$tmp/list.out"; then bad "unexpected test list"; fi

nfail=$(find "$dir/fail" -name '*.txtar' | wc -l)
if [ "$failed" -gt 0 ]; then echo "$failed selftest check(s) failed"; exit 1; fi
echo "runner selftest ok: $n pass scripts, $nfail failing scripts, UPDATE_GOLDEN"
