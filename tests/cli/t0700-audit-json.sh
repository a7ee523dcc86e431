#!/bin/sh
# gongkai audit over a folder of report JSON: one row per report, the broken
# one flagged, a summary by rule, --csv and --json well-formed, exit 1.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
S="$GK_SOURCE_DIR/tests/resources/seed-2024.json"
mkdir -p "$T/in/sub"
cp "$S" "$T/in/good.json"
# one changed cell: NEW natural persons 25 -> 26 breaks T3.BALANCE and T3.ROW_TOTAL
python3 -c '
import json,sys
r=json.load(open(sys.argv[1])); r["applications"]["NEW"][0]=26
json.dump(r,sys.stdout,ensure_ascii=False)' "$S" > "$T/in/sub/bad.json"
echo "not json" > "$T/in/sub/notes.txt.bak"

rc=0
"$GONGKAI" audit -j 2 -q "$T/in" > "$T/out.txt" || rc=$?
[ "$rc" = 1 ] || { echo "expected exit 1, got $rc"; cat "$T/out.txt"; exit 1; }
grep -q "good.json" "$T/out.txt"
grep -q "T3.BALANCE" "$T/out.txt"
grep -q "共检查 2 份报告：1 份有错误" "$T/out.txt" || { cat "$T/out.txt"; exit 1; }

rc=0
"$GONGKAI" audit -j 1 --csv "$T/in" > "$T/out.csv" || rc=$?
[ "$rc" = 1 ]
[ "$(wc -l < "$T/out.csv")" -eq 3 ] || { cat "$T/out.csv"; exit 1; }
head -1 "$T/out.csv" | grep -q '^file,agency,year,errors,warnings,infos,status,rules$'

rc=0
"$GONGKAI" audit --json "$T/in" > "$T/out.json" || rc=$?
[ "$rc" = 1 ]
python3 - "$T/out.json" <<'PY'
import json,sys
d=json.load(open(sys.argv[1]))
assert d["schema"]=="gongkai.audit/1"
assert d["summary"]["reports"]==2, d["summary"]
assert d["summary"]["with_errors"]==1
assert "T3.BALANCE" in d["summary"]["by_rule"]
bad=[r for r in d["reports"] if r["status"]=="error"]
assert len(bad)==1 and bad[0]["result"]["schema"]=="gongkai.findings/1"
PY

# a missing path is a usage error (exit 2)
rc=0
"$GONGKAI" audit "$T/nope" 2> "$T/err" || rc=$?
[ "$rc" = 2 ] || { echo "missing path: exit $rc"; exit 1; }
grep -q "nope" "$T/err"
echo "t0700 ok"
