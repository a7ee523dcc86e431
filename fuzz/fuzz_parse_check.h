/*
 * fuzz_parse_check.h: what every parser fuzz target checks on a report (a
 * violation aborts, so libFuzzer records the input):
 *   - gk_parse returns 0 with a report, or a negative code with a message;
 *   - every cell has a known state, a VALUE is finite, an UNREADABLE cell
 *     carries the text it saw;
 *   - section titles and texts are valid UTF-8 (the charset step repairs);
 *   - the report serialises to report JSON.
 */
#ifndef GK_FUZZ_PARSE_CHECK_H
#define GK_FUZZ_PARSE_CHECK_H

#include <math.h>
#include <stdlib.h>
#include "gk/parse.h"
#include "util/utf8.h"

static void fuzz_check_cell(const gk_cell *c)
{
    if (c->state > GK_CELL_UNREADABLE)
        abort();
    if (c->state == GK_CELL_VALUE && !isfinite(c->v))
        abort();
    if (c->state == GK_CELL_UNREADABLE && !c->text)
        abort();
}

static void fuzz_check_parse(const uint8_t *data, size_t size, gk_input_format f)
{
    gk_report *r = NULL;
    gk_parse_opts o = GK_PARSE_OPTS_INIT;
    gk_buf json = GK_BUF_INIT;
    size_t i, j;
    int rc;

    o.format = f;
    rc = gk_parse(&r, (const char *)data, size, &o);
    if (rc < 0) {
        if (r || !gk_error_last()->message)
            abort();
        return;
    }
    if (!r)
        abort();
    for (i = 0; i < GK_T2_MAX_CELLS; i++)
        fuzz_check_cell(&r->t2[i]);
    for (i = 0; i < GK_T3_NROWS; i++)
        for (j = 0; j < GK_T3_NCOLS; j++)
            fuzz_check_cell(&r->t3[i][j]);
    for (i = 0; i < GK_T4_NGROUPS; i++)
        for (j = 0; j < GK_T4_NCOLS; j++)
            fuzz_check_cell(&r->t4[i][j]);
    if (r->nsections > GK_MAX_SECTIONS)
        abort();
    for (i = 0; i < r->nsections; i++) {
        const gk_section *s = &r->sections[i];
        if (gk_utf8_invalid_at(s->title, strlen(s->title)) != strlen(s->title) ||
            gk_utf8_invalid_at(s->text, strlen(s->text)) != strlen(s->text))
            abort();
    }
    if (gk_report_to_json(&json, r) < 0)
        abort();
    gk_buf_release(&json);
    gk_report_free(r);
}

#endif
