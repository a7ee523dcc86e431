#!/bin/sh
# pg-test-cluster.sh: runs a command against a throwaway PostgreSQL cluster.
#
#   scripts/pg-test-cluster.sh CMD [ARGS...]
#
# Creates a cluster in a temporary directory (initdb -E UTF8
# --locale=C.UTF-8: under the C locale pg_trgm drops CJK characters, see
# docs/stack.md trap T2), starts it listening on a Unix socket only (no TCP
# port, so parallel runs cannot collide), creates the database "gk", runs
# CMD with GK_TEST_PG_DSN set to its URL, then stops the cluster and removes
# the directory whatever CMD did. Exits with CMD's status.
#
# initdb refuses to run as root, so as root the server runs as the
# "postgres" OS user (runuser); as any other user it runs as that user.
# When the PostgreSQL server binaries are missing, CMD runs without
# GK_TEST_PG_DSN (the PostgreSQL tests then report SKIP with the reason),
# unless GK_PG_REQUIRED=1, which makes that an error (exit 3).
#
# Environment: PG_BINDIR overrides `pg_config --bindir`; GK_PG_KEEP_LOG=1
# prints the server log on exit.
set -eu

if [ $# -eq 0 ]; then
    echo "usage: $0 CMD [ARGS...]   (runs CMD with GK_TEST_PG_DSN set)" >&2
    exit 2
fi

bindir=${PG_BINDIR:-$(pg_config --bindir 2>/dev/null || true)}
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ] || [ ! -x "$bindir/pg_ctl" ]; then
    # Debian's pg_config may come from libpq-dev and point elsewhere.
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && bindir=$d
    done
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    if [ "${GK_PG_REQUIRED:-0}" = 1 ]; then
        echo "pg-test-cluster: PostgreSQL server binaries (initdb) not found" >&2
        exit 3
    fi
    echo "pg-test-cluster: initdb not found; running without GK_TEST_PG_DSN (PostgreSQL tests will SKIP)" >&2
    exec "$@"
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/gk-pg.XXXXXX")
chmod 755 "$dir"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir"
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi

cleanup() {
    as_pg "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    if [ "${GK_PG_KEEP_LOG:-0}" = 1 ] && [ -f "$dir/log" ]; then
        cat "$dir/log" >&2
    fi
    rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

as_pg "$bindir/initdb" -D "$dir/data" -A trust -U gk -E UTF8 --locale=C.UTF-8 -N >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; echo "pg-test-cluster: initdb failed" >&2; exit 3; }
# fsync off: a throwaway cluster need not survive a crash of the machine.
as_pg "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 \
    -o "-c listen_addresses='' -k $dir -p 5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
    start >/dev/null ||
    { cat "$dir/log" >&2; echo "pg-test-cluster: server did not start" >&2; exit 3; }
"$bindir/psql" -X -q -h "$dir" -p 5432 -U gk -d postgres -c 'CREATE DATABASE gk' >/dev/null

GK_TEST_PG_DSN="postgresql://gk@/gk?host=$dir&port=5432"
export GK_TEST_PG_DSN
echo "pg-test-cluster: GK_TEST_PG_DSN=$GK_TEST_PG_DSN" >&2
set +e
"$@"
rc=$?
exit $rc
