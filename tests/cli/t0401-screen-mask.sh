#!/bin/sh
# gongkai screen --mask -o OUT: masked copy of text and HTML, the log beside
# it (never the original text), and the masked copy re-screens clean.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

printf '申请人张三，身份证350102199003071234，手机138 0013 8000，邮箱zhang@example.com。\n办公电话0591-87654321。\n' >"$T/a.txt"
rc=0
"$GONGKAI" screen --name 张三 --mask -o "$T/m.txt" "$T/a.txt" >/dev/null 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "exit $rc (the input has error findings)"
want='申请人张*，身份证3501**********1234，手机138 **** 8000，邮箱z****@example.com。
办公电话0591-87654321。'
[ "$(cat "$T/m.txt")" = "$want" ] || fail "masked: $(cat "$T/m.txt")"
grep -qF "	id_card	3501**********1234" "$T/m.txt.log" || fail "log: $(cat "$T/m.txt.log")"
grep -q 350102199003071234 "$T/m.txt.log" && fail "log leaks the ID"
"$GONGKAI" screen --name 张三 "$T/m.txt" >"$T/out" 2>&1 || fail "re-screen of masked copy: $(cat "$T/out")"

# HTML: tags are kept, text is masked, offsets are into the HTML file.
printf '<html><body><p>联系<b>电话</b>：13800138000</p><script>var x="13900139000";</script></body></html>\n' >"$T/a.html"
"$GONGKAI" screen --json "$T/a.html" >"$T/json" || true
grep -qF '"category":"mobile","severity":"error","start":37,"end":48' "$T/json" || fail "html offsets: $(cat "$T/json")"
grep -q 13900139000 "$T/json" && fail "script content screened"
"$GONGKAI" screen --mask -o "$T/m.html" --log "$T/log" "$T/a.html" >/dev/null 2>&1 || true
grep -qF '<p>联系<b>电话</b>：138****8000</p><script>var x="13900139000";</script>' "$T/m.html" || fail "html mask: $(cat "$T/m.html")"
[ -s "$T/log" ] || fail "--log"
echo ok
