#!/bin/sh
# t0800-notice-libreoffice.sh: LibreOffice (headless) opens a notice's DOCX
# and converts it to PDF; the PDF text has the letterhead, title, reference,
# the article, the reasons and the remedy paragraph. Skips without soffice.
set -u
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    echo "SKIP: soffice or pdftotext is not installed"
    exit 0
fi
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cat >"$T/case.json" <<'JSON'
{"agency": "某市某区人民政府办公室", "tracking_no": "0012", "applicant": "张三",
 "received_date": "2025-02-14", "requested_info": "某街道道路改造工程招标文件",
 "date": "2025-03-05", "decision_text": "招标公告已随本告知书提供。",
 "reasons": "评标委员会成员名单涉及个人隐私。", "review_body": "某区人民政府", "court": "某区人民法院"}
JSON
"$GONGKAI" notice --kind partial --data "$T/case.json" --to docx -o "$T/n.docx" || fail "render"
timeout 180 soffice "-env:UserInstallation=file://$T/profile" --headless --convert-to pdf \
    --outdir "$T" "$T/n.docx" >"$T/log" 2>&1
[ -s "$T/n.pdf" ] || { cat "$T/log"; fail "LibreOffice did not convert the DOCX"; }
pdftotext "$T/n.pdf" - | tr -d ' \n' >"$T/n.txt"
for want in 某市某区人民政府办公室 政府信息公开申请答复告知书 依申请公开〔2025〕0012号 张三： \
    2025年2月14日 第三十七条 评标委员会成员名单涉及个人隐私 第二十三条第一款第（四）项 2025年3月5日; do
    grep -qF "$want" "$T/n.txt" || fail "PDF lacks $want"
done
echo "ok"
