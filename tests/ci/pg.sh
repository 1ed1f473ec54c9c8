#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback (127.0.0.1 and ::1), for CI:
#   pg.sh start DIR PORT   → initdb into DIR, start, create the database "gongkai"
#   pg.sh stop DIR         → stop and remove DIR
# Trust authentication is safe only because it listens on loopback and lives minutes.
set -euo pipefail
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
action=$1 dir=$2
as_owner() {  # initdb refuses to run as root
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case $action in
start)
    port=$3
    rm -rf "$dir" && mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    as_owner "$BIN/initdb" -D "$dir/data" -U gongkai --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log"
    # fsync off: a test cluster's data need not survive a power cut.
    as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
        "-p $port -k $dir -c listen_addresses='127.0.0.1,::1' -c fsync=off \
         -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
    "$BIN/createdb" -h 127.0.0.1 -p "$port" -U gongkai gongkai
    echo "postgresql: 127.0.0.1:$port and [::1]:$port ($dir)"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: pg.sh start DIR PORT | pg.sh stop DIR" >&2; exit 2 ;;
esac
