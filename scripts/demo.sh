#!/bin/sh
# The main job on the embedded default: check the seed report (福州市鼓楼区
# 2024, as report JSON and as published text) and render it in every format
# into out/.
set -u
G=${1:-build-release/gongkai}
cd "$(dirname "$0")/.."
mkdir -p out
echo "== gongkai check tests/resources/seed-2024.json"
"$G" check tests/resources/seed-2024.json
echo "== gongkai check (published text of the seed)"
"$G" check tests/resources/corpus/seed/000_e61fd02df59cf2b0.txt
for f in html md txt json xlsx docx; do
    if "$G" render tests/resources/seed-2024.json --to "$f" -o "out/seed-2024.$f"; then
        echo "rendered out/seed-2024.$f"
    fi
done
