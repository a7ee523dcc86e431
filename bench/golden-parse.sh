#!/bin/sh
# Prints `gongkai parse` and `gongkai check --json` of every report under
# tests/resources and fuzz seeds, and of the corpus HTML pages recoded to
# GB18030 (declared gb2312) and converted to Traditional Chinese (when iconv
# and opencc are installed), one after the other, so that two builds can be
# compared byte for byte (performance work must not change a finding).
# usage: bench/golden-parse.sh GONGKAI > out.txt
set -u
cd "$(dirname "$0")/.."
G=$1
V=$(mktemp -d)
trap 'rm -rf "$V"' EXIT
for f in tests/resources/corpus/real/*.html; do
    b=$(basename "$f" .html)
    sed 's/charset="*utf-8"*/charset="gb2312"/I' "$f" | iconv -f UTF-8 -t GB18030 \
        >"$V/$b.gbk.html" 2>/dev/null || rm -f "$V/$b.gbk.html"
    opencc -c s2t.json -i "$f" -o "$V/$b.trad.html" 2>/dev/null || rm -f "$V/$b.trad.html"
done
{
    find tests/resources fuzz -type f \( -name '*.html' -o -name '*.htm' -o -name '*.md' \
        -o -name '*.txt' \) ! -name '*.source.txt' 2>/dev/null | LC_ALL=C sort
    ls "$V"/*.html 2>/dev/null
} | while read -r f; do
    echo "== $f"
    "$G" parse "$f" 2>&1
    echo "rc=$?"
    "$G" check --json "$f" 2>&1
    echo "rc=$?"
done | sed "s#$V/#VARIANTS/#g"
