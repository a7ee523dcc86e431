/*
 * torture.c: allocation-failure torture of whole pipelines (torture.h): each
 * is run once per allocation it makes with that allocation failing, and
 * must report the error or give exactly the clean run's result.
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "test.h"
#include "torture.h"
#include "gk/gk.h"

/* An input of a pipeline. */
typedef struct {
    const char *data;
    size_t len;
    const char *source; /* gk_parse_opts.source, or NULL */
} input;

static int json_validate_render(gk_buf *digest, void *ctx)
{
    const input *in = ctx;
    gk_report *r = NULL;
    gk_diag_list *dl = NULL;
    gk_buf out = GK_BUF_INIT;
    int error, f;

    error = gk_report_from_json(&r, in->data, in->len);
    if (error == 0)
        error = gk_diag_list_new(&dl);
    if (error == 0)
        error = gk_validate(dl, r, NULL);
    if (error == 0)
        error = gk_diag_list_to_json(&out, dl, "x", r->year);
    for (f = 0; f < GK_RENDER_NFORMATS && error == 0; f++) {
        gk_buf_clear(&out);
        error = gk_render(&out, r, (gk_render_format)f);
        if (error == 0 && !gk_render_format_is_binary((gk_render_format)f))
            error = gk_buf_put(digest, out.ptr, out.len);
    }
    gk_buf_release(&out);
    gk_diag_list_free(dl);
    gk_report_free(r);
    return error;
}

/* gk_parse, then the model and the findings as JSON. */
static int parse_validate(gk_buf *digest, void *ctx)
{
    const input *in = ctx;
    gk_report *r = NULL;
    gk_diag_list *dl = NULL;
    gk_parse_opts opts;
    int error;

    memset(&opts, 0, sizeof(opts));
    opts.source = in->source;
    error = gk_parse(&r, in->data, in->len, &opts);
    if (error == 0)
        error = gk_diag_list_new(&dl);
    if (error == 0)
        error = gk_validate(dl, r, NULL);
    if (error == 0)
        error = gk_report_to_json(digest, r);
    if (error == 0)
        error = gk_diag_list_to_json(digest, dl, "x", r->year);
    gk_diag_list_free(dl);
    gk_report_free(r);
    return error;
}

/* Tortures gk_parse on the file at rel (stride: see torture.h). */
#define TORTURE_FILE(name, rel, stride)                                                            \
    do {                                                                                           \
        input in_;                                                                                 \
        char *data_ = gk_test_slurp(gk_test_path(rel), &in_.len);                                 \
        in_.data = data_;                                                                          \
        in_.source = "torture";                                                                    \
        GK_T_OK(data_ != NULL);                                                                    \
        {                                                                                          \
            char why_[512];                                                                        \
            int rc_ = gk_torture__run(name, parse_validate, &in_, stride, why_, sizeof(why_));     \
            gk_free(data_);                                                                        \
            if (rc_ != 0)                                                                          \
                GK_T_FAIL("%s", why_);                                                             \
        }                                                                                          \
    } while (0)

GK_TEST(all_torture, report_json_validate_render)
{
    input in = {NULL, 0, NULL};
    char *data = gk_test_slurp(gk_test_path("tests/resources/seed-2024.json"), &in.len);

    GK_T_OK(data != NULL);
    in.data = data;
    {
        char why[512];
        int rc = gk_torture__run("json", json_validate_render, &in, 1, why, sizeof(why));
        gk_free(data);
        if (rc != 0)
            GK_T_FAIL("%s", why);
    }
}

/* ---- src/parse: every front end and the charset layer ---- */

/* The seed's crawled text: seed rows ("a |"), free text, sections. */
GK_TEST(all_torture, parse_published_text)
{
    TORTURE_FILE("text", "tests/resources/corpus/seed/000_e61fd02df59cf2b0.txt", 1);
}

/* A Word-exported page: html_lex, entities, <title> (agency and year). */
GK_TEST(all_torture, parse_published_html)
{
    TORTURE_FILE("html", "tests/resources/corpus/real/004_kiro_fixture_testcity_2025.html", 1);
}

/* A PDF's text with run-on digits: segmentation, ambiguity, UNREADABLE. */
GK_TEST(all_torture, parse_runon_text)
{
    TORTURE_FILE("runon", "tests/resources/corpus/real/005_pingtan_zone_2021.txt", 1);
}

/* Markdown pipe tables and headings. */
GK_TEST(all_torture, parse_markdown)
{
    TORTURE_FILE("markdown", "tests/resources/corpus/real/022_shuyang_county_2025.md", 1);
}

/* Converts UTF-8 to GB18030 (what a portal serves), into out. */
static int to_gb18030(gk_buf *out, const char *s, size_t len)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    char tmp[4096];
    char *in = (char *)(uintptr_t)s;
    size_t inleft = len;
    int error = 0;

    if (cd == (iconv_t)-1)
        return GK_ERROR;
    while (inleft && !error) {
        char *o = tmp;
        size_t oleft = sizeof(tmp);
        size_t rc = iconv(cd, &in, &inleft, &o, &oleft);
        error = gk_buf_put(out, tmp, (size_t)(o - tmp));
        if (rc == (size_t)-1 && errno != E2BIG)
            error = GK_ERROR;
    }
    iconv_close(cd);
    return error;
}

/* A GB18030 page declared gb2312: iconv by runs (charset.c). */
GK_TEST(all_torture, parse_gb18030_html)
{
    size_t len;
    char *data =
        gk_test_slurp(gk_test_path("tests/resources/corpus/real/021_shuyang_drc_2023.html"), &len);
    gk_buf gb = GK_BUF_INIT;
    input in = {NULL, 0, NULL};
    char why[512];
    int rc;

    GK_T_OK(data != NULL);
    {
        /* declared as portals do: gb2312 (read as GB18030) */
        static const char decl[] = "charset=\"utf-8\"";
        char *at = memmem(data, len, decl, strlen(decl));
        gk_buf page = GK_BUF_INIT;
        rc = at ? 0 : GK_ERROR;
        if (rc == 0)
            rc = gk_buf_put(&page, data, (size_t)(at - data));
        if (rc == 0)
            rc = gk_buf_puts(&page, "charset=\"gb2312\"");
        if (rc == 0)
            rc = gk_buf_put(&page, at + strlen(decl), len - (size_t)(at - data) - strlen(decl));
        if (rc == 0)
            rc = to_gb18030(&gb, page.ptr, page.len);
        gk_buf_release(&page);
    }
    gk_free(data);
    GK_T_INT_EQ(rc, 0);
    in.data = gb.ptr;
    in.len = gb.len;
    rc = gk_torture__run("gb18030", parse_validate, &in, 1, why, sizeof(why));
    gk_buf_release(&gb);
    if (rc != 0)
        GK_T_FAIL("%s", why);
}

/* The seed text written in Traditional characters: the probe and OpenCC's
 * t2s (charset.c, opencc.c). Skipped where OpenCC's config is missing. */
GK_TEST(all_torture, parse_traditional_text)
{
    static const char *const pairs[][2] = {
        {"请", "請"}, {"开", "開"}, {"报", "報"}, {"处", "處"}, {"机", "機"},
        {"关", "關"}, {"数", "數"}, {"项", "項"}, {"资", "資"}, {"区", "區"},
    };
    size_t len, i, k;
    char *data =
        gk_test_slurp(gk_test_path("tests/resources/corpus/seed/000_e61fd02df59cf2b0.txt"), &len);
    input in = {NULL, 0, NULL};
    char why[512];
    int rc;

    GK_T_OK(data != NULL);
    /* every pair has the same UTF-8 length: replace in place */
    for (k = 0; k < GK_ARRAY_LEN(pairs); k++) {
        size_t n = strlen(pairs[k][0]);
        for (i = 0; i + n <= len; i++)
            if (!memcmp(data + i, pairs[k][0], n))
                memcpy(data + i, pairs[k][1], n);
    }
    {
        /* every 请 was replaced: 申请 in the model means t2s ran */
        gk_report *r = NULL;
        gk_buf js = GK_BUF_INIT;
        bool converted;
        rc = gk_parse(&r, data, len, NULL);
        if (rc == 0)
            rc = gk_report_to_json(&js, r);
        converted = rc == 0 && js.ptr && strstr(js.ptr, "申请");
        gk_buf_release(&js);
        gk_report_free(r);
        if (rc != 0) {
            gk_free(data);
            GK_T_FAIL("the Traditional text does not parse: %s", gk_error_last()->message);
        }
        if (!converted) {
            gk_free(data);
            GK_T_SKIP("OpenCC t2s is not installed");
        }
    }
    in.data = data;
    in.len = len;
    rc = gk_torture__run("traditional", parse_validate, &in, 1, why, sizeof(why));
    gk_free(data);
    if (rc != 0)
        GK_T_FAIL("%s", why);
}

/* The renderers' text, Markdown and HTML of a report, read back: ruled
 * text tables (text_table.c), the renderers' notes, pipe tables. */
static void torture_rendered(const char *name, gk_render_format f, char *why, size_t whylen,
                             int *rc)
{
    size_t len;
    char *data = gk_test_slurp(gk_test_path("tests/resources/report-2021-collapsed.json"), &len);
    gk_report *r = NULL;
    gk_buf out = GK_BUF_INIT;
    input in = {NULL, 0, NULL};

    *rc = data ? gk_report_from_json(&r, data, len) : -1;
    if (*rc == 0)
        *rc = gk_render(&out, r, f);
    if (*rc == 0) {
        in.data = out.ptr;
        in.len = out.len;
        *rc = gk_torture__run(name, parse_validate, &in, 1, why, whylen);
    } else {
        snprintf(why, whylen, "%s: cannot render the fixture", name);
    }
    gk_buf_release(&out);
    gk_report_free(r);
    gk_free(data);
}

GK_TEST(all_torture, parse_rendered_text)
{
    char why[512];
    int rc;

    torture_rendered("rendered-text", GK_RENDER_TEXT, why, sizeof(why), &rc);
    if (rc != 0)
        GK_T_FAIL("%s", why);
}

GK_TEST(all_torture, parse_rendered_markdown)
{
    char why[512];
    int rc;

    torture_rendered("rendered-md", GK_RENDER_MARKDOWN, why, sizeof(why), &rc);
    if (rc != 0)
        GK_T_FAIL("%s", why);
}

GK_TEST(all_torture, parse_rendered_html)
{
    char why[512];
    int rc;

    torture_rendered("rendered-html", GK_RENDER_HTML, why, sizeof(why), &rc);
    if (rc != 0)
        GK_T_FAIL("%s", why);
}
