#!/bin/sh
# gongkai init / agency / case / import / report / verify against a shared
# PostgreSQL database (--dsn postgresql://…): the same commands give the
# same answers as on SQLite (the report JSON is compared byte for byte),
# the database refuses to rewrite the audit trail, and an edit made after
# dropping that guard is found by verify. Needs GK_TEST_PG_DSN (see
# scripts/pg-test-cluster.sh); without it the test prints SKIP and passes.
set -u
if [ -z "${GK_TEST_PG_DSN:-}" ]; then
    echo "SKIP: GK_TEST_PG_DSN unset (run under scripts/pg-test-cluster.sh)"
    exit 0
fi
command -v psql >/dev/null || { echo "SKIP: psql not installed"; exit 0; }
fail() { echo "FAIL: $*"; exit 1; }

# A schema of our own, so parallel tests on the same database do not meet.
S=gk_t0550_$$
T=$(mktemp -d)
trap 'psql -X -q "$GK_TEST_PG_DSN" -c "DROP SCHEMA IF EXISTS $S CASCADE" >/dev/null 2>&1; rm -rf "$T"' EXIT
case $GK_TEST_PG_DSN in *\?*) sep='&' ;; *) sep='?' ;; esac
D="$GK_TEST_PG_DSN${sep}options=-csearch_path%3D$S"
psql -X -q "$GK_TEST_PG_DSN" -c "CREATE SCHEMA $S" >/dev/null || fail "create schema"
P() { "$GONGKAI" "$@" --dsn "$D"; }
L() { "$GONGKAI" "$@" --db "$T/l.db"; }
SQL() { psql -X -q -v ON_ERROR_STOP=1 "$D" -c "$1" >/dev/null 2>&1; }

# Before init: refused with a hint, exit 2 like an un-initialised SQLite file.
P verify 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "un-initialised schema: exit $rc, want 2"
grep -q 'gongkai init' "$T/err" || fail "no hint to run init: $(cat "$T/err")"

out=$(P init) || fail "init: $out"
echo "$out" | grep -Eq '从版本 0 升级到 [1-9][0-9]*' || fail "first init: $out"
out=$(P init) || fail "second init"
echo "$out" | grep -q '已是最新结构' || fail "second init: $out"
L init >/dev/null || fail "sqlite init"

for G in P L; do
    $G agency add GOV 某县人民政府 --kind 政府 >/dev/null || fail "$G agency"
    $G agency add EDU 某县教育局 --parent GOV --kind 部门 >/dev/null || fail "$G child agency"
done
P agency add X 无上级 --parent NOPE 2>/dev/null && fail "agency with unknown parent accepted"
[ "$(P agency list)" = "$(L agency list)" ] || fail "agency list differs: $(P agency list)"

cat > "$T/bad.csv" <<'CSV'
tracking_no,agency,applicant_type,applicant,channel,received,concluded,outcome
1,GOV,自然人,甲,网络,2023-12-20,2024-01-10,R_GRANT
2,GOV,外星人,乙,网络,2023-05-01,,
1,GOV,自然人,丁,网络,2023-06-01,,
CSV
P import cases "$T/bad.csv" 2>"$T/err"; rc=$?
[ $rc -eq 2 ] || fail "bad ledger: exit $rc"
grep -q 'bad.csv:3: applicant_type' "$T/err" || fail "line 3 not reported: $(cat "$T/err")"
grep -q "bad.csv:4: tracking_no '1' 与第 2 行重复" "$T/err" || fail "line 4 not reported"
[ -z "$(P case list)" ] || fail "a rejected import wrote rows"

cat > "$T/good.csv" <<'CSV'
outcome,concluded,received,channel,applicant,applicant_type,tracking_no,agency
R_GRANT,2024-01-10,2023-12-20,网络,甲,自然人,1,GOV
,,2023-12-28,当面,乙,商业企业,2,GOV
（二）部分公开（区分处理的，只计这一情形，不计其他情形）,2023-11-02,2023-10-09,邮寄,丙,自然人,3,GOV
R_OT_NOFEE,2024-03-01,2024-01-15,网络,丁,法律服务机构,4,GOV
R_DENY_SECRET,2024-02-01,2024-01-02,网络,己,科研机构,1,EDU
CSV
printf 'tracking_no,agency,applicant_type,applicant,channel,received\n5,GOV,其他,戊,传真,2024-06-03\n' |
    iconv -f UTF-8 -t GB18030 > "$T/gb.csv" || fail iconv
for G in P L; do
    out=$($G import cases "$T/good.csv") || fail "$G good ledger: $out"
    [ "$out" = "已导入 5 件" ] || fail "$G import message: $out"
    $G import cases "$T/gb.csv" >/dev/null || fail "$G GB18030 ledger"
done

row() { P report --year "$1" 2>/dev/null | grep "\"$2\":" | tr -d ' '; }
[ "$(row 2023 NEW)" = '"NEW":[2,1,0,0,0,0,3],' ] || fail "2023 NEW: $(row 2023 NEW)"
[ "$(row 2024 CARRIED_IN)" = '"CARRIED_IN":[1,1,0,0,0,0,2],' ] || fail "2024 CARRIED_IN: $(row 2024 CARRIED_IN)"
[ "$(row 2024 R_TOTAL)" = '"R_TOTAL":[1,0,1,0,1,0,3],' ] || fail "2024 R_TOTAL: $(row 2024 R_TOTAL)"
[ "$(row 2024 CARRIED_OUT)" = '"CARRIED_OUT":[0,1,0,0,0,1,2]' ] || fail "2024 CARRIED_OUT: $(row 2024 CARRIED_OUT)"
# Every table of every year and agency: byte-identical to SQLite's.
for y in 2023 2024; do
    for a in "" "--agency GOV" "--agency EDU"; do
        # shellcheck disable=SC2086
        P report --year $y $a > "$T/p.json" 2>/dev/null; rp=$?
        # shellcheck disable=SC2086
        L report --year $y $a > "$T/l.json" 2>/dev/null; rl=$?
        [ $rp -eq $rl ] || fail "report $y $a: exit $rp on PostgreSQL, $rl on SQLite"
        cmp -s "$T/p.json" "$T/l.json" || fail "report $y $a differs: $(diff "$T/p.json" "$T/l.json" | head -5)"
    done
done
P report --year 2024 --agency GOV --to html -o "$T/r.html" 2>"$T/err" || fail "html report: $(cat "$T/err")"
grep -q '某县人民政府' "$T/r.html" || fail "agency name not in the report"

C=$(P case add --agency EDU --applicant 张三 --channel 邮寄 --received 2026-02-05) || fail "case add"
P case event "$C" ACCEPT --date 2026-02-06 >/dev/null || fail accept
P case event "$C" CONSULT_THIRD_PARTY --date 2026-02-10 >/dev/null || fail consult
P case event "$C" EXTEND --date 2026-02-11 --days 20 --approver 主任 2>/dev/null && fail "extension while suspended accepted"
P case event "$C" CONSULT_DONE --date 2026-02-24 >/dev/null || fail "consult done"
P case show "$C" | grep -q '2026-02-10 至 2026-02-24' || fail "pause not kept: $(P case show "$C")"
P case list --open | grep -q "$C	EDU" || fail "open list: $(P case list --open)"

out=$(P verify) || fail "verify: $out"
# 2 agencies + 6 imported cases + 1 case + 3 transitions
echo "$out" | grep -q '审计链完整: 12 个事件' || fail "verify count: $out"

SQL "UPDATE events SET actor = 'x' WHERE id = 2" && fail "UPDATE of an event allowed"
SQL "DELETE FROM events WHERE id = 12" && fail "DELETE of an event allowed"
SQL "TRUNCATE events" && fail "TRUNCATE of the events allowed"
SQL "DROP TRIGGER events_no_update ON events;
     UPDATE events SET after = replace(after, '丁', '某') WHERE id = 6;" || fail "psql edit"
out=$(P verify); rc=$?
[ $rc -eq 1 ] || fail "verify after edit: exit $rc ($out)"
echo "$out" | grep -q '第 6 个事件' || fail "first broken event: $out"

"$GONGKAI" verify --dsn "postgresql://gk@/gk?host=$T/nosocket&port=9" 2>"$T/err"; rc=$?
[ $rc -eq 4 ] || fail "unreachable server: exit $rc, want 4"
grep -q "无法连接 PostgreSQL（套接字目录 $T/nosocket，端口 9）" "$T/err" || fail "connection message: $(cat "$T/err")"
echo ok
