/*
 * fuzz_json.c: libFuzzer target over the report JSON import
 * (gk_report_from_json, spec/report-json.md §1), the untrusted input of
 * `gongkai validate/render FILE.json` and of the report upload (conventions
 * C7). A failure is a crash, a sanitizer report, a leak or one of these
 * invariants (a violation aborts):
 *   - the import returns 0 with a report, or a negative code, no report
 *     and a message;
 *   - an imported report serialises, and reading that JSON back gives an
 *     equal report whose JSON is byte for byte the same (round trip);
 *   - the validator runs on it without error;
 *   - it renders to the format selected by the first byte.
 * The first input byte selects the render format (its value modulo the
 * number of formats); the rest is the JSON.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gk/errors.h"
#include "gk/render.h"
#include "gk/report.h"
#include "gk/validate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_round_trip(const gk_report *r)
{
    gk_buf a = GK_BUF_INIT, b = GK_BUF_INIT, where = GK_BUF_INIT;
    gk_report *back = NULL;

    if (gk_report_to_json(&a, r) < 0)
        abort();
    if (gk_report_from_json(&back, a.ptr, a.len) < 0) {
        fprintf(stderr, "written JSON not read back: %s\n%s", gk_error_last()->message, a.ptr);
        abort();
    }
    if (!gk_report_equal(r, back, &where)) {
        fprintf(stderr, "read back differs: %s\n", gk_buf_cstr(&where));
        abort();
    }
    if (gk_report_to_json(&b, back) < 0 || a.len != b.len || memcmp(a.ptr, b.ptr, a.len) != 0)
        abort();
    gk_report_free(back);
    gk_buf_release(&a);
    gk_buf_release(&b);
    gk_buf_release(&where);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gk_report *r = NULL;
    gk_diag_list *diags = NULL;
    gk_buf out = GK_BUF_INIT;
    gk_render_format f;
    int rc;

    if (size < 1)
        return 0;
    f = (gk_render_format)(data[0] % GK_RENDER_NFORMATS);
    rc = gk_report_from_json(&r, (const char *)data + 1, size - 1);
    if (rc < 0) {
        if (r || !gk_error_last()->message[0])
            abort();
        return 0;
    }
    if (!r)
        abort();
    check_round_trip(r);
    if (gk_diag_list_new(&diags) < 0 || gk_validate(diags, r, NULL) < 0)
        abort();
    if (gk_render(&out, r, f) < 0)
        abort();
    gk_buf_release(&out);
    gk_diag_list_free(diags);
    gk_report_free(r);
    return 0;
}
