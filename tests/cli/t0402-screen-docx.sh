#!/bin/sh
# gongkai screen on DOCX: findings in word/document.xml (line = paragraph),
# a masked DOCX that re-screens clean and that LibreOffice opens.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
PY=/usr/bin/python3
$PY -c 'import docx' 2>/dev/null || { echo "SKIP: python3-docx not installed"; exit 0; }

$PY - "$T/a.docx" <<'PYEOF'
import sys, docx
d = docx.Document()
d.add_paragraph("关于政府信息公开申请的答复")
p = d.add_paragraph("申请人身份证号")
p.add_run("35010219900307").bold = True
p.add_run("1234，手机13800138000。")
d.add_paragraph("工作布署已完成。")
d.save(sys.argv[1])
PYEOF
rc=0
"$GONGKAI" screen "$T/a.docx" >"$T/out" 2>&1 || rc=$?
[ "$rc" = 1 ] || fail "exit $rc: $(cat "$T/out")"
grep -qF "a.docx:2:" "$T/out" || fail "paragraph line: $(cat "$T/out")"
grep -qF "居民身份证号「350102199003071234」" "$T/out" || fail "ID across runs: $(cat "$T/out")"
grep -qF "「布署」 → 「部署」" "$T/out" || fail "typo: $(cat "$T/out")"

"$GONGKAI" screen --mask -o "$T/m.docx" "$T/a.docx" >/dev/null 2>&1 || true
"$GONGKAI" screen "$T/m.docx" >"$T/out2" 2>&1 || fail "masked DOCX re-screen: $(cat "$T/out2")"
text=$($PY -c 'import sys,docx; print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' "$T/m.docx")
echo "$text" | grep -qF "申请人身份证号3501**********1234，手机138****8000。" || fail "masked text: $text"

if command -v soffice >/dev/null 2>&1; then
    (cd "$T" && HOME="$T" timeout 120 soffice --headless --convert-to pdf m.docx >/dev/null 2>&1) || fail "soffice"
    [ -s "$T/m.pdf" ] || fail "LibreOffice did not open the masked DOCX"
else
    echo "NOTE: soffice not installed; LibreOffice check skipped"
fi
echo ok
