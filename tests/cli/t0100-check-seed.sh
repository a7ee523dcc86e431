#!/bin/sh
# gongkai check on the seed report JSON: no table error, exactly the
# NARR.T3_RECEIVED warning quoting the sentence that says 27 (corpus README),
# exit 0; findings JSON per report-json.md §2; docs/rules.md is up to date.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
S="$GK_SOURCE_DIR/tests/resources/seed-2024.json"

"$GONGKAI" check "$S" > "$T/out"
grep -q "NARR.T3_RECEIVED" "$T/out"
grep -q "applications.NEW\[6\]" "$T/out"
grep -q "共收到政府信息公开申请27件" "$T/out"
grep -q "共 0 个错误、1 个警告、0 个提示" "$T/out"
if grep -q "$(printf '\033')" "$T/out"; then echo "colour written to a pipe"; exit 1; fi

"$GONGKAI" check --json "$S" > "$T/f.json"
python3 - "$T/f.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "gongkai.findings/1", d
assert d["year"] == 2024 and d["source"].endswith("seed-2024.json"), d
f = d["findings"]
assert len(f) == 1, f
f = f[0]
assert f["rule"] == "NARR.T3_RECEIVED" and f["severity"] == "warning", f
assert f["cell"] == "applications.NEW[6]" and f["expected"] == 27 and f["actual"] == 25, f
assert f["evidence"] == "2024年,区本级政府及政府办共收到政府信息公开申请27件", f
assert "27" in f["message"] and "25" in f["message"], f
PY

# without the narrative rules the seed is clean
"$GONGKAI" check --json --no-narrative "$S" | python3 -c '
import json,sys; d=json.load(sys.stdin); assert d["findings"]==[], d'

# several files: one JSON array, one document per file
"$GONGKAI" check --json "$S" "$S" | python3 -c '
import json,sys; d=json.load(sys.stdin); assert isinstance(d,list) and len(d)==2, d'

# the rule list is docs/rules.md
"$GONGKAI" check --list-rules > "$T/rules.md"
cmp "$T/rules.md" "$GK_SOURCE_DIR/docs/rules.md" || {
    echo "docs/rules.md is stale: regenerate with gongkai check --list-rules"; exit 1; }
grep -q '`T3.BALANCE` | error' "$T/rules.md"
"$GONGKAI" check --help | grep -q -- "--previous"
echo "t0100 ok"
