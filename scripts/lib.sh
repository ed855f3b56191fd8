# shellcheck shell=bash
# lib.sh - helpers shared by the scripts in this folder (sourced, not run).

log() { printf '[%s] %s\n' "${LOG_TAG:-strata}" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "${LOG_TAG:-strata}" "$*" >&2; exit 1; }
is_root() { [ "$(id -u)" = 0 ]; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# as_root CMD...: run CMD as root (directly, or through sudo when we are not root).
as_root() {
  if is_root; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

# apt_missing PKG...: print the packages that are not installed, one per line.
apt_missing() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || printf '%s\n' "$p"
  done
}

# apt_ensure PKG...: install whatever is missing (apt-get update once, then install, no recommends).
# Other apt users may hold the dpkg lock; wait for it up to 10 minutes.
APT_UPDATED=${APT_UPDATED:-0}
apt_ensure() {
  local missing t0 logf i
  mapfile -t missing < <(apt_missing "$@")
  if [ "${#missing[@]}" -eq 0 ]; then
    log "apt: all $# packages already installed"
    return 0
  fi
  t0=$(now)
  logf=${TMPDIR:-/tmp}/strata-apt.$$.log
  log "apt: installing ${missing[*]}"
  if [ "$APT_UPDATED" != 1 ]; then
    # apt-get update takes the lists lock, which DPkg::Lock::Timeout does not always cover: retry
    for i in 1 2 3 4 5 6; do
      as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q update >"$logf" 2>&1 && break
      [ "$i" = 6 ] && { tail -20 "$logf" >&2; die "apt-get update failed"; }
      log "apt: update failed (try $i), retrying in 10s"; sleep 10
    done
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q install -y \
    --no-install-recommends "${missing[@]}" >"$logf" 2>&1 || { tail -30 "$logf" >&2; die "apt-get install failed (log: $logf)"; }
  rm -f "$logf"
  log "apt: installed ${#missing[@]} packages in $(elapsed "$t0")s"
}
