#!/bin/sh
# gongkai check on input that is not a report: a clear message on stderr,
# exit 2, nothing on stdout (report-json.md §4).
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
S="$GK_SOURCE_DIR/tests/resources/seed-2024.json"

expect2() { # name, grep pattern for stderr, args...
    name=$1 pat=$2
    shift 2
    rc=0
    "$GONGKAI" check "$@" > "$T/out" 2> "$T/err" || rc=$?
    [ "$rc" = 2 ] || { echo "$name: exit $rc, want 2"; cat "$T/err"; exit 1; }
    [ ! -s "$T/out" ] || { echo "$name: wrote to stdout"; exit 1; }
    grep -q -- "$pat" "$T/err" || { echo "$name: message lacks '$pat':"; cat "$T/err"; exit 1; }
}

: > "$T/empty.json"
expect2 empty "empty" "$T/empty.json"
printf 'PK\003\004\000\000binary' > "$T/bin.docx"
expect2 binary "binary" "$T/bin.docx"
printf '{"schema": "gongkai.report/1",\n "year": 2024,\n "applications": {"NEW": [1, 2,, 3]}}\n' > "$T/bad.json"
expect2 malformed "line 3" "$T/bad.json"
python3 -c '
import json,sys
r=json.load(open(sys.argv[1])); r["applications"]["NEW"][3]="25"
json.dump(r,open(sys.argv[2],"w"),ensure_ascii=False)' "$S" "$T/typed.json"
expect2 wrong-type "applications.NEW\[3\]" "$T/typed.json"
expect2 missing "$T/none.json" "$T/none.json"
expect2 over-cap "大小上限" --max-size 1K "$S"
truncate -s 65M "$T/huge.json"
expect2 huge "大小上限" "$T/huge.json"
# one bad file among good ones: exit 2, nothing printed for the good one
expect2 mixed "empty" "$S" "$T/empty.json"
expect2 bad-previous "empty" --previous "$T/empty.json" "$S"
expect2 no-args "至少一个"
echo "t0120 ok"
