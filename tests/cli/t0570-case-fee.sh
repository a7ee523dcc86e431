#!/bin/sh
# gongkai case event FEE_NOTICE --fee-by 件|量 (国办函〔2020〕109号): the 11th
# application of one applicant in March 2025 costs 100 元 (第四条), the 5th
# is free and refused; 250 pages cost 4,700 元 (第五条); abandonment for
# non-payment is refused until the 20 working days after delivery (to
# 2025-04-18, 清明 not counted) have passed.
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
G() { "$GONGKAI" "$@" --db "$T/g.db"; }

"$GONGKAI" init --db "$T/g.db" >/dev/null || fail init
G agency add GOV 某区人民政府 >/dev/null || fail agency
for d in 03 04 05 06 07 10 11 12 13 14 17; do
    C=$(G case add --applicant 王五 --id-number 110105194912310021 --type 自然人 --channel 当面 \
        --received 2025-03-$d) || fail "case $d"
    [ "$d" = 07 ] && FIFTH=$C
done
for c in "$FIFTH" "$C"; do G case event "$c" ACCEPT --date 2025-03-18 >/dev/null || fail accept; done
G case event "$FIFTH" FEE_NOTICE --date 2025-03-20 --fee-by 件 2>"$T/err" && fail "free 件 charged"
grep -q '免费' "$T/err" || fail "free message: $(cat "$T/err")"
G case event "$C" FEE_NOTICE --date 2025-03-20 --fee-by 件 --fee 200 2>/dev/null && fail "wrong amount accepted"
G case event "$C" FEE_NOTICE --date 2025-03-20 --fee-by 件 --fee 100 >/dev/null || fail "11th 件 at 100 元"
G case event "$C" FEE_LAPSED --date 2025-04-18 2>"$T/err" && fail "lapse inside the window"
grep -q '2025-04-18' "$T/err" || fail "window message: $(cat "$T/err")"
G case event "$C" FEE_LAPSED --date 2025-04-21 >/dev/null || fail "lapse after the window"
P=$(G case add --applicant 某公司 --id-number 91110000100000000X --type 商业企业 --channel 当面 --received 2025-03-05)
G case event "$P" ACCEPT --date 2025-03-06 >/dev/null || fail accept
G case event "$P" FEE_NOTICE --date 2025-03-20 --fee-by 量 --pages 250 --fee 4700 >/dev/null || fail "250 pages"
G verify >/dev/null || fail verify
exit 0
