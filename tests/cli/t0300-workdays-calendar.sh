#!/bin/sh
# gongkai workdays --calendar FILE replaces the built-in calendar; a
# malformed file is exit 2 naming the file and line; --pause and --explain.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# The shipped CSV given explicitly gives the same answers as the built-in one.
got=$("$GONGKAI" workdays add 2025-01-20 20 --calendar "$GK_SOURCE_DIR/data/cn-holidays.csv")
[ "$got" = 2025-02-21 ] || fail "explicit shipped calendar: $got"

# A calendar with only 2027 (a made-up notice): 2027-01-01..03 off, 01-04 Mon
# is the first working day after 2026... which is not covered, so start in 2027.
cat >"$T/cal.csv" <<'CSV'
# test calendar
date,kind,name
2027-01-01,holiday,元旦
2027-01-02,holiday,元旦
2027-01-03,holiday,元旦
CSV
got=$("$GONGKAI" workdays add 2027-01-01 1 --calendar "$T/cal.csv")
[ "$got" = 2027-01-04 ] || fail "2027 calendar: $got"
rc=0
"$GONGKAI" workdays add 2025-01-20 20 --calendar "$T/cal.csv" >/dev/null 2>"$T/err" || rc=$?
[ "$rc" = 2 ] && grep -q "year 2025" "$T/err" || fail "2025 on a 2027 calendar: $rc $(cat "$T/err")"

# malformed: line numbers in the message
printf 'date,kind,name\n2027-01-01,holiday,元旦\n2027-01-04,workday,元旦\n' >"$T/bad.csv"
rc=0
"$GONGKAI" workdays add 2027-01-01 1 --calendar "$T/bad.csv" >/dev/null 2>"$T/err" || rc=$?
[ "$rc" = 2 ] || fail "bad calendar exit $rc"
grep -qF "bad.csv:3: 2027-01-04 is a weekday" "$T/err" || fail "bad calendar: $(cat "$T/err")"

# --pause: 2025-03-03 + 20 = 03-31; pausing 03-10..03-14 (5 working days)
# moves it over 清明节 (04-04..06) to 04-08.
got=$("$GONGKAI" workdays add 2025-03-03 20 --pause 2025-03-10..2025-03-14,third-party)
[ "$got" = 2025-04-08 ] || fail "pause: $got"

# --explain prints the date, then the explanation
"$GONGKAI" workdays add 2025-01-20 20 --explain >"$T/ex"
cat >"$T/want" <<'TXT'
2025-02-21
起算日 2025-01-20（星期一），当日不计入
2025-01-26（星期日）调休上班（春节），计为第 5 个工作日
2025-01-28 至 2025-02-04 休息 8 天（春节），不计入
2025-02-08（星期六）调休上班（春节），计为第 10 个工作日
期限届满日 2025-02-21（星期五），第 20 个工作日
共 32 个自然日：周末 4 天、节假日 8 天不计入，调休上班 2 天计入，暂停期间 0 个工作日不计入
TXT
cmp -s "$T/ex" "$T/want" || { diff "$T/want" "$T/ex"; fail "--explain output"; }
echo "t0300-workdays-calendar ok"
