#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `start DIR` runs initdb in DIR and starts the
# server on a Unix socket in DIR only (no TCP port); `stop DIR` stops it (immediately if a
# fast stop hangs) and removes DIR. ctest runs stop as a fixture cleanup, so it runs even when
# tests fail. As root, the server runs as the postgres user (initdb refuses root).
# Usage: cluster.sh start|stop|restart-immediate DIR
set -euo pipefail
cmd="$1"; dir="$2"
bin=/usr/lib/postgresql/15/bin
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
stop() {
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
}
start_server() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c max_connections=64 -c fsync=on" start >/dev/null
}
case "$cmd" in
  start)
    stop
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log"; exit 1; }
    start_server
    echo "cluster: started in $dir"
    ;;
  restart-immediate)   # a crash of the server: no shutdown checkpoint, WAL replay on start
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null
    start_server
    ;;
  stop)
    stop
    rm -rf "$dir"
    echo "cluster: stopped and removed $dir"
    ;;
  *) echo "usage: $0 start|stop|restart-immediate DIR" >&2; exit 2 ;;
esac
