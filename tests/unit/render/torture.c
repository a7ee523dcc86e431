/*
 * torture.c: allocation-failure torture of every renderer (torture.h). The
 * digest is the rendered bytes, binary formats included (their output
 * depends only on the model), so a failing allocation that left a cell,
 * a sheet or a page out without an error fails the test. libxlsxwriter,
 * libzip, cairo and Jansson allocate with malloc, outside the hook: what
 * is tortured here is our side of them, and that their error returns are
 * read.
 */
#include <stdio.h>
#include <string.h>
#include "gk/errors.h"
#include "gk/notice.h"
#include "gk/render.h"
#include "gk/report.h"
#include "test.h"
#include "torture.h"

typedef struct {
    gk_report *r;
    gk_render_format f;
} render_in;

static int render_one(gk_buf *digest, void *ctx)
{
    const render_in *in = ctx;

    return gk_render(digest, in->r, in->f);
}

/* Renders the fixture in format f under torture; the JSON model is built
 * once, outside (core's torture covers reading it). */
static int torture_format(const char *fixture, gk_render_format f, unsigned long stride, char *why,
                          size_t whylen)
{
    size_t len;
    char *data = gk_test_slurp(gk_test_path(fixture), &len);
    render_in in = {NULL, f};
    char name[64];
    int rc;

    snprintf(name, sizeof(name), "render-%s", gk_render_format_name(f));
    rc = data ? gk_report_from_json(&in.r, data, len) : GK_EIO;
    if (rc == 0)
        rc = gk_torture__run(name, render_one, &in, stride, why, whylen);
    else
        snprintf(why, whylen, "%s: cannot read %s", name, fixture);
    gk_report_free(in.r);
    gk_free(data);
    return rc;
}

#define RENDER_TORTURE(test, fixture, format, stride)                                              \
    GK_TEST(render_torture, test)                                                                  \
    {                                                                                              \
        char why_[512];                                                                            \
        if (torture_format(fixture, format, stride, why_, sizeof(why_)) != 0)                     \
            GK_T_FAIL("%s", why_);                                                                 \
    }

RENDER_TORTURE(html, "tests/resources/seed-2024.json", GK_RENDER_HTML, 1)
RENDER_TORTURE(markdown, "tests/resources/seed-2024.json", GK_RENDER_MARKDOWN, 1)
RENDER_TORTURE(text, "tests/resources/seed-2024.json", GK_RENDER_TEXT, 1)
RENDER_TORTURE(json, "tests/resources/seed-2024.json", GK_RENDER_JSON, 1)
RENDER_TORTURE(xlsx, "tests/resources/seed-2024.json", GK_RENDER_XLSX, 1)
RENDER_TORTURE(docx, "tests/resources/seed-2024.json", GK_RENDER_DOCX, 1)
RENDER_TORTURE(pdf, "tests/resources/seed-2024.json", GK_RENDER_PDF, 1)
/* the renderers' notes for absent cells and rows, the 2019 layout */
RENDER_TORTURE(text_collapsed, "tests/resources/report-2021-collapsed.json", GK_RENDER_TEXT, 1)
RENDER_TORTURE(docx_2019, "tests/resources/report-2019-trial.json", GK_RENDER_DOCX, 1)

/* Every field of the catalogue (tests/unit/render/notice.c), so any kind
 * renders. */
static const gk_notice_field fields[] = {
    {"agency", "某市某区人民政府办公室"},
    {"ref_prefix", "某区府办公开"},
    {"tracking_no", "0012"},
    {"applicant", "张三 <&>"},
    {"received_date", "2025-02-14"},
    {"requested_info", "2024年某街道道路改造工程的招标文件"},
    {"date", "2025-03-05"},
    {"contact", "某区府办政务公开科，电话 010-12345678"},
    {"decision_text", "请登录本机关门户网站“政府信息公开”栏目查阅。\n第二段。"},
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

/* The templates loaded and every notice kind rendered in both formats. */
static int notices(gk_buf *digest, void *ctx)
{
    gk_notice_templates *t = NULL;
    const gk_notice_kind *k;
    size_t nk, i;
    int error;

    (void)ctx;
    k = gk_notice_kinds(&nk);
    error = gk_notice_templates_load(&t, NULL);
    for (i = 0; i < nk && error == 0; i++) {
        error = gk_notice_render(digest, t, k[i].id, fields, GK_ARRAY_LEN(fields), GK_NOTICE_HTML);
        if (error == 0)
            error = gk_notice_render(digest, t, k[i].id, fields, GK_ARRAY_LEN(fields),
                                     GK_NOTICE_DOCX);
    }
    gk_notice_templates_free(t);
    return error;
}

/* Sampled: the first 200 allocations each, then every 7th. */
GK_TEST(render_torture, notices)
{
    char why[512];

    if (gk_torture__run("notices", notices, NULL, 7, why, sizeof(why)) != 0)
        GK_T_FAIL("%s", why);
}
