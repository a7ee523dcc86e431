#!/bin/sh
# Crash safety: kill -9 in the middle of a big import and of a burst of
# case registrations. Nothing acknowledged is lost (an import is all or
# nothing; every printed tracking code is in the database), nothing is
# half-written, and the audit chain verifies afterwards.
set -u
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
G() { "$GONGKAI" "$@" --db "$T/g.db"; }
N=20000

"$GONGKAI" init --db "$T/g.db" >/dev/null || fail init
G agency add GOV 某市人民政府 >/dev/null || fail agency
awk -v n=$N 'BEGIN { print "tracking_no,applicant_type,applicant,channel,received,concluded,outcome";
    for (i = 0; i < n; i++) printf "L%d,自然人,申请人%d,网络,2024-%02d-%02d,,\n", i, i % 1000, i % 12 + 1, i % 28 + 1 }' \
    > "$T/big.csv"

# 1. Import, killed once it is writing (its WAL has grown).
"$GONGKAI" import cases "$T/big.csv" --db "$T/g.db" > "$T/out" 2>&1 &
pid=$!
i=0
while [ $i -lt 600 ]; do
    size=$(stat -c %s "$T/g.db-wal" 2>/dev/null || echo 0)
    [ "$size" -gt 2000000 ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.05
    i=$((i + 1))
done
kill -9 $pid 2>/dev/null && killed=1 || killed=0
wait $pid 2>/dev/null
n=$(G case list | wc -l)
if grep -q '已导入' "$T/out"; then
    [ "$n" -eq $N ] || fail "import acknowledged but $n of $N rows present"
else
    [ "$n" -eq 0 ] || [ "$n" -eq $N ] || fail "half-written import: $n of $N rows"
fi
out=$(G verify) || fail "verify after kill: $out"
echo "import killed=$killed, rows after kill: $n"
if [ "$n" -eq 0 ]; then
    # Nothing of the killed import remains, so the same file imports cleanly.
    G import cases "$T/big.csv" > "$T/out" 2>&1 || fail "re-import: $(cat "$T/out")"
    [ "$(G case list | wc -l)" -eq $N ] || fail "re-import row count"
fi

# 2. A burst of registrations, each acknowledged by printing its code; the
# loop and the running gongkai are killed -9 mid-way.
(
    k=0
    while [ $k -lt 400 ]; do
        "$GONGKAI" case add --applicant "突发$k" --received 2025-05-06 --db "$T/g.db" >> "$T/acked" 2>/dev/null &
        echo $! > "$T/child"
        wait $!
        k=$((k + 1))
    done
) &
loop=$!
sleep 3
kill -9 $loop 2>/dev/null
[ -f "$T/child" ] && kill -9 "$(cat "$T/child")" 2>/dev/null
wait $loop 2>/dev/null
sleep 0.2
acked=$(grep -c . "$T/acked" 2>/dev/null || echo 0)
[ "$acked" -gt 0 ] || fail "no registration was acknowledged in 3 s"
G case list | cut -f1 > "$T/stored"
while read -r code; do
    grep -qx "$code" "$T/stored" || fail "acknowledged case $code lost"
done < "$T/acked"
out=$(G verify) || fail "verify after burst: $out"
echo "burst: $acked acknowledged, all present; $out"
echo ok
