#!/bin/sh
# gongkai user list / disable: accounts listed with their names masked
# (personal data; --reveal shows them and is recorded in the audit trail),
# role, agency and status; disable keeps the account (the audit trail names
# it), refuses an unknown name, and is idempotent. SQLite here; the same
# store calls run on PostgreSQL in the store conformance suite.
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
G() { "$GONGKAI" "$@" --db "$T/g.db"; }

"$GONGKAI" init --db "$T/g.db" >/dev/null || fail init
G agency add GOV 某区人民政府 >/dev/null || fail agency
echo 'correct horse battery' | G user add zhangsan --role 承办人 --agency GOV --password-stdin >/dev/null ||
    fail "add zhangsan"
echo 'correct horse battery' | G user add 李小明 --role 管理员 --password-stdin >/dev/null || fail "add 李小明"
G user list >"$T/list" || fail list
grep -q '^z\*\*\*\*\*\*n	承办人	GOV	启用' "$T/list" || fail "masked latin name: $(cat "$T/list")"
grep -q '^李\*明	管理员	（全部机关）	启用' "$T/list" || fail "masked Chinese name: $(cat "$T/list")"
grep -q 'zhangsan\|李小明' "$T/list" && fail "a name unmasked"
n0=$(G verify | grep -o '[0-9]* 个事件')
G user list >/dev/null || fail list
[ "$(G verify | grep -o '[0-9]* 个事件')" = "$n0" ] || fail "a masked list wrote an event"
G user list --reveal | grep -q '^zhangsan	' || fail "--reveal"
[ "$(G verify | grep -o '[0-9]* 个事件')" != "$n0" ] || fail "reveal not recorded"
G user disable nobody 2>"$T/err" && fail "unknown account disabled"
grep -q 'nobody' "$T/err" || fail "unknown message"
G user disable zhangsan >/dev/null || fail disable
G user list | grep -q '^z\*\*\*\*\*\*n	承办人	GOV	已停用' || fail "status after disable"
G user disable zhangsan | grep -q '已是停用状态' || fail "disable twice"
G user list --help | grep -q 'disable NAME' || fail help
G verify >/dev/null || fail verify
exit 0
