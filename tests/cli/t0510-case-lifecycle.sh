#!/bin/sh
# gongkai agency / case: register an application across 春节 2026, ask for
# 补正, restart the clock, consult a third party, extend once; illegal
# transitions are refused (exit 2) and every change is in the audit chain.
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
G() { "$GONGKAI" "$@" --db "$T/g.db"; }

"$GONGKAI" init --db "$T/g.db" >/dev/null || fail init
G agency add GOV 某市人民政府 --kind 政府 >/dev/null || fail "agency add"
G agency add EDU 某市教育局 --parent GOV --kind 部门 >/dev/null || fail "child agency"
G agency add X 无上级 --parent NOPE 2>/dev/null && fail "agency with unknown parent accepted"
[ "$(G agency list | cut -f1,3 | tr '\t\n' ':;')" = "GOV:-;EDU:GOV;" ] || fail "agency tree: $(G agency list)"

C=$(G case add --agency EDU --applicant 张三 --type 自然人 --channel 邮寄 --received 2026-02-05) || fail "case add"
echo "$C" | grep -Eq '^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{12}$' || fail "tracking code '$C'"
G case event "$C" REQUEST_CORRECTION --date 2026-02-09 >/dev/null || fail correction
G case event "$C" CORRECTED --date 2026-02-12 >/dev/null || fail corrected
G case event "$C" CONSULT_THIRD_PARTY --date 2026-03-02 >/dev/null || fail consult
G case event "$C" EXTEND --date 2026-03-03 --days 20 --approver 主任 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "extension while suspended: exit $rc"
grep -q 'SUSPENDED_THIRD_PARTY → EXTEND' "$T/err" || fail "refusal message: $(cat "$T/err")"
G case event "$C" CONSULT_DONE --date 2026-03-10 >/dev/null || fail "consult done"
G case event "$C" EXTEND --date 2026-03-16 --days 21 --approver 主任 2>/dev/null && fail "21-day extension accepted"
G case event "$C" EXTEND --date 2026-03-16 --days 20 --approver "办公室主任 赵六" >/dev/null || fail extend
G case event "$C" EXTEND --date 2026-03-17 --days 5 --approver 主任 2>/dev/null && fail "second extension accepted"

G case show "$C" > "$T/show" || fail show
for want in '状态: 已延期' '收到补正后的申请（条例第三十条' '延长 20 个工作日（经 办公室主任 赵六 批准）' \
    '2026-03-02 至 2026-03-10' '春节' '清明节' '期限届满日 2026-04-27'; do
    grep -q "$want" "$T/show" || { cat "$T/show"; fail "show lacks '$want'"; }
done

G case event "$C" ANSWER --date 2026-04-20 --outcome R_PARTIAL >/dev/null || fail answer
G case list | grep -q "$C	EDU	2026-000001	2026-02-05	ANSWERED	R_PARTIAL" || fail "list: $(G case list)"
[ -z "$(G case list --open)" ] || fail "answered case still listed as open"
out=$(G verify) || fail "verify: $out"
echo "$out" | grep -q '审计链完整: 9 个事件' || fail "verify count: $out"
echo ok
