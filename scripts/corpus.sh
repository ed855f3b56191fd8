#!/usr/bin/env bash
# corpus.sh - fetch the real-world schemas listed in tests/corpus/corpus.list (SQLite) and
# tests/corpus/mysql.list (MySQL) and tests/corpus/postgres.list (PostgreSQL) (idempotent).
#
#   scripts/corpus.sh [DEST]      DEST defaults to build/corpus
#
# For each entry, `apt-get download`s the Debian package (cached in DEST/debs), unpacks it with
# `dpkg -x` and writes the schema to DEST/<name>.sql (decompressing .gz). DEST/MANIFEST records the
# package version and the schema's sha256. Entries already present are skipped.
set -euo pipefail
LOG_TAG=corpus
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/lib.sh
source "$here/lib.sh"

lists=("$here/../tests/corpus/corpus.list" "$here/../tests/corpus/mysql.list")
pglist=$here/../tests/corpus/postgres.list
dest=${1:-$here/../build/corpus}
mkdir -p "$dest/debs" "$dest/pkgs"
dest=$(cd "$dest" && pwd)
manifest=$dest/MANIFEST
touch "$manifest"

# apt-get download needs the package lists; a fresh machine may not have them yet
has_candidate() { [[ "$(apt-cache policy "$1" 2>/dev/null)" == *"Candidate: "[!\(]* ]]; }
ensure_candidate() {
  if ! has_candidate "$1"; then
    log "no candidate for $1 in the apt lists: running apt-get update"
    as_root apt-get -o DPkg::Lock::Timeout=600 -q update >/dev/null
  fi
  has_candidate "$1" || die "package $1 is not available"
}

# fetch PKG: download (once) and unpack into $dest/pkgs/PKG; prints the .deb path
fetch() {
  local pkg=$1 deb sandbox=()
  deb=$(find "$dest/debs" -maxdepth 1 -name "${pkg}_*.deb" | head -1)
  if [ -z "$deb" ]; then
    ensure_candidate "$pkg"
    # as root, apt drops to the _apt user for downloads unless told otherwise
    if is_root; then sandbox=(-o APT::Sandbox::User=root); fi
    (cd "$dest/debs" && apt-get "${sandbox[@]}" -q download "$pkg" >/dev/null) || die "apt-get download $pkg failed"
    deb=$(find "$dest/debs" -maxdepth 1 -name "${pkg}_*.deb" | head -1)
    [ -n "$deb" ] || die "apt-get download $pkg left no .deb"
  fi
  if [ ! -d "$dest/pkgs/$pkg" ]; then
    dpkg -x "$deb" "$dest/pkgs/$pkg.tmp"
    mv "$dest/pkgs/$pkg.tmp" "$dest/pkgs/$pkg"
  fi
  printf '%s\n' "$deb"
}

# extract NAME PKG PATH: write PATH of package PKG to $dest/NAME.sql (once)
extract() {
  local name=$1 pkg=$2 path=$3 out deb src
  out=$dest/$name.sql
  if [ -s "$out" ] && grep -q "^$name " "$manifest"; then return 0; fi
  deb=$(fetch "$pkg")
  src=$dest/pkgs/$pkg/$path
  [ -f "$src" ] || die "$pkg has no $path"
  case "$src" in
    *.gz) gzip -dc "$src" >"$out.tmp" ;;
    *) cp "$src" "$out.tmp" ;;
  esac
  mv "$out.tmp" "$out"
  sed -i "/^$name /d" "$manifest"
  printf '%s %s %s %s %s\n' "$name" "$pkg" "$(dpkg-deb -f "$deb" Version)" \
    "$(sha256sum "$out" | cut -c1-16)" "$path" >>"$manifest"
  fetched=$((fetched + 1))
}

t0=$(now)
fetched=0
while read -r name pkg path; do
  case "$name" in '' | '#'*) continue ;; esac
  extract "$name" "$pkg" "$path"
done < <(cat "${lists[@]}")
# PostgreSQL schemas (tests/corpus/postgres.list): DEST/pg_<name>.sql, DEST/pg_<name>.old.sql for an
# entry with old=FILE (the older version of the schema, from the same package) and DEST/pg_<name>.pre.sql
# for pre=FILE (a file the schema needs first)
while read -r name pkg path rest; do
  case "$name" in '' | '#'* | '@'*) continue ;; esac
  extract "pg_$name" "$pkg" "$path"
  oldpath=$(printf ' %s\n' "$rest" | sed -n 's/.* old=\([^ ]*\).*/\1/p')
  if [ -n "$oldpath" ]; then extract "pg_$name.old" "$pkg" "$oldpath"; fi
  prepath=$(printf ' %s\n' "$rest" | sed -n 's/.* pre=\([^ ]*\).*/\1/p')
  if [ -n "$prepath" ]; then extract "pg_$name.pre" "$pkg" "$prepath"; fi
done <"$pglist"
sort -o "$manifest" "$manifest"
log "$fetched fetched, $(wc -l <"$manifest") schemas in $dest ($(elapsed "$t0")s)"
