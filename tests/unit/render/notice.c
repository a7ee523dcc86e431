/*
 * notice.c: tests of the reply notices (告知书): the kind table against the
 * articles (reasons where 第三十六条第（三）（五）项 / 第三十七条 require them,
 * 复议前置 for 不予公开), every kind in both formats with its article and
 * remedy, hostile field values, missing and malformed fields, the embedded
 * templates equal to data/notices/, and broken templates caught at load.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "gk/errors.h"
#include "gk/fileio.h"
#include "gk/notice.h"
#include "gk/report.h"
#include "office_util.h"
#include "render/notice_int.h"
#include "util/utf8.h"
#include "test.h"

/* Every input field of the catalogue, so any kind renders. */
static const gk_notice_field all_fields[] = {
    {"agency", "某市某区人民政府办公室"},
    {"ref_prefix", "某区府办公开"},
    {"tracking_no", "0012"},
    {"applicant", "张三"},
    {"received_date", "2025-02-14"},
    {"requested_info", "2024年某街道道路改造工程的招标文件"},
    {"date", "2025-03-05"},
    {"contact", "某区府办政务公开科，电话 010-12345678"},
    {"decision_text", "请登录本机关门户网站“政府信息公开”栏目查阅。"},
    {"reasons", "该信息已依法确定为国家秘密。"},
    {"other_agency", "某区住房和城乡建设局"},
    {"other_agency_contact", "010-87654321"},
    {"review_body", "某区人民政府"},
    {"court", "某区人民法院"},
    {"correction_items", "请写明所需信息的名称或者文号。"},
    {"correction_deadline", "2025-03-20"},
    {"extension_days", "20"},
    {"extended_to", "2025-04-10"},
    {"third_party", "某建设有限公司"},
    {"reply_deadline", "2025-03-26"},
    {"fee_amount", "3000"},
    {"fee_basis", "按件计收，本月第11至35件"},
    {"payment_method", "银行转账至某区财政局非税收入账户"},
};
#define NALL (sizeof all_fields / sizeof all_fields[0])

static gk_notice_templates *load_default(void)
{
    gk_notice_templates *t = NULL;

    if (gk_notice_templates_load(&t, NULL) < 0)
        printf("# load: %s\n", gk_error_last()->message);
    return t;
}

/* The fields minus the one named `drop`. */
static size_t without(gk_notice_field *out, const char *drop)
{
    size_t i, n = 0;

    for (i = 0; i < NALL; i++)
        if (!drop || strcmp(all_fields[i].key, drop) != 0)
            out[n++] = all_fields[i];
    return n;
}

GK_TEST(render_notice, kind_table_matches_articles)
{
    size_t n, i;
    const gk_notice_kind *k = gk_notice_kinds(&n);

    GK_T_OK(n >= 26);
    for (i = 0; i < n; i++) {
        /* 第三十六条第（三）项 and （五）项 and 第三十七条 require reasons */
        bool statute_reasons = strstr(k[i].basis, "第三十六条第（三）项") ||
                               strstr(k[i].basis, "第三十六条第（五）项") ||
                               strstr(k[i].basis, "第三十七条");
        bool withheld = k[i].t3_row &&
                        (!strncmp(k[i].t3_row, "R_DENY_", 7) || !strcmp(k[i].t3_row, "R_PARTIAL"));

        if (k[i].needs_reasons != statute_reasons)
            GK_T_FAIL("%s: needs_reasons %d but basis '%s'", k[i].id, k[i].needs_reasons,
                      k[i].basis);
        if (k[i].t3_row && gk_t3_row_from_key(k[i].t3_row, strlen(k[i].t3_row)) < 0)
            GK_T_FAIL("%s: unknown table-3 row '%s'", k[i].id, k[i].t3_row);
        /* 复议前置 (行政复议法第二十三条第一款第（四）项) for every withheld
         * decision; 36(七) is counted as withheld but only redirects */
        if ((k[i].remedy == GK_NOTICE_REMEDY_REVIEW_FIRST) !=
            (withheld && strcmp(k[i].id, "deny-query") != 0))
            GK_T_FAIL("%s: remedy %d", k[i].id, (int)k[i].remedy);
        /* decisions have a remedy; procedural letters (no row) only the fee */
        if (k[i].t3_row && k[i].remedy == GK_NOTICE_REMEDY_NONE)
            GK_T_FAIL("%s: a decision without remedy", k[i].id);
        GK_T_OK(gk_notice_kind_find(k[i].id) == &k[i]);
    }
    GK_T_OK(gk_notice_kind_find("nope") == NULL);
    GK_T_STR_EQ(gk_notice_kind_find("extension")->basis,
                "《中华人民共和国政府信息公开条例》第三十三条第二款");
    GK_T_STR_EQ(gk_notice_kind_find("deny-third")->basis,
                "《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项");
}

/* The remedy paragraph's markers, and their absence for NONE. */
static void check_remedy(const char *doc, const gk_notice_kind *k)
{
    bool general = strstr(doc, "行政诉讼法》第四十六条") && strstr(doc, "六个月内向某区人民法院");
    bool first = strstr(doc, "第二十三条第一款第（四）项") && strstr(doc, "十五日内");
    bool fee = strstr(doc, "不能单独申请行政复议");

    switch (k->remedy) {
    case GK_NOTICE_REMEDY_GENERAL:
        if (!general || first || fee)
            GK_T_FAIL("%s: general remedy paragraph wrong", k->id);
        GK_T_OK(strstr(doc, "六十日内向某区人民政府申请行政复议"));
        break;
    case GK_NOTICE_REMEDY_REVIEW_FIRST:
        if (!first || general || fee)
            GK_T_FAIL("%s: review-first remedy paragraph wrong", k->id);
        break;
    case GK_NOTICE_REMEDY_FEE:
        if (!fee || general || first)
            GK_T_FAIL("%s: fee remedy paragraph wrong", k->id);
        break;
    default:
        if (strstr(doc, "行政复议"))
            GK_T_FAIL("%s: procedural letter with a remedy", k->id);
    }
}

GK_TEST(render_notice, every_kind_both_formats)
{
    gk_notice_templates *t = load_default();
    size_t n, i;
    const gk_notice_kind *k = gk_notice_kinds(&n);

    GK_T_OK(t);
    for (i = 0; i < n && !gk_test__failed(); i++) {
        gk_buf h = GK_BUF_INIT, d = GK_BUF_INIT, d2 = GK_BUF_INIT;
        char *doc;

        GK_T_CALL(gk_notice_render(&h, t, k[i].id, all_fields, NALL, GK_NOTICE_HTML));
        GK_T_CALL(gk_notice_render(&d, t, k[i].id, all_fields, NALL, GK_NOTICE_DOCX));
        GK_T_CALL(gk_notice_render(&d2, t, k[i].id, all_fields, NALL, GK_NOTICE_DOCX));
        GK_T_MEM_EQ(d.ptr, d.len, d2.ptr, d2.len); /* deterministic */
        doc = office_unzip(d.ptr, d.len, "word/document.xml", NULL);
        GK_T_OK(doc);
        if (!strstr(h.ptr, k[i].basis) || !strstr(doc, k[i].basis))
            GK_T_FAIL("%s: article '%s' not cited", k[i].id, k[i].basis);
        GK_T_OK(!strncmp(h.ptr, "<!DOCTYPE html>", 15) && strstr(h.ptr, "@page{size:A4"));
        /* letterhead, 文号 with the tracking number, Chinese date */
        GK_T_OK(strstr(h.ptr, "<p class=\"letterhead\">某市某区人民政府办公室</p>"));
        GK_T_OK(strstr(h.ptr, "某区府办公开〔2025〕0012号") &&
                strstr(doc, "某区府办公开〔2025〕0012号"));
        GK_T_OK(strstr(h.ptr, "2025年3月5日") && strstr(doc, "2025年3月5日"));
        GK_T_OK(strstr(doc, "w:eastAsia=\"zh-CN\""));
        if (k[i].needs_reasons && !strstr(h.ptr, "该信息已依法确定为国家秘密。"))
            GK_T_FAIL("%s: reasons missing", k[i].id);
        check_remedy(h.ptr, &k[i]);
        check_remedy(doc, &k[i]);
        /* the consultation letter goes to the third party, not the applicant */
        if (!strcmp(k[i].id, "consult-third"))
            GK_T_OK(!strstr(h.ptr, "张三") && strstr(h.ptr, "某建设有限公司："));
        gk_free(doc);
        gk_buf_release(&h);
        gk_buf_release(&d);
        gk_buf_release(&d2);
    }
    gk_notice_templates_free(t);
}

GK_TEST(render_notice, hostile_applicant_escaped)
{
    gk_notice_templates *t = load_default();
    gk_notice_field f[NALL];
    size_t n = without(f, "applicant");
    gk_buf h = GK_BUF_INIT, d = GK_BUF_INIT;
    char *doc, *styles;

    GK_T_OK(t);
    f[n].key = "applicant";
    f[n++].value = "<script>alert(\"x\")</script> & 'y' \x01\x1b[31m\xff\xfe]]>\xef\xbf\xbe";
    GK_T_CALL(gk_notice_render(&h, t, "grant", f, n, GK_NOTICE_HTML));
    GK_T_OK(!strstr(h.ptr, "<script>") && !strstr(h.ptr, "\x1b") && !strstr(h.ptr, "\xff"));
    GK_T_OK(strstr(h.ptr, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"));
    GK_T_CALL(gk_notice_render(&d, t, "grant", f, n, GK_NOTICE_DOCX));
    doc = office_unzip(d.ptr, d.len, "word/document.xml", NULL);
    styles = office_unzip(d.ptr, d.len, "word/styles.xml", NULL);
    GK_T_OK(doc && styles);
    GK_T_OK(!strstr(doc, "<script>") && strstr(doc, "&lt;script&gt;alert(&quot;x&quot;)"));
    /* no control character, invalid UTF-8 or U+FFFE reaches the XML */
    GK_T_OK(!strstr(doc, "\x01") && !strstr(doc, "\x1b") && !strstr(doc, "\xef\xbf\xbe"));
    GK_T_INT_EQ(gk_utf8_invalid_at(doc, strlen(doc)), strlen(doc));
    GK_T_OK(strstr(styles, "w:eastAsia=\"zh-CN\""));
    gk_free(doc);
    gk_free(styles);
    gk_buf_release(&h);
    gk_buf_release(&d);
    gk_notice_templates_free(t);
}

GK_TEST(render_notice, line_breaks_in_values)
{
    gk_notice_templates *t = load_default();
    gk_notice_field f[NALL];
    size_t n = without(f, "reasons");
    gk_buf h = GK_BUF_INIT, d = GK_BUF_INIT;
    char *doc;

    GK_T_OK(t);
    f[n].key = "reasons";
    f[n++].value = "第一，甲。\n第二，乙。";
    GK_T_CALL(gk_notice_render(&h, t, "deny-secret", f, n, GK_NOTICE_HTML));
    GK_T_OK(strstr(h.ptr, "第一，甲。<br>第二，乙。"));
    GK_T_CALL(gk_notice_render(&d, t, "deny-secret", f, n, GK_NOTICE_DOCX));
    doc = office_unzip(d.ptr, d.len, "word/document.xml", NULL);
    GK_T_OK(doc && strstr(doc, "第一，甲。</w:t><w:br/>"));
    gk_free(doc);
    gk_buf_release(&h);
    gk_buf_release(&d);
    gk_notice_templates_free(t);
}

/* Renders kind with `fields` and expects GK_EINVALID naming every `want`. */
static void expect_error(const char *kind, const gk_notice_field *f, size_t n, int code,
                         const char *want1, const char *want2)
{
    gk_notice_templates *t = load_default();
    gk_buf h = GK_BUF_INIT;
    int rc;

    GK_T_OK(t);
    rc = gk_notice_render(&h, t, kind, f, n, GK_NOTICE_HTML);
    GK_T_INT_EQ(rc, code);
    if (!strstr(gk_error_last()->message, want1) ||
        (want2 && !strstr(gk_error_last()->message, want2)))
        GK_T_FAIL("message '%s' lacks '%s' / '%s'", gk_error_last()->message, want1,
                  want2 ? want2 : "");
    gk_buf_release(&h);
    gk_notice_templates_free(t);
}

GK_TEST(render_notice, missing_required_fields_named)
{
    gk_notice_field f[NALL];
    size_t n = 0, i;

    /* drop both remedy fields: the message names both */
    for (i = 0; i < NALL; i++)
        if (strcmp(all_fields[i].key, "review_body") && strcmp(all_fields[i].key, "court"))
            f[n++] = all_fields[i];
    expect_error("grant", f, n, GK_EINVALID, "review_body（行政复议机关）", "court（人民法院）");
    /* 不予公开 without reasons (第三十六条第（三）项) */
    n = without(f, "reasons");
    expect_error("deny-secret", f, n, GK_EINVALID, "缺少必填字段：reasons", NULL);
    /* a blank value is missing too */
    f[n].key = "reasons";
    f[n++].value = "  \n ";
    expect_error("partial", f, n, GK_EINVALID, "reasons（理由）", NULL);
    /* the fee notice needs its amount */
    n = without(f, "fee_amount");
    expect_error("fee", f, n, GK_EINVALID, "fee_amount", NULL);
    expect_error("nope", all_fields, NALL, GK_ENOTFOUND, "nope", NULL);
}

GK_TEST(render_notice, malformed_fields_rejected)
{
    gk_notice_field f[NALL + 1];
    size_t n;

    n = without(f, "date");
    f[n].key = "date";
    f[n++].value = "2025-02-30";
    expect_error("grant", f, n, GK_EINVALID, "'date'（告知日期）不是有效日期", "2025-02-30");
    n = without(f, "extension_days");
    f[n].key = "extension_days";
    f[n++].value = "21"; /* 第三十三条第二款: at most 20 working days */
    expect_error("extension", f, n, GK_EINVALID, "不能超过 20", NULL);
    n = without(f, "fee_amount");
    f[n].key = "fee_amount";
    f[n++].value = "-5";
    expect_error("fee", f, n, GK_EINVALID, "应为非负整数", NULL);
    n = without(f, NULL);
    f[n].key = "applicant_name";
    f[n++].value = "x";
    expect_error("grant", f, n, GK_EINVALID, "未知字段 'applicant_name'", NULL);
    n = without(f, NULL);
    f[n].key = "legal_basis";
    f[n++].value = "x";
    expect_error("grant", f, n, GK_EINVALID, "由系统生成", NULL);
    n = without(f, NULL);
    f[n].key = "agency";
    f[n++].value = "x";
    expect_error("grant", f, n, GK_EINVALID, "字段 'agency' 重复", NULL);
}

GK_TEST(render_notice, optional_paragraph_and_default)
{
    gk_notice_templates *t = load_default();
    gk_notice_field f[NALL];
    size_t n = without(f, "contact"), m;
    gk_buf h = GK_BUF_INIT;

    GK_T_OK(t);
    GK_T_CALL(gk_notice_render(&h, t, "grant", f, n, GK_NOTICE_HTML));
    GK_T_OK(!strstr(h.ptr, "联系方式"));
    gk_buf_release(&h);
    GK_T_CALL(gk_notice_render(&h, t, "grant", all_fields, NALL, GK_NOTICE_HTML));
    GK_T_OK(strstr(h.ptr, "联系方式：某区府办政务公开科"));
    gk_buf_release(&h);
    /* ref_prefix falls back to its default */
    m = without(f, "ref_prefix");
    GK_T_CALL(gk_notice_render(&h, t, "grant", f, m, GK_NOTICE_HTML));
    GK_T_OK(strstr(h.ptr, "依申请公开〔2025〕0012号"));
    gk_buf_release(&h);
    gk_notice_templates_free(t);
}

/* The 文号 of a register number "YYYY-NNNNNN" carries its year once and
 * the serial without leading zeros; a number of another form is kept. */
GK_TEST(render_notice, reference_from_register_number)
{
    static const struct {
        const char *tracking_no, *date, *want;
    } cases[] = {
        {"2026-000002", "2026-03-05", "某区府办公开〔2026〕2号"},
        {"2025-000123", "2026-01-08", "某区府办公开〔2025〕123号"}, /* answered the next year */
        {"2026-000000", "2026-03-05", "某区府办公开〔2026〕0号"},
        {"0012", "2025-03-05", "某区府办公开〔2025〕0012号"},
        {"依申请-2025-001", "2025-03-05", "某区府办公开〔2025〕依申请-2025-001号"},
    };
    gk_notice_templates *t = load_default();
    gk_notice_field f[NALL];
    size_t i, k;
    gk_buf h = GK_BUF_INIT;

    GK_T_OK(t);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        memcpy(f, all_fields, sizeof all_fields);
        for (k = 0; k < NALL; k++) {
            if (!strcmp(f[k].key, "tracking_no"))
                f[k].value = cases[i].tracking_no;
            if (!strcmp(f[k].key, "date"))
                f[k].value = cases[i].date;
        }
        gk_buf_clear(&h);
        GK_T_CALL(gk_notice_render(&h, t, "grant", f, NALL, GK_NOTICE_HTML));
        if (!strstr(h.ptr, cases[i].want))
            GK_T_FAIL("%s: no '%s'", cases[i].tracking_no, cases[i].want);
        /* The body still names the application by its full number. */
        GK_T_OK(strstr(h.ptr, cases[i].tracking_no) != NULL);
    }
    gk_buf_release(&h);
    gk_notice_templates_free(t);
}

GK_TEST(render_notice, embedded_equals_data)
{
    DIR *d = opendir(gk_test_path("data/notices"));
    struct dirent *e;
    size_t i, nfiles = 0;

    GK_T_OK(d);
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l > 5 && !strcmp(e->d_name + l - 5, ".tmpl"))
            nfiles++;
    }
    closedir(d);
    GK_T_INT_EQ(nfiles, gk_notice__nembedded);
    for (i = 0; i < gk_notice__nembedded; i++) {
        char rel[128];
        size_t len;
        char *text;

        snprintf(rel, sizeof rel, "data/notices/%s.tmpl", gk_notice__embedded[i].name);
        text = gk_test_slurp(gk_test_path(rel), &len);
        if (strlen(gk_notice__embedded[i].text) != len ||
            memcmp(text, gk_notice__embedded[i].text, len) != 0)
            GK_T_FAIL("%s differs from the embedded copy: run scripts/gen-notice-templates.sh",
                      rel);
        gk_free(text);
    }
}

/* Writes one template into a fresh folder and loads it. */
static int load_one(const char *file, const char *text, char dir[64])
{
    gk_notice_templates *t = NULL;
    char path[256];
    int rc;

    snprintf(dir, 64, "/tmp/gk-notice-XXXXXX");
    if (!mkdtemp(dir))
        return -100;
    snprintf(path, sizeof path, "%s/%s", dir, file);
    if (gk_file_write_atomic(path, text, strlen(text)) < 0)
        return -100;
    rc = gk_notice_templates_load(&t, dir);
    gk_notice_templates_free(t);
    unlink(path);
    rmdir(dir);
    return rc;
}

#define GOOD_GRANT                                                                                 \
    "! {{agency}}\n\n= 测试告知书\n\n< {{applicant}}：\n\n依据{{legal_basis}}。\n\n{{remedy}}\n"

GK_TEST(render_notice, broken_templates_fail_at_load)
{
    static const struct {
        const char *file, *text, *want;
    } cases[] = {
        {"grant.tmpl", GOOD_GRANT "\n{{applicant_nmae}}\n",
         "第 11 行: 未知占位符 '{{applicant_nmae}}'"},
        {"grant.tmpl", GOOD_GRANT "\n申请人{{applicant\n", "'{{' 没有对应的 '}}'"},
        {"grant.tmpl", GOOD_GRANT "\n{{申请人}}\n", "名称无效"},
        {"grant.tmpl", "依据{{legal_basis}}。\n", "缺少 {{remedy}}"},
        {"grant.tmpl", "{{remedy}}\n", "缺少 {{legal_basis}}"},
        {"deny-secret.tmpl", "依据{{legal_basis}}。理由：{{?reasons}}\n\n{{remedy}}\n",
         "缺少 {{reasons}}"},
        {"grant.tmpl", "依据{{legal_basis}}。{{remedy}}\n", "必须单独成段"},
        {"remedy-general.tmpl", "{{remedy:fee}}\n", "必须单独成段"},
        {"grant.tmpl", "依据{{legal_basis}}。\n\n{{remedy:nothing}}\n", "未知占位符"},
        {"granted.tmpl", GOOD_GRANT, "未知模板文件"},
        {"grant.tmpl", "\xff\xfe{{legal_basis}}\n", "不是有效的 UTF-8"},
    };
    char dir[64];
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(cases); i++) {
        int rc = load_one(cases[i].file, cases[i].text, dir);
        GK_T_INT_EQ(rc, GK_EINVALID);
        if (!strstr(gk_error_last()->message, cases[i].want))
            GK_T_FAIL("case %zu: '%s' lacks '%s'", i, gk_error_last()->message, cases[i].want);
    }
    GK_T_INT_EQ(load_one("grant.tmpl", GOOD_GRANT, dir), 0);
    GK_T_INT_EQ(gk_notice_templates_load(&(gk_notice_templates *){NULL}, "/nonexistent/dir"),
                GK_ENOTFOUND);
}

GK_TEST(render_notice, folder_overrides_one_template)
{
    gk_notice_templates *t = NULL;
    char dir[64] = "/tmp/gk-notice-XXXXXX", path[256];
    gk_buf h = GK_BUF_INIT;
    const char *text = "%% 本地模板\n= 本地答复书\n\n< {{applicant}}：\n\n"
                       "依据{{legal_basis}}，{{decision}}。\n\n{{remedy:review-first}}\n";

    GK_T_OK(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/grant.tmpl", dir);
    GK_T_CALL(gk_file_write_atomic(path, text, strlen(text)));
    GK_T_CALL(gk_notice_templates_load(&t, dir));
    unlink(path);
    rmdir(dir);
    GK_T_CALL(gk_notice_render(&h, t, "grant", all_fields, NALL, GK_NOTICE_HTML));
    GK_T_OK(strstr(h.ptr, "<title>本地答复书</title>"));
    GK_T_OK(strstr(h.ptr, "第三十六条第（二）项，予以公开。"));
    GK_T_OK(strstr(h.ptr, "第二十三条第一款第（四）项")); /* the named remedy */
    GK_T_OK(!strstr(h.ptr, "%%"));
    gk_buf_release(&h);
    /* the other kinds keep their embedded template */
    GK_T_CALL(gk_notice_render(&h, t, "deny-law", all_fields, NALL, GK_NOTICE_HTML));
    GK_T_OK(strstr(h.ptr, "政府信息公开申请答复告知书"));
    gk_buf_release(&h);
    gk_notice_templates_free(t);
}

GK_TEST(render_notice, fields_from_json)
{
    gk_notice_fields f = GK_NOTICE_FIELDS_INIT;
    static const char ok[] = "{\"applicant\":\"李四\",\"fee_amount\":300,\"contact\":null}";

    GK_T_CALL(gk_notice_fields_from_json(&f, ok, strlen(ok)));
    GK_T_INT_EQ(f.n, 3);
    GK_T_STR_EQ(f.v[0].key, "applicant");
    GK_T_STR_EQ(f.v[0].value, "李四");
    GK_T_STR_EQ(f.v[1].value, "300");
    GK_T_OK(f.v[2].value == NULL);
    gk_notice_fields_release(&f);
    GK_T_INT_EQ(gk_notice_fields_from_json(&f, "[1]", 3), GK_EINVALID);
    GK_T_INT_EQ(gk_notice_fields_from_json(&f, "{\"x\":1}", 7), GK_EINVALID);
    GK_T_OK(strstr(gk_error_last()->message, "未知字段 'x'"));
    GK_T_INT_EQ(gk_notice_fields_from_json(&f, "{\"court\":[1]}", 13), GK_EINVALID);
    GK_T_INT_EQ(gk_notice_fields_from_json(&f, "{\"court\":", 9), GK_EINVALID);
    GK_T_INT_EQ(gk_notice_fields_from_json(&f, "{\"court\":\"a\",\"court\":\"b\"}", 25),
                GK_EINVALID);
    GK_T_OK(f.v == NULL && f.n == 0);
}
