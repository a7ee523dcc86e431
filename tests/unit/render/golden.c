/*
 * Golden-file tests of the HTML, Markdown, text and JSON renderers
 * (conventions C6): the output must equal tests/golden/<case>.<ext> byte for
 * byte. GK_UPDATE_GOLDEN=1 rewrites the golden files instead (review the
 * diff before committing).
 *
 * Cases: the seed report (2021 format), a 2019 trial-format report, and a
 * 2021 report printing （六）其他处理 as one row with a blank cell, an
 * unreadable cell, a missing row, a missing table 4 and missing sections.
 */
#include <stdio.h>
#include <stdlib.h>
#include "test.h"
#include "gk/errors.h"
#include "gk/fileio.h"
#include "gk/render.h"

static const struct {
    gk_render_format fmt;
    const char *ext;
} formats[] = {
    {GK_RENDER_HTML, "html"},
    {GK_RENDER_MARKDOWN, "md"},
    {GK_RENDER_TEXT, "txt"},
    {GK_RENDER_JSON, "json"},
};

/* Line number (1-based) of the first difference. */
static size_t first_diff_line(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i, line = 1;

    for (i = 0; i < an && i < bn && a[i] == b[i]; i++)
        line += a[i] == '\n';
    return line;
}

static void golden(const char *input, const char *name)
{
    char path[512];
    size_t len, i;
    char *data = gk_test_slurp(gk_test_path(input), &len);
    gk_report *r = NULL;
    int error = gk_report_from_json(&r, data, len);
    bool update = getenv("GK_UPDATE_GOLDEN") && !strcmp(getenv("GK_UPDATE_GOLDEN"), "1");

    gk_free(data);
    if (error < 0)
        GK_T_FAIL("%s: %s", input, gk_error_last()->message);
    for (i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        gk_buf out = GK_BUF_INIT;
        gk_buf want = GK_BUF_INIT;

        snprintf(path, sizeof path, "%s/tests/golden/%s.%s", gk_test_srcdir(), name,
                 formats[i].ext);
        error = gk_render(&out, r, formats[i].fmt);
        if (error == 0 && update)
            error = gk_file_write_atomic(path, out.ptr, out.len);
        if (error == 0 && !update)
            error = gk_file_read(&want, path, GK_MAX_INPUT);
        if (error < 0) {
            gk_test__fail(__FILE__, __LINE__, "%s: %s", path, gk_error_last()->message);
        } else if (!update && (out.len != want.len || memcmp(out.ptr, want.ptr, out.len) != 0)) {
            gk_test__fail(__FILE__, __LINE__,
                          "%s differs at line %zu (%zu bytes, golden %zu); "
                          "GK_UPDATE_GOLDEN=1 regenerates",
                          path, first_diff_line(out.ptr, out.len, want.ptr, want.len), out.len,
                          want.len);
        }
        gk_buf_release(&out);
        gk_buf_release(&want);
    }
    gk_report_free(r);
}

GK_TEST(render_golden, seed_2024)
{
    golden("tests/resources/seed-2024.json", "seed-2024");
}

GK_TEST(render_golden, format_2019)
{
    golden("tests/resources/render/report-2019.json", "report-2019");
}

GK_TEST(render_golden, other_collapsed_and_missing_parts)
{
    golden("tests/resources/render/report-collapsed.json", "report-collapsed");
}
