#!/bin/sh
# A generated input larger than several windows (1 MiB each) is streamed:
# every planted item is found at its exact offset, nothing else is, and
# memory stays flat (max RSS well under the input size).
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 40,000 lines of office text (about 4.6 MB); a mobile number every 1000th
# line, at a byte offset the generator records.
LC_ALL=C awk 'BEGIN {
    off = 0
    line = "本机关认真贯彻落实政府信息公开条例，依法依规做好政府信息公开工作，持续提升公开质量。"
    for (i = 1; i <= 40000; i++) {
        if (i % 1000 == 0) {
            pre = "联系人电话"
            printf "%s%s%s\n", pre, "13800138000", line
            print off + length(pre) > "/dev/stderr"
            off += length(pre) + 11 + length(line) + 1
        } else {
            printf "%s\n", line
            off += length(line) + 1
        }
    }
}' >"$T/big.txt" 2>"$T/want"
size=$(wc -c <"$T/big.txt")
[ "$size" -gt 4000000 ] || fail "generator: $size bytes"
"$GONGKAI" screen --json "$T/big.txt" >"$T/json" || true
tr '{' '\n' <"$T/json" | sed -n 's/.*"start":\([0-9]*\).*/\1/p' >"$T/got"
diff "$T/want" "$T/got" >/dev/null || fail "offsets differ: $(diff "$T/want" "$T/got" | head)"
[ "$(wc -l <"$T/got")" = 40 ] || fail "count"
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$T/rss" "$GONGKAI" screen "$T/big.txt" >/dev/null 2>&1 || true
    echo "max RSS $(tail -n 1 "$T/rss") KiB for $size bytes"
fi
echo ok
