#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the store tests.
#
#   scripts/postgres.sh start    install Debian's postgresql if needed, start the server (if not running) and print
#                                its connection string: export ONEDIGITAL_TEST_POSTGRES="$(scripts/postgres.sh start)"
#   scripts/postgres.sh url      print the connection string of the running server
#   scripts/postgres.sh status   exit 0 when it runs
#   scripts/postgres.sh stop     stop it (its files stay for the next start)
#   scripts/postgres.sh destroy  stop it and delete its files
#
# The cluster lives in $ONEDIGITAL_PG_DIR (default: /tmp/onedigital-postgres), listens on 127.0.0.1 only, on port
# $ONEDIGITAL_PG_PORT (default 55432, or the next free one), trusts local connections and trades durability for
# speed (fsync off): test data only. Only the connection string goes to stdout.
set -euo pipefail

root="${ONEDIGITAL_PG_DIR:-${TMPDIR:-/tmp}/onedigital-postgres}"
data="$root/data"
preferred_port="${ONEDIGITAL_PG_PORT:-55432}"
database=onedigital_test

log() { echo "postgres.sh: $*" >&2; }

bindir() {
  local dir
  dir="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; fi
}

install_postgres() {
  if [ -n "$(bindir)" ]; then return; fi
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and only root can install it: apt-get install postgresql"
    exit 1
  fi
  log "installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  if [ -z "$(bindir)" ]; then
    log "postgresql installed but no initdb under /usr/lib/postgresql/*/bin"
    exit 1
  fi
}

# initdb and postgres refuse to run as root: as root, run them as the postgres user the package created.
# The server must not inherit the lock's descriptor, or it would hold the lock for as long as it runs.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@" 9>&-)
  else
    (cd / && "$@" 9>&-)
  fi
}

# Running means answering on its port: after a machine's processes were killed, a postmaster.pid can outlive the
# server, and its PID can even belong to another process by now.
running() {
  [ -f "$data/PG_VERSION" ] && [ -f "$root/port" ] \
    && as_owner "$(bindir)/pg_ctl" -D "$data" status >/dev/null 2>&1 \
    && "$(bindir)/pg_isready" -q -h 127.0.0.1 -p "$(cat "$root/port")" -t 5
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

url() { echo "Host=127.0.0.1;Port=$(cat "$root/port");Username=postgres;Database=$database"; }

init_cluster() {
  log "creating a cluster in $data"
  mkdir -p "$root/run"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$root"; fi
  as_owner "$(bindir)/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$root/initdb.log" 2>&1 \
    || { cat "$root/initdb.log" >&2; exit 1; }
  cat >>"$data/postgresql.conf" <<EOF
# scripts/postgres.sh: a throwaway test server
listen_addresses = '127.0.0.1'
unix_socket_directories = '$root/run'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

start() {
  install_postgres
  if running; then url; return; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$data"
    init_cluster
  elif [ -f "$data/postmaster.pid" ]; then
    # Not answering on its port, so the PID that file names is no server of ours (never signal it: after a
    # restart it can be anyone's process). Postgres refuses to start while the file names a live process.
    rm -f "$data/postmaster.pid"
  fi
  local port="$preferred_port"
  while port_in_use "$port"; do
    port=$((port + 1))
    if [ "$port" -gt $((preferred_port + 100)) ]; then log "no free port from $preferred_port on"; exit 1; fi
  done
  echo "$port" >"$root/port"
  log "starting on 127.0.0.1:$port (log: $root/server.log)"
  touch "$root/server.log"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$root/server.log" "$root/port"; fi
  as_owner "$(bindir)/pg_ctl" -D "$data" -l "$root/server.log" -w -t 120 -o "-p $port" start >&2 \
    || { tail -n 20 "$root/server.log" >&2; exit 1; }
  as_owner "$(bindir)/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtAc \
    "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
    || as_owner "$(bindir)/createdb" -h 127.0.0.1 -p "$port" -U postgres "$database"
  url
}

stop() {
  if running; then
    log "stopping"
    as_owner "$(bindir)/pg_ctl" -D "$data" -m fast -w stop >&2
  fi
}

# One caller at a time: two test runs starting together must not both initialise the cluster.
mkdir -p "$(dirname "$root")"
exec 9>"$root.lock"
flock 9

case "${1:-start}" in
  start) start ;;
  url) running && url ;;
  status) running ;;
  stop) stop ;;
  destroy) stop; rm -rf "$root" "$root.lock" ;;
  *) echo "usage: scripts/postgres.sh start|url|status|stop|destroy" >&2; exit 2 ;;
esac
