#!/bin/sh
# Deadlines that reach a year without holiday data (spec §5; calendar.h
# PROVISIONAL MODE). The built-in calendar ends with 2026. A case received
# Thu 2026-12-10, 补正 asked 12-14, corrected 12-17 (第三十条: clock
# restarts), extended by 20 working days on 12-30 (第三十三条第二款):
#   - `case show` gives 40 working days after 12-17 counting 2027 Monday–
#     Friday, Thu 2027-02-11, with the line "暂定：2027年节假日安排尚未发布，
#     按周一至周五推算，仅供参考";
#   - with --calendar FILE (the shipped rows plus test rows for 2027 元旦
#     01-01..03, not the official notice) or $GK_CALENDAR: the official Fri
#     2027-02-12, no note;
#   - strict callers (`workdays add` without --provisional) still fail;
#   - `serve --calendar` and the status lookup: "provisional": true without
#     the file, false with it.
set -u
T=$(mktemp -d)
PID=
cleanup() {
    if [ -n "$PID" ]; then kill -9 "$PID" 2>/dev/null || true; fi
    rm -rf "$T"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; [ -f "$T/err" ] && { echo "--- stderr"; cat "$T/err"; }; exit 1; }
G() { "$GONGKAI" "$@" --db "$T/g.db"; }
NOTE='暂定：2027年节假日安排尚未发布，按周一至周五推算，仅供参考'

cp "$GK_SOURCE_DIR/data/cn-holidays.csv" "$T/cal.csv"
printf '2027-01-01,holiday,元旦\n2027-01-02,holiday,元旦\n2027-01-03,holiday,元旦\n' >>"$T/cal.csv"

"$GONGKAI" init --db "$T/g.db" >/dev/null || fail init
G agency add GOV 某市人民政府 --kind 政府 >/dev/null || fail "agency add"
C=$(G case add --applicant 赵七 --type 自然人 --channel 邮寄 --received 2026-12-10) || fail "case add"
G case event "$C" REQUEST_CORRECTION --date 2026-12-14 >/dev/null || fail correction
G case event "$C" CORRECTED --date 2026-12-17 >/dev/null || fail corrected
G case event "$C" EXTEND --date 2026-12-30 --days 20 --approver "办公室主任 赵六" >/dev/null || fail extend

# --- provisional on the built-in calendar
G case show "$C" >"$T/show" 2>"$T/err" || fail "show exit $?"
for want in "$NOTE" '期限届满日 2027-02-11（星期四），第 40 个工作日' '延长 20 个工作日'; do
    grep -qF "$want" "$T/show" || { cat "$T/show"; fail "show lacks '$want'"; }
done

# --- the office loads the 2027 rows: official date, no note
G case show "$C" --calendar "$T/cal.csv" >"$T/show2" 2>"$T/err" || fail "show --calendar exit $?"
grep -qF '期限届满日 2027-02-12（星期五），第 40 个工作日' "$T/show2" || { cat "$T/show2"; fail "official date"; }
grep -qF '2027-01-01 至 2027-01-03 休息 3 天（元旦）' "$T/show2" || { cat "$T/show2"; fail "元旦 2027 step"; }
grep -q '暂定' "$T/show2" && fail "note with the 2027 rows loaded"
[ -s "$T/err" ] && fail "warnings for a complete file"
GK_CALENDAR="$T/cal.csv" G case show "$C" >"$T/show3" 2>/dev/null || fail "show \$GK_CALENDAR"
cmp -s "$T/show2" "$T/show3" || fail "GK_CALENDAR differs from --calendar"

# --- a replacement without the older years is accepted but warned about
{ echo date,kind,name; grep '^2027' "$T/cal.csv"; } >"$T/only2027.csv"
G case show "$C" --calendar "$T/only2027.csv" >/dev/null 2>"$T/err"
grep -qF '缺少内置日历已有的 2019–2026 年数据' "$T/err" || fail "no warning for a 2027-only file"
# --- a malformed file stops the command (exit 2, file and line named)
printf 'date,kind,name\n2027-01-04,workday,元旦\n' >"$T/bad.csv"
rc=0; G case show "$C" --calendar "$T/bad.csv" >/dev/null 2>"$T/err" || rc=$?
[ "$rc" = 2 ] || fail "bad calendar: exit $rc"
grep -qF 'bad.csv:2:' "$T/err" || fail "bad calendar message"

# --- strict callers still get the error; --provisional opts in
rc=0; "$GONGKAI" workdays add 2026-12-17 40 >/dev/null 2>"$T/err" || rc=$?
[ "$rc" = 2 ] && grep -q 'year 2027' "$T/err" || fail "strict workdays: $rc"
"$GONGKAI" workdays add 2026-12-17 40 --provisional >"$T/w" || fail "workdays --provisional"
printf '2027-02-11\n%s\n' "$NOTE" | cmp -s - "$T/w" || { cat "$T/w"; fail "workdays --provisional output"; }
[ "$("$GONGKAI" workdays add 2026-12-17 40 --provisional --calendar "$T/cal.csv")" = 2027-02-12 ] ||
    fail "workdays --provisional with 2027 rows"

# --- the server: status lookup without and with the file
serve() {
    : >"$T/out"
    GK_TODAY=2026-12-30 "$GONGKAI" serve --listen 127.0.0.1:0 --db "$T/g.db" "$@" >"$T/out" 2>"$T/err" &
    PID=$!
    i=0
    while ! grep -q "正在监听" "$T/out" 2>/dev/null; do
        i=$((i + 1)); [ $i -lt 100 ] || fail "server did not start"
        sleep 0.1
    done
    PORT=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$T/out")
    U="http://127.0.0.1:$PORT"
}
stop() {
    kill -TERM "$PID"; rc=0; wait "$PID" || rc=$?; PID=
    [ "$rc" = 0 ] || fail "serve exit $rc"
}
serve
curl -s "$U/api/v1/status/$C" >"$T/s.json" || fail curl
python3 - "$T/s.json" <<'PY' || fail "status JSON (provisional): $(cat "$T/s.json")"
import json, sys
c = json.load(open(sys.argv[1]))["case"]
assert c["due"] == "2027-02-11" and c["provisional"] is True, c
assert c["provisional_note"] == "2027年节假日安排尚未发布，按周一至周五推算，仅供参考", c
PY
curl -s "$U/status?code=$C" | grep -qF '2027-02-11（暂定）' || fail "status page"
stop
serve --calendar "$T/cal.csv"
curl -s "$U/api/v1/status/$C" >"$T/s.json" || fail curl
python3 - "$T/s.json" <<'PY' || fail "status JSON (official): $(cat "$T/s.json")"
import json, sys
c = json.load(open(sys.argv[1]))["case"]
assert c["due"] == "2027-02-12" and c["provisional"] is False and "provisional_note" not in c, c
PY
curl -s "$U/status?code=$C" | grep -q '暂定' && fail "status page says 暂定 with the 2027 rows"
stop
echo ok
