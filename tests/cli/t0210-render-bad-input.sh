#!/bin/sh
# gongkai render on bad input or usage: exit 2, a clear message, nothing on
# stdout, and an existing output file left as it was (atomic writes).
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
S="$GK_SOURCE_DIR/tests/resources/seed-2024.json"
echo "previous content" > "$T/keep.html"

expect2() { # name, grep pattern for stderr, args...
    name=$1 pat=$2
    shift 2
    rc=0
    "$GONGKAI" render "$@" > "$T/out" 2> "$T/err" || rc=$?
    [ "$rc" = 2 ] || { echo "$name: exit $rc, want 2"; cat "$T/err"; exit 1; }
    [ ! -s "$T/out" ] || { echo "$name: wrote to stdout"; exit 1; }
    grep -q -- "$pat" "$T/err" || { echo "$name: message lacks '$pat':"; cat "$T/err"; exit 1; }
    [ "$(cat "$T/keep.html")" = "previous content" ] || { echo "$name: output file changed"; exit 1; }
}

: > "$T/empty.json"
expect2 empty "empty" "$T/empty.json" --to html -o "$T/keep.html"
printf 'PK\003\004\000\000binary' > "$T/bin.docx"
expect2 binary "binary" "$T/bin.docx" --to html -o "$T/keep.html"
printf '{"schema": "gongkai.report/1",\n "year": 2024,\n "applications": {"NEW": [1, 2,, 3]}}\n' > "$T/bad.json"
expect2 malformed "line 3" "$T/bad.json" --to html -o "$T/keep.html"
printf '{"applications": {"NEW": [1, "2", 0, 0, 0, 0, 3]}}' > "$T/typed.json"
expect2 wrong-type "applications.NEW\[1\]" "$T/typed.json" --to md -o "$T/keep.html"
expect2 missing "文件不存在" "$T/none.json" --to html -o "$T/keep.html"
expect2 over-cap "大小上限" "$S" --to html --max-size 1K -o "$T/keep.html"
truncate -s 65M "$T/huge.json"
expect2 huge "大小上限" "$T/huge.json" --to html -o "$T/keep.html"
expect2 bad-max-size "max-size" "$S" --to html --max-size lots
expect2 unknown-format "未知输出格式 'odt'" "$S" --to odt -o "$T/keep.html"
expect2 no-format "缺少 --to" "$S"
expect2 no-file "输入文件" --to html
expect2 two-files "输入文件" "$S" "$S" --to html
expect2 unknown-option "xyz" "$S" --to html --xyz
# an unwritable output: exit 2, nothing left behind
rc=0
"$GONGKAI" render "$S" --to html -o "$T/no/such/dir/r.html" 2> "$T/err" || rc=$?
[ "$rc" = 2 ] || { echo "unwritable: exit $rc"; exit 1; }
grep -q "无法写入" "$T/err" || { echo "unwritable: message"; cat "$T/err"; exit 1; }
ls -A "$T" | grep -q -v -e '^keep.html$' -e '^out$' -e '^err$' -e '^empty.json$' \
    -e '^bin.docx$' -e '^bad.json$' -e '^typed.json$' -e '^huge.json$' && { echo "stray files"; ls -A "$T"; exit 1; }
"$GONGKAI" render --help | grep -q -- "--to" || { echo "--help"; exit 1; }
echo "t0210 ok"
