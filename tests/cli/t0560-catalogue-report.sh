#!/bin/sh
# gongkai catalogue / figures / review / report --lock: 索引号 generated per
# prefix and year, CJK title search of 1, 2 and 4 characters, 第二十六条
# timeliness across 春节 2025, tables 2 and 4 in the report JSON, and the
# year lock refusing a change unless it is recorded as a correction.
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
G() { "$GONGKAI" "$@" --db "$T/g.db"; }
P=11370812004339255B

"$GONGKAI" init --db "$T/g.db" >/dev/null || fail init
G agency add $P 某区人民政府 --kind 政府 >/dev/null || fail "agency add"
[ "$(G catalogue add --title 关于印发某办法的通知 --kind 规章 --formed 2025-01-02 --written 2025-01-02 --published 2025-02-07)" = "已登记目录信息 $P/2025-00001" ] || fail "first number"
G catalogue add --title 某区2025年政府信息公开工作年度报告 --formed 2025-01-02 --published 2025-02-06 >/dev/null || fail "second item"
G catalogue add --title 旧规范性文件 --kind 行政规范性文件 --formed 2020-03-01 --written 2020-03-01 \
    --validity 废止 --invalid-from 2025-06-30 --index-no $P/2020-00007 >/dev/null || fail "given number"
G catalogue add --title 坏编号 --formed 2025-01-02 --index-no ABC/2025-1 2>/dev/null && fail "bad 索引号 accepted"
G catalogue add --title 无期限依据 --formed 2025-01-02 --due-days 5 2>/dev/null && fail "special period without basis"
[ "$(G catalogue list --search 公 | wc -l)" -eq 1 ] || fail "1-character search"
[ "$(G catalogue list --search 通知 | cut -f1)" = "$P/2025-00001" ] || fail "2-character search"
[ "$(G catalogue list --search 信息公开 | cut -f1)" = "$P/2025-00002" ] || fail "4-character search"
G catalogue show $P/2020-00007 | grep -q '^有效性	废止' || fail show
G catalogue timeliness --year 2025 --as-of 2025-03-01 >"$T/tl" || fail timeliness
grep -q "$P/2025-00001	关于印发某办法的通知	2025-02-06	2025-02-07	逾期发布" "$T/tl" || fail "late item: $(cat "$T/tl")"
grep -q '及时率 50.0%' "$T/tl" || fail "rate: $(cat "$T/tl")"

G figures set --year 2025 --licensing 12 --penalty 3 --enforcement 1 --fee-yuan 12345 >/dev/null || fail figures
G review add 复-1 --route 复议 --filed 2025-03-01 >/dev/null || fail "review add"
G review add 诉-1 --route 复议后起诉 --filed 2025-04-01 --result 维持 --concluded 2025-09-01 >/dev/null || fail "lit add"
G review update 复-1 --result 纠正 --concluded 2025-05-01 >/dev/null || fail "review update"
G report --year 2025 -o "$T/r.json" 2>"$T/err" || fail "report: $(cat "$T/err")"
grep -q '表二' "$T/err" && fail "report still notes table 2: $(cat "$T/err")"
python3 - "$T/r.json" <<'PY' || fail "report JSON tables 2/4"
import json, sys
r = json.load(open(sys.argv[1]))
p = r["proactive"]
assert p["rules"] == {"issued": 1, "repealed": 0, "in_force": 1}, p["rules"]
assert p["normative_docs"] == {"issued": 0, "repealed": 1, "in_force": 0}, p["normative_docs"]
assert p["licensing"]["decisions"] == 12 and p["enforcement"]["decisions"] == 1
assert abs(p["fees"]["amount_wan_yuan"] - 1.2345) < 1e-9
t4 = r["review_litigation"]
assert t4["review"]["corrected"] == 1 and t4["review"]["total"] == 1, t4
assert t4["litigation_after_review"]["upheld"] == 1, t4
PY

G report --year 2025 --lock -o "$T/locked.json" 2>/dev/null || fail lock
G report --year 2025 --lock -o /dev/null 2>/dev/null && fail "second lock accepted"
G review add 诉-2 --route 直接起诉 --filed 2025-12-01 2>"$T/err"; rc=$?
[ $rc -eq 2 ] && grep -q '已锁定' "$T/err" || fail "change in a locked year: exit $rc $(cat "$T/err")"
G figures set --year 2025 --licensing 13 2>/dev/null && fail "figures of a locked year changed"
G review add 诉-2 --route 直接起诉 --filed 2025-12-01 --correction 漏登一件诉讼 >/dev/null || fail correction
G review add 诉-3 --route 直接起诉 --filed 2026-01-05 >/dev/null || fail "next year refused"
G report --year 2025 -o "$T/again.json" 2>/dev/null || fail "report after lock"
cmp -s "$T/locked.json" "$T/again.json" || fail "locked report changed"
G verify >/dev/null || fail "audit chain"
exit 0
