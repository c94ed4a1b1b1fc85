#!/usr/bin/env bash
# A PostgreSQL + PostGIS cluster of a test's own, which the test may stop and start at will (fault tests).
#   throwaway-postgres.sh init DIR PORT   initdb into DIR/data, start on 127.0.0.1:PORT, create database cg
#   throwaway-postgres.sh start DIR       start it again (same port)
#   throwaway-postgres.sh stop DIR        pg_ctl stop -m fast: clients see their connections cut
#   throwaway-postgres.sh destroy DIR     stop it if running and delete DIR
# As root the cluster belongs to the unprivileged postgres user (initdb refuses root), as in ./cg.
set -euo pipefail

bindir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null && { dirname "$(command -v initdb)"; return 0; }
  echo "no PostgreSQL server binaries (initdb) found" >&2; exit 1
}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cmd="$1" dir="$2"
bin=$(bindir)
case "$cmd" in
  init)
    port="$3"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir" && chmod 700 "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -A trust -U cg -E UTF8 --locale=C.UTF-8 >/dev/null
    echo "$port" | as_pg tee "$dir/port" >/dev/null
    "$0" start "$dir"
    "$bin/psql" -h 127.0.0.1 -p "$port" -U cg -d postgres -qAt -v ON_ERROR_STOP=1 -c "CREATE DATABASE cg" ;;
  start)
    as_pg "$bin/pg_ctl" -D "$dir/data" -w -t 60 -l "$dir/server.log" \
      -o "-p $(cat "$dir/port") -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -w -t 60 -m fast stop >/dev/null ;;
  destroy)
    if [ -f "$dir/data/PG_VERSION" ]; then
      as_pg "$bin/pg_ctl" -D "$dir/data" -w -t 60 -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir" ;;
  *) echo "usage: $0 init DIR PORT | start DIR | stop DIR | destroy DIR" >&2; exit 2 ;;
esac
