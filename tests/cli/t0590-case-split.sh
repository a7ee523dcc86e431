#!/bin/sh
# gongkai case split (一事一申请, 国办函〔2020〕109号第四条; spec §1.4): an
# application asking for three things becomes three 件 with their own
# codes; table 3 counts the three and not the parent; the 按件 count of the
# month includes them (the 11th 件 costs 100 元); a split parent cannot be
# answered or split again; the audit chain verifies. Then decisions mapped
# to table-3 rows with --decision-map: a changed map moves the count, a
# map without a decision that occurs is a named error.
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
G() { "$GONGKAI" "$@" --db "$T/g.db"; }
row2() { y=$1; r=$2; shift 2; G report --year "$y" "$@" 2>/dev/null | grep "\"$r\":" | tr -d ' '; }

"$GONGKAI" init --db "$T/g.db" >/dev/null || fail init
G agency add GOV 某区人民政府 >/dev/null || fail agency
for d in 03 04 05 06 07 10 11 12 13; do
    G case add --applicant 王五 --id-number 110105194912310021 --received 2025-03-$d >/dev/null ||
        fail "case $d"
done
M=$(G case add --applicant 王五 --id-number 110105194912310021 --received 2025-03-20 \
    --tracking-no 2025-M --description '预算、决算和三公经费') || fail "case M"
G case event "$M" ACCEPT --date 2025-03-21 >/dev/null || fail accept

G case split "$M" --into 1 2>/dev/null && fail "split into 1 accepted"
G case split "$M" --into 3 --titles 'a|b' 2>/dev/null && fail "2 titles for 3 accepted"
G case event "$M" SPLIT --date 2025-03-24 2>"$T/err" && fail "SPLIT as a plain event"
grep -q 'case split' "$T/err" || fail "plain SPLIT message: $(cat "$T/err")"
G case split "$M" --into 3 --titles '2024年部门预算|2024年部门决算' --titles '2024年三公经费' \
    --date 2025-03-24 >"$T/out" || fail "split: $(cat "$T/out")"
grep -q '拆分为 3 件' "$T/out" || fail "split output: $(cat "$T/out")"
C2=$(sed -n 3p "$T/out")
[ ${#C2} -eq 12 ] || fail "child code '$C2'"

G case show 2025-M >"$T/show" || fail "show parent"
grep -q '已拆分' "$T/show" || fail "parent state: $(cat "$T/show")"
grep -q '拆分为: 2025-M-1' "$T/show" || fail "children listed: $(cat "$T/show")"
G case show "$C2" >"$T/show" || fail "show child"
grep -q '登记号: 2025-M-2' "$T/show" || fail "child number: $(cat "$T/show")"
grep -q '拆分自: 2025-M' "$T/show" || fail "parent link: $(cat "$T/show")"
grep -q '状态: 办理中' "$T/show" || fail "child inherits the state: $(cat "$T/show")"
G case event "$M" ANSWER --date 2025-03-25 --outcome R_GRANT 2>/dev/null && fail "split parent answered"
G case split "$M" --into 2 2>/dev/null && fail "split twice"

# The 11th 件 of the month (10 before it: 9 + 2025-M-1) costs 100 元.
G case event "$C2" FEE_NOTICE --date 2025-03-26 --fee-by 件 --fee 100 >/dev/null || fail "11th 件 fee"
# Table 3: 9 + 3 new, the parent not among them.
[ "$(row2 2025 NEW)" = '"NEW":[12,0,0,0,0,0,12],' ] || fail "2025 NEW: $(row2 2025 NEW)"
[ "$(row2 2025 CARRIED_OUT)" = '"CARRIED_OUT":[12,0,0,0,0,0,12]' ] || fail "CARRIED_OUT"
[ "$(G case list --open | wc -l)" -eq 12 ] || fail "open list"

# Decisions: 2025-M-1 not this agency's information (第三十六条第（五）项).
G case event 2025-M-1 ANSWER --date 2025-04-01 --decision na-other-agency >/dev/null || fail answer
G case event 2025-M-3 ANSWER --date 2025-04-01 --decision grant-public >/dev/null || fail answer
[ "$(row2 2025 R_NA_NOTHELD)" = '"R_NA_NOTHELD":[1,0,0,0,0,0,1],' ] || fail "default map"
cat > "$T/map.csv" <<'CSV'
# 本机关口径：不属于本机关负责公开的，计入（六）3.其他
decision,row
grant,R_GRANT
grant-public,R_GRANT
na-other-agency,R_OT_OTHER
CSV
[ "$(row2 2025 R_NA_NOTHELD --decision-map "$T/map.csv")" = '"R_NA_NOTHELD":[0,0,0,0,0,0,0],' ] ||
    fail "moved from R_NA_NOTHELD"
[ "$(row2 2025 R_OT_OTHER --decision-map "$T/map.csv")" = '"R_OT_OTHER":[1,0,0,0,0,0,1],' ] ||
    fail "moved to R_OT_OTHER"
[ "$(GK_DECISION_MAP="$T/map.csv" G report --year 2025 2>/dev/null | grep '"R_OT_OTHER":' |
    tr -d ' ')" = '"R_OT_OTHER":[1,0,0,0,0,0,1],' ] || fail "GK_DECISION_MAP"
printf 'decision,row\ngrant,R_GRANT\n' > "$T/short.csv"
G report --year 2025 --decision-map "$T/short.csv" >/dev/null 2>"$T/err" && fail "unmapped accepted"
grep -q "'grant-public'" "$T/err" && grep -q 'short.csv' "$T/err" || fail "unmapped message: $(cat "$T/err")"
printf 'decision,row\ngrant,R_NOPE\n' > "$T/bad.csv"
G report --year 2025 --decision-map "$T/bad.csv" >/dev/null 2>"$T/err" && fail "bad map accepted"
grep -q 'bad.csv:2' "$T/err" || fail "bad map message: $(cat "$T/err")"
G verify >/dev/null || fail verify
exit 0
