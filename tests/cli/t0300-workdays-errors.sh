#!/bin/sh
# gongkai workdays: bad input is exit 2 with a clear message on stderr and
# nothing on stdout; a year the calendar does not cover is an error that
# names the year (spec §5).
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# usage_error PATTERN ARGS...: exit 2, empty stdout, stderr contains PATTERN
usage_error() {
    pat=$1; shift
    rc=0
    "$GONGKAI" "$@" >"$T/out" 2>"$T/err" || rc=$?
    [ "$rc" = 2 ] || fail "gongkai $*: exit $rc, expected 2"
    [ ! -s "$T/out" ] || fail "gongkai $*: unexpected stdout: $(cat "$T/out")"
    grep -qF -- "$pat" "$T/err" || fail "gongkai $*: stderr lacks '$pat': $(cat "$T/err")"
}

usage_error "日期 '2025-02-29' 无效" workdays add 2025-02-29 5
usage_error "日期 '2025-1-20' 无效" workdays add 2025-1-20 5
usage_error "日期 '20250120' 无效" workdays between 20250120 2025-02-01
usage_error "N 'x' 无效" workdays add 2025-01-20 x
usage_error "N '5.5' 无效" workdays add 2025-01-20 5.5
usage_error "用法: gongkai workdays" workdays
usage_error "用法: gongkai workdays" workdays subtract 2025-01-20 5
usage_error "用法: gongkai workdays" workdays add 2025-01-20
usage_error "未知选项" workdays add 2025-01-20 5 --frobnicate
usage_error "year 2027" workdays add 2026-12-20 20
usage_error "year 2018" workdays add 2018-12-31 1
usage_error "year 2027" workdays between 2026-06-01 2027-01-04
usage_error "year 2018" workdays add -- 2019-01-10 -20
usage_error "--pause '2025-03-14..2025-03-10' 无效" workdays add 2025-03-03 20 --pause 2025-03-14..2025-03-10
usage_error "暂停原因 'lunch' 无效" workdays add 2025-03-03 20 --pause 2025-03-10..2025-03-14,lunch
usage_error "只用于 add" workdays between 2025-03-03 2025-03-10 --explain
usage_error "无法读取日历文件" workdays add 2025-01-20 20 --calendar "$T/missing.csv"

"$GONGKAI" workdays --help | grep -q "用法: gongkai workdays add DATE N" || fail "--help"
echo "t0300-workdays-errors ok"
