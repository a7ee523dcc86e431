/*
 * office_dump.c: with GK_OFFICE_DUMP=DIR in the environment, writes the
 * XLSX and DOCX renderings of the test fixtures into DIR (for
 * scripts/office-check.py and LibreOffice when `gongkai render` is not
 * available); without it, the test is skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include "gk/errors.h"
#include "gk/fileio.h"
#include "office_util.h"
#include "test.h"

GK_TEST(render_office, dump)
{
    static const char *const fixtures[] = {"seed-2024", "report-2019-trial",
                                           "report-2021-collapsed"};
    static const gk_render_format fmts[] = {GK_RENDER_XLSX, GK_RENDER_DOCX};
    const char *dir = getenv("GK_OFFICE_DUMP");
    size_t f, k;

    if (!dir || !dir[0])
        GK_T_SKIP("GK_OFFICE_DUMP not set");
    for (f = 0; f < GK_ARRAY_LEN(fixtures); f++) {
        char name[512];
        gk_report *r;

        snprintf(name, sizeof name, "%s.json", fixtures[f]);
        r = office_load(name);
        GK_T_OK(r);
        for (k = 0; k < GK_ARRAY_LEN(fmts); k++) {
            gk_buf x = GK_BUF_INIT;
            int e = office_render(&x, r, fmts[k]);

            snprintf(name, sizeof name, "%s/%s.%s", dir, fixtures[f],
                     gk_render_format_name(fmts[k]));
            if (e == 0)
                e = gk_file_write_atomic(name, x.ptr, x.len);
            gk_buf_release(&x);
            if (e < 0) {
                gk_report_free(r);
                GK_T_FAIL("%s: %s", name, gk_error_last()->message);
            }
        }
        gk_report_free(r);
    }
}
