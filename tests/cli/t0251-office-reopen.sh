#!/bin/sh
# t0251-office-reopen.sh: the XLSX and DOCX renderings of three reports
# (2021 seed, 2019 trial format, 2021 with （六） collapsed + blanks +
# unreadable cells) re-opened with openpyxl / python-docx: every cell of
# tables 2-4, the merges, titles and section texts equal the report JSON
# (scripts/office-check.py). A wrong report must be caught too.
# Skips (exit 0 with SKIP) only when Debian's python3-openpyxl/-docx are absent.
set -u
PY=/usr/bin/python3
CHECK="$GK_SOURCE_DIR/scripts/office-check.py"
. "$GK_SOURCE_DIR/tests/cli/office-lib.sh"
if ! "$PY" -c 'import openpyxl, docx' 2>/dev/null; then
    echo "SKIP: python3-openpyxl or python3-docx is not installed"
    exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
for f in seed-2024 report-2019-trial report-2021-collapsed; do
    for fmt in xlsx docx; do
        office_render "$f" "$fmt" "$tmp/$f.$fmt" || { echo "FAIL: render $f $fmt"; fail=1; continue; }
        "$PY" "$CHECK" "$GK_SOURCE_DIR/tests/resources/$f.json" "$tmp/$f.$fmt" || fail=1
    done
done
# The oracle must fail on a mismatch: the collapsed report's files against the seed's JSON.
for fmt in xlsx docx; do
    if "$PY" "$CHECK" "$GK_SOURCE_DIR/tests/resources/seed-2024.json" \
        "$tmp/report-2021-collapsed.$fmt" >/dev/null 2>&1; then
        echo "FAIL: office-check accepted a $fmt of another report"
        fail=1
    fi
done
exit $fail
