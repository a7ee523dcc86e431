#!/bin/sh
# gongkai sum: two agencies' reports add up cell by cell and the sum still
# balances; a broken input is refused (exit 1, nothing written) unless --force.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
S="$GK_SOURCE_DIR/tests/resources/seed-2024.json"
"$GONGKAI" sum "$S" "$S" --agency "测试合计" -o "$T/sum.json"
python3 - "$T/sum.json" <<'PY'
import json,sys
d=json.load(open(sys.argv[1]))
assert d["agency"]=="测试合计", d["agency"]
assert d["applications"]["NEW"]==[50,0,0,0,0,0,50], d["applications"]["NEW"]
assert d["review_litigation"]["review"]["total"]==4
PY
"$GONGKAI" check "$T/sum.json" > /dev/null

python3 -c '
import json,sys
r=json.load(open(sys.argv[1])); r["applications"]["R_GRANT"][6]=99
json.dump(r,open(sys.argv[2],"w"),ensure_ascii=False)' "$S" "$T/bad.json"
rc=0
"$GONGKAI" sum "$S" "$T/bad.json" -o "$T/sum2.json" 2> "$T/err" || rc=$?
[ "$rc" = 1 ] || { echo "expected 1, got $rc"; exit 1; }
[ ! -e "$T/sum2.json" ] || { echo "output written despite refusal"; exit 1; }
grep -q "T3" "$T/err"
echo "t0710 ok"
