#!/bin/sh
# gongkai serve on 127.0.0.1 with a free port: public pages with the
# security headers, the check API, staff login with CSRF and session
# cookie, the body cap, a slow request cut off, and a graceful stop on
# SIGTERM (exit 0). Also gongkai user add and its refusals.
set -eu
T=$(mktemp -d)
PID=
cleanup() {
    if [ -n "$PID" ]; then kill -9 "$PID" 2>/dev/null || true; fi
    rm -rf "$T"
}
trap cleanup EXIT
DB="$T/g.db"
S="$GK_SOURCE_DIR/tests/resources/seed-2024.json"
fail() { echo "FAIL: $*"; echo "--- server stderr"; cat "$T/err" 2>/dev/null || true; exit 1; }

# --- gongkai user add (accounts live in the store: init first)
rc=0; printf 'correct horse\n' | "$GONGKAI" user add admin --role admin --password-stdin --db "$DB" 2>/dev/null || rc=$?
[ "$rc" = 4 ] || fail "user add on a missing database: exit $rc"
"$GONGKAI" init --db "$DB" >/dev/null || fail "init"
printf 'correct horse\n' | "$GONGKAI" user add admin --role 管理员 --password-stdin --db "$DB" >"$T/u"
grep -q "已创建用户 admin（管理员）" "$T/u" || fail "user add output"
rc=0; printf 'correct horse\n' | "$GONGKAI" user add admin --role admin --password-stdin --db "$DB" 2>"$T/u2" || rc=$?
[ "$rc" = 2 ] || fail "duplicate user: exit $rc"
grep -q "已存在" "$T/u2" || fail "duplicate user message"
rc=0; printf 'correct horse\n' | "$GONGKAI" user add x --role root --password-stdin --db "$DB" 2>/dev/null || rc=$?
[ "$rc" = 2 ] || fail "bad role: exit $rc"
rc=0; printf 'correct horse\n' | "$GONGKAI" user add x --role 承办人 --password-stdin --db "$DB" 2>/dev/null || rc=$?
[ "$rc" = 2 ] || fail "handler without agency: exit $rc"

# --- start on a free port
"$GONGKAI" serve --listen 127.0.0.1:0 --db "$DB" --timeout 2 --max-body 65536 >"$T/out" 2>"$T/err" &
PID=$!
i=0
while ! grep -q "正在监听" "$T/out" 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 100 ] || fail "server did not start"
    sleep 0.1
done
PORT=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$T/out")
[ -n "$PORT" ] || fail "no port in: $(cat "$T/out")"
U="http://127.0.0.1:$PORT"

# --- public pages and headers
for p in / /guide /check /report /login; do
    code=$(curl -s -o "$T/page" -w '%{http_code}' "$U$p")
    [ "$code" = 200 ] || fail "GET $p: $code"
    grep -q '<html lang="zh-CN">' "$T/page" || fail "GET $p: not our page"
done
curl -s -D "$T/h" -o /dev/null "$U/"
grep -qi "^content-security-policy: default-src 'self'; script-src 'self'" "$T/h" || fail "CSP"
grep -qi "frame-ancestors 'none'" "$T/h" || fail "frame-ancestors"
grep -qi "^x-content-type-options: nosniff" "$T/h" || fail "nosniff"
grep -qi "^referrer-policy: same-origin" "$T/h" || fail "referrer-policy"
code=$(curl -s -o "$T/css" -w '%{http_code} %{content_type}' "$U/static/app.css")
[ "$code" = "200 text/css; charset=utf-8" ] || fail "css: $code"
cmp -s "$T/css" "$GK_SOURCE_DIR/web/static/app.css" || fail "css bytes"
code=$(curl -s -o /dev/null -w '%{http_code}' "$U/nothing-here")
[ "$code" = 404 ] || fail "404: $code"

# --- the check API on the seed report
code=$(curl -s -o "$T/f.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary @"$S" "$U/api/v1/check")
[ "$code" = 200 ] || fail "check: $code"
grep -q '"schema": "gongkai.findings/1"' "$T/f.json" || fail "findings schema"
grep -q 'NARR.T3_RECEIVED' "$T/f.json" || fail "seed finding"

# --- body cap: refused with 413 before the body is read
head -c 100000 /dev/zero | tr '\0' 'a' >"$T/big"
code=$(curl -s -o "$T/r413" -w '%{http_code}' --data-binary @"$T/big" "$U/api/v1/check")
[ "$code" = 413 ] || fail "oversized body: $code"

# --- staff login: CSRF token from the form, session cookie, logout
curl -s -c "$T/jar" -o "$T/login" "$U/login"
CSRF=$(sed -n 's|.*name="_csrf" value="\([A-Za-z0-9_-]*\)".*|\1|p' "$T/login" | head -1)
[ -n "$CSRF" ] || fail "no csrf token in the login form"
code=$(curl -s -b "$T/jar" -c "$T/jar" -o /dev/null -w '%{http_code}' \
    --data-urlencode "name=admin" --data-urlencode "password=correct horse" "$U/login")
[ "$code" = 403 ] || fail "login without CSRF token: $code"
code=$(curl -s -b "$T/jar" -c "$T/jar" -o /dev/null -w '%{http_code}' -D "$T/lh" \
    --data-urlencode "_csrf=$CSRF" --data-urlencode "name=admin" \
    --data-urlencode "password=correct horse" "$U/login")
[ "$code" = 303 ] || fail "login: $code"
grep -qi '^set-cookie: gk_sid=.*HttpOnly; SameSite=Strict' "$T/lh" || fail "session cookie flags"
code=$(curl -s -b "$T/jar" -o "$T/staff" -w '%{http_code}' "$U/staff")
[ "$code" = 200 ] || fail "staff page: $code"
grep -q 'admin（管理员，全部机关）' "$T/staff" || fail "staff page content"
code=$(curl -s -o /dev/null -w '%{http_code}' "$U/api/v1/me")
[ "$code" = 401 ] || fail "me without session: $code"

# --- a slow client is cut off by the connection timeout (2 s)
python3 - "$PORT" <<'PY' || fail "slow request not cut off"
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")   # headers never finished
s.settimeout(10)
t = time.time()
try:
    data = s.recv(100)
except OSError:
    data = b""
assert data == b"" and time.time() - t < 8, (data, time.time() - t)
PY

# --- graceful stop
kill -TERM "$PID"
rc=0; wait "$PID" || rc=$?
PID=
[ "$rc" = 0 ] || fail "serve exit $rc after SIGTERM"
grep -q "正在停止" "$T/err" || fail "no stop message"
echo ok
