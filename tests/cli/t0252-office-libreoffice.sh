#!/bin/sh
# t0252-office-libreoffice.sh: LibreOffice (headless) opens the seed
# report's DOCX and XLSX and converts each to PDF; the PDF text has the
# title, the table labels and the numbers. One conversion per format
# (LibreOffice takes seconds to start). Skips when soffice is absent.
set -u
. "$GK_SOURCE_DIR/tests/cli/office-lib.sh"
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    echo "SKIP: soffice (libreoffice-writer/calc-nogui) or pdftotext is not installed"
    exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
for fmt in docx xlsx; do
    mkdir -p "$tmp/$fmt"
    office_render seed-2024 "$fmt" "$tmp/$fmt/seed.$fmt" || { echo "FAIL: render $fmt"; exit 1; }
    # a private profile: other LibreOffice processes on the machine do not interfere
    timeout 180 soffice "-env:UserInstallation=file://$tmp/profile" --headless \
        --convert-to pdf --outdir "$tmp/$fmt" "$tmp/$fmt/seed.$fmt" >"$tmp/$fmt/log" 2>&1
    if [ ! -s "$tmp/$fmt/seed.pdf" ]; then
        echo "FAIL: LibreOffice did not convert the $fmt"; cat "$tmp/$fmt/log"; fail=1; continue
    fi
    pdftotext -layout "$tmp/$fmt/seed.pdf" "$tmp/$fmt/seed.txt"
    for want in 福州市鼓楼区人民政府2024年政府信息公开工作年度报告 第二十条第（一）项 \
        本年新收政府信息公开申请数量 行政规范性文件 未经复议直接起诉 申请人情况; do
        tr -d ' \n' <"$tmp/$fmt/seed.txt" | grep -q "$want" || { echo "FAIL: $fmt PDF lacks $want"; fail=1; }
    done
    # the 总计 of 一、本年新收 (25) and 行政规范性文件's 现行有效件数 (25), 废止 8
    grep -q '25' "$tmp/$fmt/seed.txt" && grep -q '8' "$tmp/$fmt/seed.txt" || { echo "FAIL: $fmt numbers"; fail=1; }
    echo "ok: LibreOffice converted the $fmt ($(pdfinfo "$tmp/$fmt/seed.pdf" 2>/dev/null | awk '/^Pages/{print $2}') pages)"
done
exit $fail
