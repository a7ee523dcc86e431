#!/bin/sh
# gongkai fee --count / --pages: the spec §4 examples, bracket edges, --json,
# and exit 2 for bad input.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect() {
    _want=$1; shift
    got=$("$GONGKAI" "$@") || fail "gongkai $* exited $?"
    [ "$got" = "$_want" ] || fail "gongkai $*:
  got      '$got'
  expected '$_want'"
}
line() { echo "按件计收：本月第 $1 件收费标准 $2 元/件，本月累计 $1 件合计 $3 元（国办函〔2020〕109号第四条）"; }

# 按件计收 (第四条): spec examples 35 → 3000, 50 → 7000, and the edges
expect "$(line 35 200 3000)" fee --count 35
expect "$(line 50 300 7000)" fee --count 50
expect "$(line 1 0 0)" fee --count 1
expect "$(line 10 0 0)" fee --count 10
expect "$(line 11 100 100)" fee --count 11
expect "$(line 30 100 2000)" fee --count 30
expect "$(line 31 200 2200)" fee --count 31
expect "$(line 40 200 4000)" fee --count 40
expect "$(line 41 300 4300)" fee --count 41
expect '{"method":"count","count":35,"rate":200,"total":3000,"basis":"国办函〔2020〕109号第四条"}' \
    fee --count 35 --json

# 按量计收 (第五条): 250 pages → 4700, and the edges
for pv in 0:0 1:0 30:0 31:10 100:700 101:720 200:2700 201:2740 250:4700; do
    expect "${pv#*:}" fee --pages "${pv%:*}"
done
expect '{"method":"pages","pages":250,"total":4700,"basis":"国办函〔2020〕109号第五条"}' \
    fee --json --pages 250

# bad input: exit 2, message on stderr, nothing on stdout
usage_error() {
    pat=$1; shift
    rc=0
    "$GONGKAI" "$@" >"$T/out" 2>"$T/err" || rc=$?
    [ "$rc" = 2 ] || fail "gongkai $*: exit $rc, expected 2"
    [ ! -s "$T/out" ] || fail "gongkai $*: unexpected stdout"
    grep -qF -- "$pat" "$T/err" || fail "gongkai $*: stderr lacks '$pat': $(cat "$T/err")"
}
usage_error "--count '0' 无效" fee --count 0
usage_error "--count '-3' 无效" fee --count -3
usage_error "--count 'abc' 无效" fee --count abc
usage_error "--pages '-1' 无效" fee --pages -1
usage_error "--pages '99999999999999999999' 无效" fee --pages 99999999999999999999
usage_error "之一" fee
usage_error "之一" fee --count 3 --pages 40
usage_error "之一" fee 35
usage_error "too large" fee --count 9223372036854775807
usage_error "需要一个值" fee --count

"$GONGKAI" fee --help | grep -q "国办函〔2020〕109号" || fail "--help"
echo "t0310-fee-values ok"
