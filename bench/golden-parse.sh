#!/bin/sh
# Prints `gongkai parse` and `gongkai check --json` of every report under
# tests/resources and fuzz seeds, one after the other, so that two builds can
# be compared byte for byte (performance work must not change a finding).
# usage: bench/golden-parse.sh GONGKAI > out.txt
set -u
cd "$(dirname "$0")/.."
G=$1
find tests/resources fuzz -type f \( -name '*.html' -o -name '*.htm' -o -name '*.md' \
    -o -name '*.txt' \) ! -name '*.source.txt' 2>/dev/null | LC_ALL=C sort | while read -r f; do
    echo "== $f"
    "$G" parse "$f" 2>&1
    echo "rc=$?"
    "$G" check --json "$f" 2>&1
    echo "rc=$?"
done
