#!/bin/sh
# gongkai render --to pdf: the seed and the 2019/collapsed fixtures render;
# the bytes are the same in two processes and through a pipe; A4 pages,
# Noto CJK fonts embedded as subsets, the title in the metadata, every
# page numbered; --help and the unknown-format message list pdf.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
R="$GK_SOURCE_DIR/tests/resources"

"$GONGKAI" render --help | grep -q 'html|md|txt|json|xlsx|docx|pdf' || { echo "--help lacks pdf"; exit 1; }
if "$GONGKAI" render "$R/seed-2024.json" --to pdx -o "$T/x" 2> "$T/err"; then
    echo "unknown format accepted"; exit 1
fi
grep -q 'pdf' "$T/err" || { echo "unknown-format message lacks pdf"; cat "$T/err"; exit 1; }

"$GONGKAI" render "$R/seed-2024.json" --to pdf -o "$T/a.pdf"
"$GONGKAI" render "$R/seed-2024.json" --to pdf > "$T/b.pdf"
[ "$(head -c 5 "$T/a.pdf")" = "%PDF-" ] || { echo "not a PDF"; exit 1; }
cmp -s "$T/a.pdf" "$T/b.pdf" || { echo "two renders differ"; exit 1; }
for f in render/report-2019.json render/report-collapsed.json; do
    "$GONGKAI" render "$R/$f" --to pdf -o "$T/f.pdf"
    [ "$(head -c 5 "$T/f.pdf")" = "%PDF-" ] || { echo "$f: not a PDF"; exit 1; }
done

if ! command -v pdfinfo >/dev/null 2>&1; then
    echo "t0260 ok (poppler-utils missing: structure not checked)"
    exit 0
fi
pdfinfo "$T/a.pdf" > "$T/info"
grep -q '^Page size: *595.276 x 841.89 pts (A4)' "$T/info" || { echo "not A4"; cat "$T/info"; exit 1; }
grep -q '^Title: *福州市鼓楼区人民政府2024年政府信息公开工作年度报告' "$T/info" || { echo "title"; exit 1; }
pages=$(sed -n 's/^Pages: *//p' "$T/info")
[ "$pages" -ge 3 ] || { echo "only $pages pages"; exit 1; }
# fonts: embedded (emb) subsets (sub) of Noto Serif/Sans CJK SC, all with ToUnicode (uni)
pdffonts "$T/a.pdf" | tail -n +3 > "$T/fonts"
grep -q 'NotoSerifCJKsc-Regular' "$T/fonts" && grep -q 'NotoSansCJKsc-Regular' "$T/fonts" || { echo "fonts"; cat "$T/fonts"; exit 1; }
if awk '$(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes" { bad = 1 } END { exit !bad }' "$T/fonts"; then
    echo "a font is not an embedded subset with ToUnicode"; cat "$T/fonts"; exit 1
fi
# each page carries its number "— n —" (GB/T 9704 page numbers)
n=1
while [ "$n" -le "$pages" ]; do
    pdftotext -q -f "$n" -l "$n" -enc UTF-8 "$T/a.pdf" - | tr -d ' ' | grep -qx "—${n}—" || { echo "page $n number"; exit 1; }
    n=$((n + 1))
done
pdftotext -q -enc UTF-8 "$T/a.pdf" - | tr -d ' \n' > "$T/text"
for label in '三、收到和处理政府信息公开申请情况' '（七）总计' '四、结转下年度继续办理' '第二十条第（一）项' '复议后起诉'; do
    grep -q "$label" "$T/text" || { echo "missing $label"; exit 1; }
done
echo "t0260 ok"
