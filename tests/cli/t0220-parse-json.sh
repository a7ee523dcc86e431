#!/bin/sh
# gongkai parse: report JSON in, the normalised report JSON out (stdout, -o,
# stdin); parse then render equals render; bad input exits 2.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
R="$GK_SOURCE_DIR/tests/resources"
G="$GK_SOURCE_DIR/tests/golden"

# the output records the input file as "source"; the goldens have none
"$GONGKAI" parse "$R/seed-2024.json" > "$T/a.json"
grep -q "^  \"source\": \"$R/seed-2024.json\",\$" "$T/a.json" || { echo "no source"; exit 1; }
grep -v '^  "source": ' "$T/a.json" | cmp -s - "$G/seed-2024.json" || { echo "parse != golden json"; diff "$G/seed-2024.json" "$T/a.json" | head; exit 1; }
"$GONGKAI" parse "$R/render/report-2019.json" -o "$T/b.json"
grep -v '^  "source": ' "$T/b.json" | cmp -s - "$G/report-2019.json" || { echo "parse -o (2019) differs"; exit 1; }
"$GONGKAI" parse - < "$R/render/report-collapsed.json" > "$T/c.json"
cmp -s "$T/c.json" "$G/report-collapsed.json" || { echo "parse stdin differs"; exit 1; }
# idempotent, and rendering the parsed JSON equals rendering the input
"$GONGKAI" parse "$T/a.json" | cmp -s - "$T/a.json" || { echo "parse not idempotent"; exit 1; }
"$GONGKAI" render "$T/a.json" --to txt | cmp -s - "$G/seed-2024.txt" || { echo "render(parse) differs"; exit 1; }

echo keep > "$T/keep.json"
for bad in empty binary; do
    case $bad in
    empty) : > "$T/in" ;;
    binary) printf '\000\001\002' > "$T/in" ;;
    esac
    rc=0
    "$GONGKAI" parse "$T/in" -o "$T/keep.json" 2> "$T/err" || rc=$?
    [ "$rc" = 2 ] || { echo "$bad: exit $rc"; exit 1; }
    grep -q "$bad" "$T/err" || { echo "$bad: message"; cat "$T/err"; exit 1; }
    [ "$(cat "$T/keep.json")" = keep ] || { echo "$bad: output changed"; exit 1; }
done
rc=0
"$GONGKAI" parse "$R/seed-2024.json" --max-size 100 > "$T/out" 2> "$T/err" || rc=$?
[ "$rc" = 2 ] && [ ! -s "$T/out" ] && grep -q "大小上限" "$T/err" || { echo "over-cap"; exit 1; }
"$GONGKAI" parse --help | grep -q "报告 JSON" || { echo "--help"; exit 1; }
echo "t0220 ok"
