#!/bin/sh
# gongkai workdays add/between on the built-in calendar: every test vector
# of spec §2.4, the per-year working-day counts, and the inverse relation.
set -eu
fail() { echo "FAIL: $*"; exit 1; }
# expect OUT ARGS...: stdout must be exactly OUT and the exit code 0
expect() {
    _want=$1; shift
    got=$("$GONGKAI" "$@") || fail "gongkai $* exited $?"
    [ "$got" = "$_want" ] || fail "gongkai $*: got '$got', expected '$_want'"
}

# spec §2.4: D, N, deadline (N working days after D, D not counted)
while read -r d n want; do
    expect "$want" workdays add "$d" "$n"
    expect "$n" workdays between "$d" "$want"
    expect "-$n" workdays between "$want" "$d"  # negative: d is before
done <<'VEC'
2025-01-20 20 2025-02-21
2024-09-27 20 2024-10-30
2023-12-29 20 2024-01-29
2026-02-13 7 2026-03-02
2026-02-13 20 2026-03-19
2020-01-20 20 2020-02-25
2019-04-26 20 2019-05-27
VEC

# working days per year (spec §2.4): Jan 1..Dec 31 = after Dec 31 of the
# previous year; 2019 from its Jan 1 (a holiday, so nothing is lost)
expect 250 workdays between 2019-01-01 2019-12-31
for yv in 2020:249 2021:250 2022:249 2023:249 2024:251 2025:248 2026:248; do
    y=${yv%:*}; v=${yv#*:}
    expect "$v" workdays between "$((y - 1))-12-31" "$y-12-31"
done

# the start day is never counted; 0 is the day itself; negative goes back
expect 2025-03-04 workdays add 2025-03-03 1
expect 2025-03-09 workdays add 2025-03-09 0
# a negative N needs "--" so that it is not read as an option
expect 2025-03-07 workdays add -- 2025-03-09 -1
expect 0 workdays between 2025-03-08 2025-03-09
# make-up Sunday 2025-01-26 counts
expect 2025-01-26 workdays add 2025-01-24 1
echo "t0300-workdays-vectors ok"
