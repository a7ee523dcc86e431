#!/bin/sh
# Change any one cell of the seed and gongkai check names exactly the rules
# that break, with the cell, and exits 1 (issue 2 "What it must show");
# a change that breaks nothing (fee decimals, a blank read as 0) exits 0.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
S="$GK_SOURCE_DIR/tests/resources/seed-2024.json"

# path (python subscript), new value, expected exit, expected error findings
while IFS='|' read -r path value want_rc want; do
    [ -n "$path" ] || continue
    python3 - "$S" "$T/r.json" "$path" "$value" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
exec("r" + sys.argv[3] + " = json.loads(sys.argv[4])")
json.dump(r, open(sys.argv[2], "w"), ensure_ascii=False)
PY
    rc=0
    "$GONGKAI" check --json "$T/r.json" > "$T/f.json" || rc=$?
    got=$(python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
print(" ".join(f["rule"]+"@"+f["cell"] for f in d["findings"] if f["severity"]=="error"))' "$T/f.json")
    if [ "$rc" != "$want_rc" ] || [ "$got" != "$want" ]; then
        echo "$path=$value: exit $rc (want $want_rc), errors '$got' (want '$want')"
        exit 1
    fi
    # people's output names the cell of every error too
    for cell in $(echo "$want" | tr ' ' '\n' | sed 's/^[^@]*@//'); do
        "$GONGKAI" check "$T/r.json" | grep -qF "$cell" || { echo "$cell not shown"; exit 1; }
    done
done <<'EOF2'
["applications"]["NEW"][0]|26|1|T3.BALANCE@applications.CARRIED_OUT[0] T3.ROW_TOTAL@applications.NEW[6]
["applications"]["R_GRANT"][6]|8|1|T3.RESULT_SUM@applications.R_TOTAL[6] T3.ROW_TOTAL@applications.R_GRANT[6]
["applications"]["CARRIED_OUT"][3]|1|1|T3.BALANCE@applications.CARRIED_OUT[3] T3.ROW_TOTAL@applications.CARRIED_OUT[6]
["applications"]["R_TOTAL"][0]|24|1|T3.BALANCE@applications.CARRIED_OUT[0] T3.RESULT_SUM@applications.R_TOTAL[0] T3.ROW_TOTAL@applications.R_TOTAL[6]
["review_litigation"]["review"]["pending"]|1|1|T4.SUM@review_litigation.review.total
["proactive"]["licensing"]["decisions"]|-2|1|CELL.NEGATIVE@proactive.licensing.decisions
["proactive"]["penalty"]["decisions"]|1.5|1|CELL.NOT_INTEGER@proactive.penalty.decisions
["proactive"]["fees"]["amount_wan_yuan"]|0.35|0|
["applications"]["R_DENY_LAW"][2]|null|0|
EOF2

# a table left out
python3 -c '
import json,sys
r=json.load(open(sys.argv[1])); del r["review_litigation"]
json.dump(r,open(sys.argv[2],"w"),ensure_ascii=False)' "$S" "$T/r.json"
rc=0
"$GONGKAI" check "$T/r.json" > "$T/out" || rc=$?
[ "$rc" = 1 ] && grep -q "STRUCT.MISSING_TABLE" "$T/out"

# --previous: last year's carried-out 1 ≠ this year's carried-in 0 (warning, exit 0)
python3 -c '
import json,sys
r=json.load(open(sys.argv[1])); r["year"]=2023
r["applications"]["CARRIED_OUT"]=[1,0,0,0,0,0,1]; r["applications"]["NEW"]=[26,0,0,0,0,0,26]
json.dump(r,open(sys.argv[2],"w"),ensure_ascii=False)' "$S" "$T/prev.json"
"$GONGKAI" check --json --previous "$T/prev.json" "$S" | python3 -c '
import json,sys
d=json.load(sys.stdin)
y=[f["cell"] for f in d["findings"] if f["rule"]=="YOY.CARRY"]
assert y==["applications.CARRIED_IN[0]","applications.CARRIED_IN[6]"], d'
echo "t0110 ok"
