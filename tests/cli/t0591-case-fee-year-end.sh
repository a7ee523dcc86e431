#!/bin/sh
# A fee notice near year end (国办函〔2020〕109号, spec §4.4): its 20-working-
# day payment window reaches 2027, which the built-in calendar does not
# cover. The notice is given, its window counted Monday–Friday and shown as
# provisional; abandonment for non-payment (a legal consequence) is refused
# until the calendar covers the window's end, with a message telling staff
# to load the year (--calendar FILE); with 2027 loaded it is official.
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
G() { "$GONGKAI" "$@" --db "$T/g.db"; }

"$GONGKAI" workdays add 2026-12-15 1 >/dev/null || fail "built-in calendar lacks 2026"
"$GONGKAI" workdays add 2027-01-04 1 >/dev/null 2>&1 && exit 0 # 2027 published: nothing to test
"$GONGKAI" init --db "$T/g.db" >/dev/null || fail init
G agency add GOV 某区人民政府 >/dev/null || fail agency
C=$(G case add --applicant 王五 --received 2026-12-01) || fail case
G case event "$C" ACCEPT --date 2026-12-02 >/dev/null || fail accept
G case event "$C" FEE_NOTICE --date 2026-12-15 --fee-by 量 --pages 250 >"$T/out" 2>&1 ||
    fail "notice refused: $(cat "$T/out")"
G case show "$C" >"$T/show" || fail show
grep -q '缴费期限至 2027-01-12（暂定：2027年节假日安排尚未发布' "$T/show" ||
    fail "provisional window: $(cat "$T/show")"
G case event "$C" FEE_LAPSED --date 2027-01-20 2>"$T/err" && fail "lapse on a provisional window"
grep -q -- '--calendar FILE' "$T/err" && grep -q 'docs/calendar.md' "$T/err" ||
    fail "lapse message: $(cat "$T/err")"
# The State Council notice for 2027 arrives: 元旦 2027-01-01 is a holiday.
{ cat "$GK_SOURCE_DIR/data/cn-holidays.csv"; echo '2027-01-01,holiday,元旦'; } > "$T/cal.csv"
G case show "$C" --calendar "$T/cal.csv" >"$T/show" || fail show
grep -q '缴费期限至 2027-01-13$' "$T/show" || fail "official window: $(cat "$T/show")"
G case event "$C" FEE_LAPSED --date 2027-01-13 --calendar "$T/cal.csv" 2>/dev/null &&
    fail "lapse on the window's last day"
G case event "$C" FEE_LAPSED --date 2027-01-14 --calendar "$T/cal.csv" >/dev/null ||
    fail "lapse after the window"
G verify >/dev/null || fail verify
exit 0
