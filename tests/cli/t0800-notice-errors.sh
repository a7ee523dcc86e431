#!/bin/sh
# t0800-notice-errors.sh: usage and input errors exit 2 with a message
# naming the problem (missing fields, unknown kind or key, bad JSON or date,
# a broken template in --templates DIR) and write no output file; hostile
# applicant names are escaped; a template folder overrides one kind.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# expect_error PATTERN ARGS...: exit 2, PATTERN on stderr, no output file
expect_error() {
    pat=$1; shift
    rc=0
    "$GONGKAI" notice "$@" -o "$T/out" >"$T/stdout" 2>"$T/stderr" || rc=$?
    [ "$rc" = 2 ] || fail "notice $*: exit $rc, expected 2"
    grep -qF -- "$pat" "$T/stderr" || fail "notice $*: stderr lacks '$pat': $(cat "$T/stderr")"
    [ ! -e "$T/out" ] || fail "notice $*: wrote an output file"
}
cat >"$T/ok.json" <<'JSON'
{"agency": "某区人民政府办公室", "tracking_no": "12", "applicant": "张三",
 "received_date": "2025-02-14", "requested_info": "某文件", "date": "2025-03-05",
 "decision_text": "见附件。", "review_body": "某区人民政府", "court": "某区人民法院"}
JSON
sed 's/"review_body": "某区人民政府", "court": "某区人民法院"/"contact": "1"/' "$T/ok.json" >"$T/noremedy.json"
sed 's/"2025-03-05"/"2025-13-05"/' "$T/ok.json" >"$T/baddate.json"
sed 's/"applicant"/"applicant_name"/' "$T/ok.json" >"$T/badkey.json"
printf '{"agency": ' >"$T/broken.json"

"$GONGKAI" notice --help | grep -q -- '--templates' || fail "--help"
expect_error '需要 --kind 和 --data' --kind grant
expect_error '未知告知书种类' --kind grnat --data "$T/ok.json"
expect_error '未知输出格式' --kind grant --data "$T/ok.json" --to pdf
expect_error "缺少必填字段：review_body（行政复议机关）、court（人民法院）" --kind grant --data "$T/noremedy.json"
expect_error "缺少必填字段：reasons（理由）" --kind deny-secret --data "$T/ok.json"
expect_error "不是有效日期" --kind grant --data "$T/baddate.json"
expect_error "未知字段 'applicant_name'" --kind grant --data "$T/badkey.json"
expect_error "JSON" --kind grant --data "$T/broken.json"
expect_error "$T/missing.json" --kind grant --data "$T/missing.json"

# a broken template is reported at load, with file, line and placeholder
mkdir "$T/tpl"
printf '依据{{legal_basis}}。\n\n{{remedy}}\n\n{{applicnat}}\n' >"$T/tpl/grant.tmpl"
expect_error "模板 'grant.tmpl'（目录）第 5 行: 未知占位符 '{{applicnat}}'" --list --templates "$T/tpl"
expect_error "无法打开模板目录" --list --templates "$T/nodir"
# a good override replaces that kind only
printf '= 本机关答复书\n\n< {{applicant}}：\n\n依据{{legal_basis}}。\n\n{{remedy}}\n' >"$T/tpl/grant.tmpl"
"$GONGKAI" notice --kind grant --data "$T/ok.json" --templates "$T/tpl" -o "$T/g.html" || fail "override"
grep -qF '<p class="title">本机关答复书</p>' "$T/g.html" || fail "override not used"
grep -qF '第二十三条' "$T/g.html" && fail "override: grant's remedy is not review-first"

# hostile applicant: escaped in HTML, never raw markup
sed 's/"张三"/"<img src=x onerror=alert(1)>\&\\"\\u0007"/' "$T/ok.json" >"$T/hostile.json"
"$GONGKAI" notice --kind grant --data "$T/hostile.json" -o "$T/h.html" || fail "hostile render"
! grep -q '<img' "$T/h.html" || fail "raw markup in HTML"
grep -qF '&lt;img src=x onerror=alert(1)&gt;&amp;&quot;�' "$T/h.html" || fail "escaping"
echo "ok"
