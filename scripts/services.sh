#!/usr/bin/env bash
# services.sh - throwaway database servers for Strata's integration tests (Debian 12, loopback only).
#
#   scripts/services.sh install [NAME|all]   apt-install the server packages that are missing
#   scripts/services.sh start   [NAME|all]   start (initialising the data dir on first run), wait until ready
#   scripts/services.sh stop    [NAME|all]   stop only the processes this script started (by PID)
#   scripts/services.sh status  [NAME|all]   running or stopped, PID, RSS
#   scripts/services.sh check   [NAME|all]   a real smoke test (DDL + query) against a running server
#   scripts/services.sh env     [NAME|all]   export lines: eval "$(scripts/services.sh env)"
#
# NAME: postgres (Debian's PostgreSQL 15, port $PG_PORT) or mariadb (MariaDB 10.11, port $MARIADB_PORT).
# "all" means $SVC_SERVICES (default: "postgres mariadb"). Data lives under $SVC_DIR (default
# /tmp/strata-svc). As root, the servers run as the postgres/mysql system users.
set -euo pipefail
LOG_TAG=services
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SVC_DIR=${SVC_DIR:-/tmp/strata-svc}
read -r -a ALL <<<"${SVC_SERVICES:-postgres mariadb}"
PG_PORT=${PG_PORT:-54910}
PG_PASSWORD=${PG_PASSWORD:-pass}
MARIADB_PORT=${MARIADB_PORT:-54911}
MARIADB_PASSWORD=${MARIADB_PASSWORD:-pass}
PG_BIN=/usr/lib/postgresql/15/bin

# ---------------------------------------------------------------- helpers
# run as a system user when root (servers refuse to run as root), else as ourselves
as_user() { local u=$1; shift; if is_root; then runuser -u "$u" -- "$@"; else "$@"; fi; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
read_pid() { if [ -f "$1" ]; then head -1 "$1" | tr -dc 0-9; fi; }
# alive = exists and is not a zombie (a daemon re-parented to PID 1 may be reaped late)
pid_alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]
}
# a PID is ours only if its command line mentions $SVC_DIR (guards against PID reuse)
pid_is_ours() { pid_alive "$1" && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$SVC_DIR"; }
wait_for() { # wait_for SECONDS CMD...
  local i t=$1; shift
  for ((i = 0; i < t * 5; i++)); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  return 1
}
ensure_port_free() { if port_open "$2"; then die "$1: port $2 is already in use by a process this script did not start"; fi; }
# the postgres/mysql users must be able to reach $SVC_DIR
ensure_traversable() {
  local d=$SVC_DIR
  while [ "$d" != / ]; do
    case "$(stat -c %A "$d" | cut -c10)" in x | t) ;; *) die "$d is not world-traversable; pick another SVC_DIR" ;; esac
    d=$(dirname "$d")
  done
}

# ---------------------------------------------------------------- postgres
pg_pidfile() { echo "$SVC_DIR/postgres/data/postmaster.pid"; }
pg_running() { pid_alive "$(read_pid "$(pg_pidfile)")"; }
pg_ctl() { (cd /tmp && as_user postgres "$PG_BIN/pg_ctl" -D "$SVC_DIR/postgres/data" "$@"); }

install_postgres() { apt_ensure postgresql-15 postgresql-client-15; }

start_postgres() {
  local d=$SVC_DIR/postgres
  if pg_running; then log "postgres: already running"; return 0; fi
  [ -x "$PG_BIN/initdb" ] || die "postgres: $PG_BIN/initdb missing (run: $0 install postgres)"
  ensure_port_free postgres "$PG_PORT"
  mkdir -p "$d"
  if is_root; then ensure_traversable; chown postgres:postgres "$d"; fi
  if [ ! -f "$d/data/PG_VERSION" ]; then
    rm -rf "$d/data"
    printf '%s\n' "$PG_PASSWORD" >"$d/pwfile"
    if is_root; then chown postgres "$d/pwfile"; fi
    # cwd /tmp: the postgres user cannot read root's working directory
    (cd /tmp && as_user postgres "$PG_BIN/initdb" -D "$d/data" -U postgres --pwfile="$d/pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$d/initdb.log" 2>&1) ||
      { cat "$d/initdb.log" >&2; die "postgres: initdb failed"; }
    rm -f "$d/pwfile"
  fi
  pg_ctl -l "$d/server.log" -w -t 60 start -o "-p $PG_PORT -k $d -c listen_addresses=127.0.0.1 \
-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" >/dev/null ||
    { tail -20 "$d/server.log" >&2; die "postgres: start failed"; }
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" || die "postgres: not ready"
}

stop_postgres() {
  if ! pg_running; then log "postgres: not running"; return 0; fi
  pg_ctl -m fast -w -t 60 stop >/dev/null
}

check_postgres() {
  local url="postgresql://postgres@127.0.0.1:$PG_PORT" q=(psql -X -q -v ON_ERROR_STOP=1)
  PGPASSWORD=$PG_PASSWORD "${q[@]}" "$url/postgres?sslmode=disable" \
    -c "DROP DATABASE IF EXISTS svc_check" -c "CREATE DATABASE svc_check" &&
    PGPASSWORD=$PG_PASSWORD "${q[@]}" -At "$url/svc_check?sslmode=disable" \
      -c "CREATE TABLE t (id int PRIMARY KEY, name text UNIQUE)" -c "SELECT version()"
}

pid_postgres() { read_pid "$(pg_pidfile)"; }
env_postgres() {
  echo "export PG_URL='postgres://postgres:$PG_PASSWORD@127.0.0.1:$PG_PORT/postgres?sslmode=disable'"
}

# ---------------------------------------------------------------- mariadb
my_pidfile() { echo "$SVC_DIR/mariadb/mariadbd.pid"; }
my_running() { pid_is_ours "$(read_pid "$(my_pidfile)")"; }

install_mariadb() { apt_ensure mariadb-server mariadb-client; }

start_mariadb() {
  local d=$SVC_DIR/mariadb user=() fresh=0
  if my_running; then log "mariadb: already running"; return 0; fi
  [ -x /usr/sbin/mariadbd ] || die "mariadb: /usr/sbin/mariadbd missing (run: $0 install mariadb)"
  ensure_port_free mariadb "$MARIADB_PORT"
  # a private tmpdir: information_schema queries spill to temporary files there, and a shared /tmp
  # may be cleaned under the server's feet ("Error on delete of '/tmp/#sql-temptable-...'")
  mkdir -p "$d/tmp"
  if is_root; then ensure_traversable; chown mysql:mysql "$d" "$d/tmp"; user=(--user=mysql); fi
  if [ ! -d "$d/data/mysql" ]; then
    rm -rf "$d/data"
    (cd /tmp && mariadb-install-db --no-defaults --datadir="$d/data" "${user[@]}" \
      --auth-root-authentication-method=normal --skip-test-db >"$d/install-db.log" 2>&1) ||
      { cat "$d/install-db.log" >&2; die "mariadb: mariadb-install-db failed"; }
    fresh=1
  fi
  # its own session, so it survives the caller (make, ctest) and no terminal signal reaches it
  setsid nohup /usr/sbin/mariadbd --no-defaults --datadir="$d/data" --socket="$d/mariadbd.sock" \
    --port="$MARIADB_PORT" --bind-address=127.0.0.1 "${user[@]}" --pid-file="$(my_pidfile)" --tmpdir="$d/tmp" \
    --log-error="$d/error.log" --skip-name-resolve --innodb-buffer-pool-size=128M \
    --innodb-flush-log-at-trx-commit=0 --character-set-server=utf8mb4 \
    --collation-server=utf8mb4_general_ci --max-connections=100 >"$d/stdout.log" 2>&1 </dev/null &
  # `mariadb-admin ping` succeeds as soon as the server answers, even when the login is refused
  wait_for 60 mariadb-admin --no-defaults --socket="$d/mariadbd.sock" -uroot ping ||
    { tail -20 "$d/error.log" >&2; die "mariadb: not ready"; }
  wait_for 10 test -s "$(my_pidfile)" || die "mariadb: no pid file"
  if [ "$fresh" = 1 ]; then
    # root@<hostname> is useless under --skip-name-resolve; the other three get a password
    mariadb --no-defaults --socket="$d/mariadbd.sock" -uroot -e "
      ALTER USER 'root'@'localhost' IDENTIFIED BY '$MARIADB_PASSWORD';
      ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '$MARIADB_PASSWORD';
      ALTER USER 'root'@'::1' IDENTIFIED BY '$MARIADB_PASSWORD';
      DROP USER IF EXISTS 'root'@'$(hostname)';
      FLUSH PRIVILEGES;"
  fi
  wait_for 30 mariadb-admin --no-defaults --protocol=tcp -h127.0.0.1 -P"$MARIADB_PORT" -uroot \
    -p"$MARIADB_PASSWORD" ping || die "mariadb: not answering on TCP port $MARIADB_PORT"
}

stop_mariadb() {
  local pid i
  pid=$(read_pid "$(my_pidfile)")
  if ! my_running; then log "mariadb: not running"; return 0; fi
  kill -TERM "$pid"
  for ((i = 0; i < 600; i++)); do pid_alive "$pid" || return 0; sleep 0.1; done
  log "mariadb: PID $pid still alive after 60s, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
}

check_mariadb() {
  mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P"$MARIADB_PORT" -uroot -p"$MARIADB_PASSWORD" -N -e "
    DROP DATABASE IF EXISTS svc_check; CREATE DATABASE svc_check;
    CREATE TABLE svc_check.t (id INT PRIMARY KEY, name VARCHAR(10) UNIQUE) ENGINE=InnoDB;
    SELECT VERSION();"
}

pid_mariadb() { read_pid "$(my_pidfile)"; }
env_mariadb() {
  echo "export MARIADB_URL='mariadb://root:$MARIADB_PASSWORD@127.0.0.1:$MARIADB_PORT/'"
  echo "export MYSQL_URL='mysql://root:$MARIADB_PASSWORD@127.0.0.1:$MARIADB_PORT/'"
  echo "export MYSQL_SOCKET='$SVC_DIR/mariadb/mariadbd.sock'"
}

# ---------------------------------------------------------------- dispatch
usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

# select NAME...: fill SVCS with the named services ("all" or nothing = $SVC_SERVICES)
select_services() {
  local n
  SVCS=()
  if [ $# -eq 0 ] || [ "$1" = all ]; then SVCS=("${ALL[@]}"); fi
  [ $# -gt 0 ] && [ "$1" = all ] && shift
  SVCS+=("$@")
  for n in "${SVCS[@]}"; do
    case "$n" in postgres | mariadb) ;; *) die "unknown service '$n' (postgres, mariadb or all)" ;; esac
  done
}

cmd_status() {
  local n pid rss
  pid=$("pid_$1")
  if pid_alive "$pid"; then
    # the main process plus its direct children (postgres forks its workers)
    rss=$({ ps -o rss= -p "$pid"; ps -o rss= --ppid "$pid" || true; } | awk '{s += $1} END {print int(s / 1024)}')
    printf '%-9s running  pid=%-7s rss=%s MiB\n' "$1" "$pid" "$rss"
  else
    printf '%-9s stopped\n' "$1"
  fi
}

main() {
  local cmd=${1:-} n t0 rc=0
  [ $# -gt 0 ] && shift
  case "$cmd" in install | start | stop | status | check | env) ;; *) usage ;; esac
  select_services "$@"
  if [ "$cmd" = start ]; then mkdir -p "$SVC_DIR"; chmod 755 "$SVC_DIR"; fi
  for n in "${SVCS[@]}"; do
    case "$cmd" in
      install) "install_$n" ;;
      start) t0=$(now); "start_$n"; log "$n: ready ($(elapsed "$t0")s)" ;;
      stop) t0=$(now); "stop_$n"; log "$n: stopped ($(elapsed "$t0")s)" ;;
      status) cmd_status "$n" ;;
      check) if "check_$n"; then log "$n: check ok"; else log "$n: CHECK FAILED"; rc=1; fi ;;
      env) "env_$n" ;;
    esac
  done
  if [ "$cmd" = env ]; then echo "export SVC_DIR='$SVC_DIR'"; fi
  return "$rc"
}

main "$@"
