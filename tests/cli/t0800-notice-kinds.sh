#!/bin/sh
# t0800-notice-kinds.sh: `gongkai notice --list` names every kind with its
# article; every kind renders through the CLI as HTML (its article cited,
# the remedy paragraph where one applies, the Chinese date, the reference
# with the tracking number) and as DOCX (a ZIP, byte-identical across runs).
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat >"$T/case.json" <<'JSON'
{"agency": "某市某区人民政府办公室", "tracking_no": "2025-0012", "applicant": "张三",
 "received_date": "2025-02-14", "requested_info": "2024年道路改造工程招标文件",
 "date": "2025-03-05", "decision_text": "见附件。", "reasons": "涉及国家秘密。",
 "review_body": "某区人民政府", "court": "某区人民法院",
 "correction_items": "写明文号。", "correction_deadline": "2025-03-20",
 "extension_days": 20, "extended_to": "2025-04-10", "third_party": "某建设有限公司",
 "reply_deadline": "2025-03-26", "fee_amount": 3000, "fee_basis": "按件计收",
 "payment_method": "银行转账"}
JSON

"$GONGKAI" notice --list >"$T/list" || fail "--list exited $?"
head -1 "$T/list" | grep -q '^种类' || fail "--list header"
kinds=$(tail -n +2 "$T/list" | cut -f1)
[ "$(echo "$kinds" | wc -l)" -ge 26 ] || fail "--list has too few kinds"
grep -q '^deny-secret	不予公开（属于国家秘密）	R_DENY_SECRET	是	先申请行政复议（复议前置）	《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项$' "$T/list" ||
    fail "--list row of deny-secret"
grep -q '^np-confirm	.*（依据待核实）$' "$T/list" || fail "--list does not flag the customary citation"

for k in $kinds; do
    basis=$(grep "^$k	" "$T/list" | cut -f6 | sed 's/（依据待核实）$//')
    remedy=$(grep "^$k	" "$T/list" | cut -f5)
    "$GONGKAI" notice --kind "$k" --data "$T/case.json" -o "$T/$k.html" || fail "$k html exited $?"
    grep -qF "$basis" "$T/$k.html" || fail "$k: '$basis' not cited"
    grep -qF '2025年3月5日' "$T/$k.html" || fail "$k: date not in Chinese form"
    grep -qF '依申请公开〔2025〕12号' "$T/$k.html" || fail "$k: reference line"
    grep -qF '<p class="letterhead">某市某区人民政府办公室</p>' "$T/$k.html" || fail "$k: letterhead"
    case $remedy in
    无*) ! grep -qF '行政复议' "$T/$k.html" || fail "$k: procedural letter with a remedy" ;;
    先申请*) grep -qF '第二十三条第一款第（四）项' "$T/$k.html" || fail "$k: review-first remedy" ;;
    收费*) grep -qF '不能单独申请行政复议' "$T/$k.html" || fail "$k: fee remedy" ;;
    *) grep -qF '《中华人民共和国行政诉讼法》第四十六条' "$T/$k.html" || fail "$k: remedy paragraph" ;;
    esac
    "$GONGKAI" notice --kind "$k" --data "$T/case.json" --to docx -o "$T/$k.docx" || fail "$k docx"
    "$GONGKAI" notice --kind "$k" --data "$T/case.json" --to docx -o "$T/$k.2.docx" || fail "$k docx"
    [ "$(head -c 2 "$T/$k.docx")" = "PK" ] || fail "$k: docx is not a ZIP"
    cmp -s "$T/$k.docx" "$T/$k.2.docx" || fail "$k: docx differs between runs"
done

# stdout by default; the data file may come from stdin
"$GONGKAI" notice --kind grant --data - <"$T/case.json" | grep -q '^<!DOCTYPE html>' || fail "stdin/stdout"
echo "ok: $(echo "$kinds" | wc -l) kinds in both formats"
