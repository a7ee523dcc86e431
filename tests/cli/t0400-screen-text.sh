#!/bin/sh
# gongkai screen on text: human lines file:line:col with context, --json
# exactly per spec/cli.md, exit 1 on error severity, 0 on info only, 2 on a
# missing file or a bad dictionary; --words and --typos add dictionaries.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

printf '第一行\n身份证350102199003071234，电话0591-87654321。工作布署到位。\n' >"$T/a.txt"
rc=0
"$GONGKAI" screen "$T/a.txt" >"$T/out" 2>"$T/err" || rc=$?
[ "$rc" = 1 ] || fail "exit $rc, want 1"
grep -qF "$T/a.txt:2:4: 错误 [id_card] 居民身份证号「350102199003071234」" "$T/out" || fail "id line: $(cat "$T/out")"
grep -qF "$T/a.txt:2:25: 提示 [landline]" "$T/out" || fail "landline line: $(cat "$T/out")"
grep -qF "常见错别字「布署」 → 「部署」" "$T/out" || fail "typo line: $(cat "$T/out")"
grep -qF "共发现 3 处：错误 1，警告 1，提示 1" "$T/err" || fail "summary: $(cat "$T/err")"

# --json: byte offsets into the original file, one object per file.
"$GONGKAI" screen --json "$T/a.txt" >"$T/json" || true
want='{"schema":"gongkai.screen/1","file":"'"$T/a.txt"'","findings":[{"category":"id_card","severity":"error","start":19,"end":37,"text":"350102199003071234","suggestion":null},{"category":"landline","severity":"info","start":46,"end":59,"text":"0591-87654321","suggestion":null},{"category":"typo","severity":"warning","start":68,"end":74,"text":"布署","suggestion":"部署"}]}'
[ "$(cat "$T/json")" = "$want" ] || fail "json: $(cat "$T/json")"
# The bytes at start..end are the text.
[ "$(dd if="$T/a.txt" bs=1 skip=19 count=18 2>/dev/null)" = 350102199003071234 ] || fail "offsets"

# Only info findings: exit 0.
printf '电话：0591-87654321\n' >"$T/info.txt"
"$GONGKAI" screen "$T/info.txt" >/dev/null 2>&1 || fail "info only should exit 0"

# Dictionaries: --words (error) and --typos; --no-default-typos drops 布署.
printf '# example\n到位\n' >"$T/w.txt"
printf '第一行\t首行\n' >"$T/t.txt"
"$GONGKAI" screen --no-default-typos --words "$T/w.txt" --typos "$T/t.txt" --json "$T/a.txt" >"$T/json" || true
grep -qF '"category":"word","severity":"error","start":74,"end":80,"text":"到位"' "$T/json" || fail "words: $(cat "$T/json")"
grep -qF '"category":"typo","severity":"warning","start":0,"end":9,"text":"第一行","suggestion":"首行"' "$T/json" || fail "typos: $(cat "$T/json")"
grep -q '布署' "$T/json" && fail "--no-default-typos"

# Errors: missing file, bad dictionary line, --mask without -o.
rc=0; "$GONGKAI" screen "$T/nope.txt" >/dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "missing file exit $rc"
printf 'no tab here\n' >"$T/bad.txt"
rc=0; "$GONGKAI" screen --typos "$T/bad.txt" "$T/a.txt" >/dev/null 2>"$T/err" || rc=$?
[ "$rc" = 2 ] && grep -qF "bad.txt:1" "$T/err" || fail "bad typos: $rc $(cat "$T/err")"
rc=0; "$GONGKAI" screen --mask "$T/a.txt" >/dev/null 2>&1 || rc=$?
[ "$rc" = 2 ] || fail "--mask without -o exit $rc"
"$GONGKAI" screen --help | grep -q -- "--mask" || fail "help"

# stdin and invalid UTF-8.
printf '\377\376电话13800138000\n' | "$GONGKAI" screen --json - >"$T/json" || true
grep -qF '"category":"mobile","severity":"error","start":8,"end":19' "$T/json" || fail "stdin: $(cat "$T/json")"
echo ok
