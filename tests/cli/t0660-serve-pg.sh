#!/bin/sh
# gongkai serve on PostgreSQL (--dsn postgresql://…): init, demo and user
# add on the DSN, then the server: login with the form's CSRF token, the
# dashboard, a public status lookup; the session is in the database (only
# the BLAKE2b-256 hash of the cookie token), so after a restart of the
# server the same cookie still works; logout ends it. Accounts are in the
# audit trail without their password hashes. Needs GK_TEST_PG_DSN (see
# scripts/pg-test-cluster.sh); without it the test prints SKIP and passes.
set -u
if [ -z "${GK_TEST_PG_DSN:-}" ]; then
    echo "SKIP: GK_TEST_PG_DSN unset (run under scripts/pg-test-cluster.sh)"
    exit 0
fi
for c in psql curl; do
    command -v $c >/dev/null || { echo "SKIP: $c not installed"; exit 0; }
done

# A schema of our own, so parallel tests on the same database do not meet.
S=gk_t0660_$$
T=$(mktemp -d)
PID=
cleanup() {
    if [ -n "$PID" ]; then kill -9 "$PID" 2>/dev/null || true; fi
    psql -X -q "$GK_TEST_PG_DSN" -c "DROP SCHEMA IF EXISTS $S CASCADE" >/dev/null 2>&1
    rm -rf "$T"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- server stderr"; cat "$T/err" 2>/dev/null || true; exit 1; }
case $GK_TEST_PG_DSN in *\?*) sep='&' ;; *) sep='?' ;; esac
D="$GK_TEST_PG_DSN${sep}options=-csearch_path%3D$S"
psql -X -q "$GK_TEST_PG_DSN" -c "CREATE SCHEMA $S" >/dev/null || fail "create schema"
Q() { psql -X -q -tA -v ON_ERROR_STOP=1 "$D" -c "$1"; }
export GK_TODAY=2026-06-15

# --- the database: init, demo, one more account
"$GONGKAI" init --dsn "$D" >/dev/null || fail "init"
printf 'demo-password\n' | "$GONGKAI" demo --dsn "$D" --password-stdin --seed 7 >"$T/demo" 2>&1 ||
    fail "demo: $(cat "$T/demo")"
grep -q "已创建演示数据库" "$T/demo" || fail "demo output: $(cat "$T/demo")"
grep -q "postgresql://" "$T/demo" && fail "demo echoed the DSN"
printf 'pg-password-1\n' | "$GONGKAI" user add pgadmin --role 管理员 --password-stdin --dsn "$D" \
    --actor 测试管理员 >"$T/u" || fail "user add"
grep -q "已创建用户 pgadmin（管理员）" "$T/u" || fail "user add output: $(cat "$T/u")"
rc=0; printf 'pg-password-1\n' | "$GONGKAI" user add pgadmin --role 管理员 --password-stdin \
    --dsn "$D" 2>"$T/u2" || rc=$?
[ "$rc" = 2 ] || fail "duplicate user: exit $rc"
grep -q "已存在" "$T/u2" || fail "duplicate user message: $(cat "$T/u2")"
rc=0; printf 'pg-password-1\n' | "$GONGKAI" user add x --role admin --password-stdin --db "$T/a.db" \
    --dsn "$D" 2>/dev/null || rc=$?
[ "$rc" = 2 ] || fail "--db with --dsn: exit $rc"
[ "$(Q "SELECT count(*) FROM users")" -ge 7 ] || fail "accounts: $(Q "SELECT name FROM users")"
[ "$(Q "SELECT actor FROM events WHERE entity = 'user' ORDER BY id DESC LIMIT 1")" = 测试管理员 ] ||
    fail "user add not audited with the actor"
[ "$(Q "SELECT count(*) FROM events WHERE before LIKE '%argon2id%' OR after LIKE '%argon2id%'")" = 0 ] ||
    fail "a password hash in the audit trail"
"$GONGKAI" verify --dsn "$D" >/dev/null || fail "verify"
CODE=$("$GONGKAI" case list --open --dsn "$D" | awk 'NR == 1 {print $1}')
[ -n "$CODE" ] || fail "no open case"

# --- the server (the store is checked before listening)
rc=0; "$GONGKAI" serve --listen 127.0.0.1:0 --dsn "postgresql://gk@/nosuchdb?host=$T" \
    >/dev/null 2>"$T/bad" || rc=$?
[ "$rc" = 4 ] || fail "serve on an unreachable DSN: exit $rc"
grep -q "无法连接 PostgreSQL" "$T/bad" || fail "unreachable message: $(cat "$T/bad")"
start() {
    rm -f "$T/out" # the old server's line must not be read as the new one's
    "$GONGKAI" serve --listen 127.0.0.1:0 --dsn "$D" --threads 2 --timeout 5 >"$T/out" 2>"$T/err" &
    PID=$!
    i=0
    while ! grep -q "正在监听" "$T/out" 2>/dev/null; do
        i=$((i + 1)); [ $i -lt 100 ] || fail "server did not start"
        kill -0 "$PID" 2>/dev/null || fail "server exited"
        sleep 0.1
    done
    PORT=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$T/out")
    U="http://127.0.0.1:$PORT"
}
stop() {
    kill -TERM "$PID"
    wait "$PID" || fail "serve exit $? after SIGTERM"
    PID=
}
start

# --- login with the CSRF token of the form
curl -s -c "$T/jar" -o "$T/login" "$U/login"
LC=$(sed -n 's|.*name="_csrf" value="\([A-Za-z0-9_-]*\)".*|\1|p' "$T/login" | head -1)
[ -n "$LC" ] || fail "no CSRF token in the login form"
code=$(curl -s -b "$T/jar" -c "$T/jar" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$LC" \
    --data-urlencode name=pgadmin --data-urlencode password=wrong-password "$U/login")
[ "$code" = 401 ] || fail "wrong password: $code"
code=$(curl -s -b "$T/jar" -c "$T/jar" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$LC" \
    --data-urlencode name=pgadmin --data-urlencode password=pg-password-1 "$U/login")
[ "$code" = 303 ] || fail "login: $code"
SID=$(awk '$6 == "gk_sid" {print $7}' "$T/jar")
[ ${#SID} = 43 ] || fail "session cookie: '$SID'"
code=$(curl -s -b "$T/jar" -o "$T/dash" -w '%{http_code}' "$U/staff/dashboard")
[ "$code" = 200 ] || fail "dashboard: $code"
grep -q "pgadmin" "$T/dash" || fail "dashboard without the user"
code=$(curl -s -o "$T/st" -w '%{http_code}' "$U/api/v1/status/$CODE")
[ "$code" = 200 ] || fail "status lookup: $code"
grep -q '"state"' "$T/st" || fail "status: $(cat "$T/st")"

# Only the hash of the token is stored.
[ "$(Q "SELECT count(*) FROM sessions WHERE token_hash = '$SID' OR csrf = '$SID'")" = 0 ] ||
    fail "the cookie token is stored in clear"
if command -v b2sum >/dev/null; then
    H=$(printf %s "$SID" | b2sum -l 256 | cut -d' ' -f1)
    [ "$(Q "SELECT user_name FROM sessions WHERE token_hash = '$H'")" = pgadmin ] ||
        fail "no session row under the BLAKE2b-256 of the token"
fi

# --- restart: the same cookie still works
stop
start
code=$(curl -s -b "$T/jar" -o "$T/me" -w '%{http_code}' "$U/api/v1/me")
[ "$code" = 200 ] || fail "session after restart: $code"
grep -q '"name": "pgadmin"' "$T/me" || fail "me after restart: $(cat "$T/me")"
code=$(curl -s -b "$T/jar" -o /dev/null -w '%{http_code}' "$U/staff/dashboard")
[ "$code" = 200 ] || fail "dashboard after restart: $code"

# --- logout ends it (on this server and in the database)
SC=$(sed -n 's|.*"csrf": "\([A-Za-z0-9_-]*\)".*|\1|p' "$T/me")
code=$(curl -s -b "$T/jar" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$SC" "$U/logout")
[ "$code" = 303 ] || fail "logout: $code"
code=$(curl -s -H "Cookie: gk_sid=$SID" -o /dev/null -w '%{http_code}' "$U/api/v1/me")
[ "$code" = 401 ] || fail "session after logout: $code"
[ "$(Q "SELECT count(*) FROM sessions WHERE user_name = 'pgadmin'")" = 0 ] || fail "session row kept"
stop
echo ok
