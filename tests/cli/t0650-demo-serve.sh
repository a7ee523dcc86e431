#!/bin/sh
# gongkai demo fills a database (agency tree, an account per role, cases
# of two years), refuses to overwrite it, and gongkai serve then shows a
# living system: the apply form lists the agencies, an application gets a
# tracking code and a status, the staff dashboard, case list, case page
# and the annual report answer for a signed-in 承办人, and an action on a
# case goes through with the CSRF token. GK_TODAY fixes the date.
set -eu
T=$(mktemp -d)
PID=
cleanup() {
    if [ -n "$PID" ]; then kill -9 "$PID" 2>/dev/null || true; fi
    rm -rf "$T"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- server stderr"; cat "$T/err" 2>/dev/null || true; exit 1; }
export GK_TODAY=2026-06-15
DB="$T/demo.db"

# --- demo
printf 'demo-password\n' | "$GONGKAI" demo --db "$DB" --password-stdin --seed 7 >"$T/demo" \
    || fail "demo: exit $?"
grep -q "已创建演示数据库" "$T/demo" || fail "demo output: $(cat "$T/demo")"
grep -q "chengban" "$T/demo" || fail "no handler account listed"
grep -q "demo-password" "$T/demo" && fail "the stdin password was echoed"
rc=0; printf 'demo-password\n' | "$GONGKAI" demo --db "$DB" --password-stdin >/dev/null 2>"$T/again" || rc=$?
[ "$rc" = 2 ] || fail "demo over an existing database: exit $rc"
grep -q "已有数据" "$T/again" || fail "refusal message"
"$GONGKAI" demo --help | grep -q -- "--password-stdin" || fail "demo --help"
# Same seed, same day: the same numbers.
printf 'demo-password\n' | "$GONGKAI" demo --db "$T/demo2.db" --password-stdin --seed 7 >"$T/demo2"
[ "$(sed -n 2p "$T/demo")" = "$(sed -n 2p "$T/demo2")" ] || fail "demo not reproducible"
# Last year's report from the registers balances (T3 checks pass).
"$GONGKAI" report --year 2025 --db "$DB" --to json -o "$T/r.json" 2>"$T/rerr" || fail "report: $(cat "$T/rerr")"
grep -q '"CARRIED_OUT"' "$T/r.json" || fail "report JSON"

# --- serve
"$GONGKAI" serve --listen 127.0.0.1:0 --db "$DB" --timeout 5 >"$T/out" 2>"$T/err" &
PID=$!
i=0
while ! grep -q "正在监听" "$T/out" 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 100 ] || fail "server did not start"
    sleep 0.1
done
PORT=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$T/out")
U="http://127.0.0.1:$PORT"

# --- public: the form, an application, its status
curl -s -c "$T/anon" -o "$T/apply" "$U/apply"
grep -q "某某区教育局" "$T/apply" || fail "apply form without the agencies"
CSRF=$(sed -n 's|.*name="_csrf" value="\([A-Za-z0-9_-]*\)".*|\1|p' "$T/apply" | head -1)
[ -n "$CSRF" ] || fail "no csrf token in the apply form"
post_apply() {
    curl -s -b "$T/anon" -o "$T/done" -w '%{http_code}' --data-urlencode "_csrf=$1" \
        --data-urlencode agency=QJYJ --data-urlencode applicant_type=NATURAL \
        --data-urlencode "applicant=测试申请人" --data-urlencode id_type=ID_CARD \
        --data-urlencode id_number=11010519491231002X --data-urlencode phone=13800138000 \
        --data-urlencode "title=2026年招生计划" --data-urlencode method=ELECTRONIC \
        --data-urlencode route=EMAIL --data-urlencode email=a@example.cn "$U/apply"
}
code=$(post_apply "")
[ "$code" = 403 ] || fail "apply without CSRF: $code"
code=$(post_apply "$CSRF")
[ "$code" = 200 ] || fail "apply: $code"
CODE=$(sed -n 's|.*<strong class="code">\([A-Z2-9]*\)</strong>.*|\1|p' "$T/done")
[ ${#CODE} = 12 ] || fail "no tracking code: $(cat "$T/done")"
grep -q "2026-06-15" "$T/done" || fail "receipt date is not the submission day"
curl -s -o "$T/st" "$U/api/v1/status/$CODE"
grep -q '"state": "RECEIVED"' "$T/st" || fail "status: $(cat "$T/st")"
grep -q '测试申请人' "$T/st" && fail "status shows the applicant"

# --- staff: login as the demo 承办人
curl -s -c "$T/jar" -o "$T/login" "$U/login"
LC=$(sed -n 's|.*name="_csrf" value="\([A-Za-z0-9_-]*\)".*|\1|p' "$T/login" | head -1)
code=$(curl -s -b "$T/jar" -c "$T/jar" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$LC" \
    --data-urlencode name=chengban --data-urlencode password=demo-password "$U/login")
[ "$code" = 303 ] || fail "login: $code"
for p in /staff /staff/dashboard "/staff/cases?state=open" "/staff/reports?year=2025" "/staff/cases/$CODE"; do
    code=$(curl -s -b "$T/jar" -o "$T/page" -w '%{http_code}' "$U$p")
    [ "$code" = 200 ] || fail "GET $p: $code"
done
grep -q "测试申请人" "$T/page" || fail "case page without the applicant"
curl -s -b "$T/jar" -o "$T/list" "$U/staff/cases"
grep -q "测试申请人" "$T/list" && fail "list shows the full name"
grep -qF '测****' "$T/list" || fail "masked name"
curl -s -b "$T/jar" -o "$T/dash" "$U/api/v1/dashboard"
grep -q '"overdue_count"' "$T/dash" || fail "dashboard API"
code=$(curl -s -b "$T/jar" -o "$T/x.xlsx" -w '%{http_code}' "$U/staff/reports/download?year=2025&format=xlsx")
[ "$code" = 200 ] || fail "xlsx download: $code"
[ "$(head -c 2 "$T/x.xlsx")" = PK ] || fail "xlsx is not a zip"

# --- an action with the session's token; the public status follows
SC=$(curl -s -b "$T/jar" "$U/api/v1/me" | sed -n 's|.*"csrf": "\([A-Za-z0-9_-]*\)".*|\1|p')
code=$(curl -s -b "$T/jar" -o /dev/null -w '%{http_code}' --data-urlencode date=2026-06-15 \
    "$U/staff/cases/$CODE/accept")
[ "$code" = 403 ] || fail "action without CSRF: $code"
code=$(curl -s -b "$T/jar" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$SC" \
    --data-urlencode date=2026-06-15 "$U/staff/cases/$CODE/accept")
[ "$code" = 303 ] || fail "accept: $code"
curl -s -o "$T/st" "$U/api/v1/status/$CODE"
grep -q '"state": "IN_PROGRESS"' "$T/st" || fail "status after accept: $(cat "$T/st")"
# Another agency's case is refused to this 承办人 (QJYJ).
OTHER=$("$GONGKAI" case list --agency QZJJ --db "$DB" | head -1 | cut -f1)
code=$(curl -s -b "$T/jar" -o /dev/null -w '%{http_code}' "$U/staff/cases/$OTHER")
[ "$code" = 403 ] || fail "other agency's case: $code"

kill -TERM "$PID"
wait "$PID" || fail "serve exit $?"
PID=
echo "ok"
