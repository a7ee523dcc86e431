#!/bin/sh
# gongkai init: creates and migrates the registers' database; other
# commands refuse a missing or un-initialised database (exit 4); the
# PostgreSQL DSN selects its backend (or says it is not built).
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$GONGKAI" init --help | grep -q '用法: gongkai init' || fail "init --help"
out=$("$GONGKAI" init --db "$T/a.db") || fail "init"
# the latest schema version grows with every migration: read it, don't pin it
echo "$out" | grep -Eq '从版本 0 升级到 [1-9][0-9]*' || fail "first init: $out"
out=$("$GONGKAI" init --db "$T/a.db") || fail "second init"
echo "$out" | grep -q '已是最新结构' || fail "second init: $out"
"$GONGKAI" init --dsn "sqlite:$T/b.db" >/dev/null || fail "sqlite: DSN"
[ -f "$T/b.db" ] || fail "sqlite: DSN did not create the file"

"$GONGKAI" verify --db "$T/missing.db" 2>/dev/null; rc=$?
[ $rc -eq 4 ] || fail "missing database: exit $rc, want 4"
[ ! -f "$T/missing.db" ] || fail "a command other than init created the database"

sqlite3 "$T/c.db" 'CREATE TABLE x(y)' 2>/dev/null || : > "$T/c.db"
"$GONGKAI" verify --db "$T/c.db" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "un-initialised database: exit $rc, want 2"
grep -q 'gongkai init' "$T/err" || fail "no hint to run init: $(cat "$T/err")"

# Port 1: refused whether or not the PostgreSQL backend is built in
# (t0550-pg-*.sh run the built one against a real server).
"$GONGKAI" init --dsn postgresql://localhost:1/gk 2>"$T/err"; rc=$?
[ $rc -eq 4 ] || fail "postgresql: exit $rc, want 4"
grep -Eq 'PostgreSQL backend not built|无法连接 PostgreSQL（主机 localhost，端口 1）' "$T/err" ||
    fail "postgresql message: $(cat "$T/err")"
echo ok
