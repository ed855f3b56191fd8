#!/usr/bin/env bash
# setup.sh - install the Debian 12 packages needed to build and test Strata (idempotent).
#
#   scripts/setup.sh [EXTRA_PACKAGE...]
#
# Installs only what is missing (dpkg-query first; `apt-get update` only when something is missing).
# Works as root, or through sudo otherwise. Database servers are installed by scripts/services.sh.
set -euo pipefail
LOG_TAG=setup
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PACKAGES=(
  # toolchain
  g++ cmake ninja-build pkg-config ccache
  # libraries used by src/ (and the sqlite3 CLI used by tests/ and bench/)
  libsqlite3-dev sqlite3 libcli11-dev nlohmann-json3-dev libfmt-dev libgtest-dev libgmock-dev
  # clients and parsers for later dialects and storage backends (cheap, so installed already)
  libpq-dev libmariadb-dev libpg-query-dev libcurl4-openssl-dev libssl-dev
)

t0=$(now)
apt_ensure "${PACKAGES[@]}" "$@"
log "done in $(elapsed "$t0")s ($(g++ -dumpfullversion), cmake $(cmake --version | awk 'NR==1 {print $3}'), sqlite $(sqlite3 --version | awk '{print $1}'))"
