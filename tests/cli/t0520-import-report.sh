#!/bin/sh
# gongkai import cases / report: a bad ledger is rejected with every bad
# line and nothing written; a good one (UTF-8 and GB18030) is imported and
# table 3 counts it by the year concluded, carrying open cases over.
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
G() { "$GONGKAI" "$@" --db "$T/g.db"; }
row() { G report --year "$1" 2>/dev/null | grep "\"$2\":" | tr -d ' '; }

"$GONGKAI" init --db "$T/g.db" >/dev/null || fail init
G agency add GOV 某县人民政府 >/dev/null || fail agency

cat > "$T/bad.csv" <<'CSV'
tracking_no,applicant_type,applicant,channel,received,concluded,outcome
1,自然人,甲,网络,2023-12-20,2024-01-10,R_GRANT
2,外星人,乙,网络,2023-05-01,,
3,自然人,丙,网络,2023-05-01,2023-04-01,R_GRANT
1,自然人,丁,网络,2023-06-01,,
CSV
G import cases "$T/bad.csv" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "bad ledger: exit $rc"
grep -q 'bad.csv:3: applicant_type' "$T/err" || fail "line 3 not reported: $(cat "$T/err")"
grep -q 'bad.csv:4: concluded 2023-04-01 早于 received' "$T/err" || fail "line 4 not reported"
grep -q "bad.csv:5: tracking_no '1' 与第 2 行重复" "$T/err" || fail "line 5 not reported"
[ -z "$(G case list)" ] || fail "a rejected import wrote rows"

cat > "$T/good.csv" <<'CSV'
outcome,concluded,received,channel,applicant,applicant_type,tracking_no
R_GRANT,2024-01-10,2023-12-20,网络,甲,自然人,1
,,2023-12-28,当面,乙,商业企业,2
（二）部分公开（区分处理的，只计这一情形，不计其他情形）,2023-11-02,2023-10-09,邮寄,丙,自然人,3
R_OT_NOFEE,2024-03-01,2024-01-15,网络,丁,法律服务机构,4
CSV
out=$(G import cases "$T/good.csv") || fail "good ledger: $out"
[ "$out" = "已导入 4 件" ] || fail "import message: $out"
# A GB18030 ledger (as Excel on Chinese Windows saves it).
printf 'tracking_no,applicant_type,applicant,channel,received\n5,其他,戊,传真,2024-06-03\n' |
    iconv -f UTF-8 -t GB18030 > "$T/gb.csv" || fail iconv
G import cases "$T/gb.csv" >/dev/null || fail "GB18030 ledger"

[ "$(row 2023 NEW)" = '"NEW":[2,1,0,0,0,0,3],' ] || fail "2023 NEW: $(row 2023 NEW)"
[ "$(row 2023 R_PARTIAL)" = '"R_PARTIAL":[1,0,0,0,0,0,1],' ] || fail "2023 R_PARTIAL"
[ "$(row 2023 CARRIED_OUT)" = '"CARRIED_OUT":[1,1,0,0,0,0,2]' ] || fail "2023 CARRIED_OUT: $(row 2023 CARRIED_OUT)"
[ "$(row 2024 CARRIED_IN)" = '"CARRIED_IN":[1,1,0,0,0,0,2],' ] || fail "2024 CARRIED_IN: $(row 2024 CARRIED_IN)"
[ "$(row 2024 NEW)" = '"NEW":[0,0,0,0,1,1,2],' ] || fail "2024 NEW: $(row 2024 NEW)"
[ "$(row 2024 R_OT_NOFEE)" = '"R_OT_NOFEE":[0,0,0,0,1,0,1],' ] || fail "2024 R_OT_NOFEE"
[ "$(row 2024 R_TOTAL)" = '"R_TOTAL":[1,0,0,0,1,0,2],' ] || fail "2024 R_TOTAL: $(row 2024 R_TOTAL)"
[ "$(row 2024 CARRIED_OUT)" = '"CARRIED_OUT":[0,1,0,0,0,1,2]' ] || fail "2024 CARRIED_OUT: $(row 2024 CARRIED_OUT)"

# Validated (T3.BALANCE holds) and rendered in another format.
G report --year 2024 --agency GOV --to html -o "$T/r.html" 2>"$T/err" || fail "report: $(cat "$T/err")"
grep -q '某县人民政府' "$T/r.html" || fail "agency name not in the report"
G report --year 2024 --agency NOPE >/dev/null 2>&1 && fail "unknown agency accepted"
G verify >/dev/null || fail verify
echo ok
