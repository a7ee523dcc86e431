#!/bin/sh
# The report engine on the embedded default: checks the seed report
# (福州市鼓楼区人民政府 2024, as report JSON and as the text its portal
# published), renders it in every format into out/, and audits the corpus of
# real published reports.
set -u
G=${1:-build-release/gongkai}
cd "$(dirname "$0")/.."
mkdir -p out
echo "== gongkai check tests/resources/seed-2024.json"
"$G" check tests/resources/seed-2024.json
echo "== gongkai check tests/resources/corpus/seed/000_e61fd02df59cf2b0.txt   (the published text)"
"$G" check tests/resources/corpus/seed/000_e61fd02df59cf2b0.txt
for f in html md txt json xlsx docx pdf; do
    if "$G" render tests/resources/seed-2024.json --to "$f" -o "out/seed-2024.$f" 2>/dev/null; then
        echo "rendered out/seed-2024.$f"
    fi
done
echo "== gongkai audit tests/resources/corpus/real   (24 published reports; rows with problems, then the summary)"
"$G" audit -q $(ls tests/resources/corpus/real/* | grep -v '\.source\.txt$') | tail -14
exit 0
