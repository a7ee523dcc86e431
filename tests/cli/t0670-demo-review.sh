#!/bin/sh
# The catalogue's three-level review end to end over HTTP on the demo
# database: gongkai demo leaves 区教育局 items in every review state; the
# 负责人 (fuze) is refused the 终审 of the item holding an ID number until
# 脱敏, then publishes it and the public catalogue shows it (and never an
# item still under review); the 审核人 may not take the 终审; the
# district's 督查 (quducha) sees the five agencies summed. GK_TODAY fixes
# the date.
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
printf 'demo-password\n' | "$GONGKAI" demo --db "$DB" --password-stdin --seed 7 >"$T/demo" \
    || fail "demo: exit $?"
grep -q "quducha" "$T/demo" || fail "no supervisor of the district listed"

"$GONGKAI" serve --listen 127.0.0.1:0 --db "$DB" --timeout 5 >"$T/out" 2>"$T/err" &
PID=$!
i=0
while ! grep -q "正在监听" "$T/out" 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 100 ] || fail "server did not start"
    sleep 0.1
done
PORT=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$T/out")
U="http://127.0.0.1:$PORT"

# login NAME: a session in $T/NAME.jar, its CSRF token in $T/NAME.csrf
login() {
    curl -s -c "$T/$1.jar" -o "$T/login" "$U/login"
    LC=$(sed -n 's|.*name="_csrf" value="\([A-Za-z0-9_-]*\)".*|\1|p' "$T/login" | head -1)
    code=$(curl -s -b "$T/$1.jar" -c "$T/$1.jar" -o /dev/null -w '%{http_code}' \
        --data-urlencode "_csrf=$LC" --data-urlencode "name=$1" \
        --data-urlencode password=demo-password "$U/login")
    [ "$code" = 303 ] || fail "login $1: $code"
    curl -s -b "$T/$1.jar" "$U/api/v1/me" | sed -n 's|.*"csrf": "\([A-Za-z0-9_-]*\)".*|\1|p' >"$T/$1.csrf"
    [ -s "$T/$1.csrf" ] || fail "no csrf for $1"
}
# post NAME PATH [ARGS…]: prints the status; the body in $T/post
post() {
    who=$1; path=$2; shift 2
    curl -s -b "$T/$who.jar" -o "$T/post" -w '%{http_code}' \
        --data-urlencode "_csrf=$(cat "$T/$who.csrf")" "$@" "$U$path"
}
count() { # count STATE: the queue's count of that state
    # (Jansson sorts the keys: "count" is the line before "key")
    grep -B1 "\"key\": \"$1\"" "$T/q" | sed -n 's|.*"count": \([0-9]*\).*|\1|p' | head -1
}

login fuze
curl -s -b "$T/fuze.jar" -o "$T/q" "$U/api/v1/publish?state=FINAL"
for s in FIRST SECOND FINAL; do
    [ "$(count $s)" = 1 ] || fail "queue $s: $(count $s)"
done
[ "$(count PUBLISHED)" -ge 1 ] || fail "no published item"
[ "$(count DRAFT)" -ge 2 ] || fail "drafts: $(count DRAFT)"
ID=$(sed -n 's|^ *"id": \([0-9]*\),*$|\1|p' "$T/q" | head -1)
[ -n "$ID" ] || fail "no item waiting for the 终审: $(cat "$T/q")"
grep -q "教师资格认定结果公示" "$T/q" || fail "the 待终审 item: $(cat "$T/q")"

# Not public while under review.
curl -s -o "$T/pub" "$U/api/v1/catalogue?q=%E6%95%99%E5%B8%88%E8%B5%84%E6%A0%BC"
grep -q "教师资格认定结果公示" "$T/pub" && fail "an item under review is public"

# The 审核人 may not take the 终审.
login shenhe
code=$(post shenhe "/api/v1/publish/$ID/final" --data-urlencode decision=pass)
[ "$code" = 403 ] || fail "终审 by a 审核人: $code"

# The gate, 脱敏, publication.
code=$(post fuze "/api/v1/publish/$ID/final" --data-urlencode decision=pass)
[ "$code" = 409 ] || fail "终审 with an ID number: $code $(cat "$T/post")"
curl -s -b "$T/fuze.jar" -o "$T/item" "$U/staff/publish/$ID"
grep -q '<mark class="hit blocking" title="居民身份证号">110105198503071230</mark>' "$T/item" \
    || fail "the finding is not highlighted in context"
code=$(post fuze "/api/v1/publish/$ID/mask")
[ "$code" = 200 ] || fail "脱敏: $code $(cat "$T/post")"
grep -q '"blocking": 0' "$T/post" || fail "still blocking after 脱敏"
grep -q "110105198503071230" "$T/post" && fail "the ID number survived 脱敏"
code=$(post fuze "/api/v1/publish/$ID/final" --data-urlencode decision=pass)
[ "$code" = 200 ] || fail "终审 after 脱敏: $code $(cat "$T/post")"
grep -q '"state": "PUBLISHED"' "$T/post" || fail "not published"
curl -s -o "$T/pub" "$U/api/v1/catalogue?q=%E6%95%99%E5%B8%88%E8%B5%84%E6%A0%BC"
grep -q "教师资格认定结果公示" "$T/pub" || fail "published item not in the public catalogue: $(cat "$T/pub")"

# The district's supervisor: five agencies side by side.
login quducha
code=$(curl -s -b "$T/quducha.jar" -o "$T/sup" -w '%{http_code}' "$U/api/v1/supervise?year=2025")
[ "$code" = 200 ] || fail "supervise: $code"
[ "$(grep -c '"code": "Q' "$T/sup")" = 5 ] || fail "agencies: $(cat "$T/sup")"
code=$(curl -s -b "$T/quducha.jar" -o /dev/null -w '%{http_code}' "$U/api/v1/supervise/quarter?year=2026&quarter=1")
[ "$code" = 200 ] || fail "quarter: $code"
code=$(curl -s -b "$T/fuze.jar" -o /dev/null -w '%{http_code}' "$U/staff/supervise?year=2025")
[ "$code" = 200 ] || fail "负责人 supervise page: $code"
echo ok
