/*
 * report_equal.c: deep equality of two report models (round-trip tests,
 * property tests of the parsers).
 */
#include <stdarg.h>
#include "report_int.h"

static bool cell_equal(const gk_cell *a, const gk_cell *b)
{
    if (a->state != b->state)
        return false;
    if (a->state == GK_CELL_VALUE)
        return !(a->v < b->v) && !(a->v > b->v);
    if (a->state == GK_CELL_UNREADABLE)
        return !strcmp(a->text ? a->text : "", b->text ? b->text : "");
    return true;
}

/* Describes a difference for gk_report_equal; best effort (a failed append
 * only shortens the description). */
static void note(gk_buf *where, const char *fmt, ...) GK_PRINTF(2, 3);
static void note(gk_buf *where, const char *fmt, ...)
{
    va_list ap;
    int rc;

    if (!where)
        return;
    va_start(ap, fmt);
    rc = gk_buf_vprintf(where, fmt, ap);
    va_end(ap);
    (void)rc;
}

typedef struct {
    gk_report *other;
    gk_buf *where;
} eq_ctx;

static int eq_cb(const char *path, gk_cell *cell, void *payload)
{
    eq_ctx *e = payload;
    gk_cell *o = gk_report__cell_at(e->other, path);

    if (o && cell_equal(cell, o))
        return 0;
    note(e->where, "%s: %.17g (state %d '%s') vs %.17g (state %d '%s')", path, cell->v,
         cell->state, cell->text ? cell->text : "", o ? o->v : 0.0, o ? o->state : -1,
         o && o->text ? o->text : "");
    return 1;
}

static bool str_eq(const char *a, const char *b)
{
    return !strcmp(a ? a : "", b ? b : "");
}

bool gk_report_equal(const gk_report *a, const gk_report *b, gk_buf *where)
{
    eq_ctx e = {(gk_report *)(uintptr_t)b, where};
    size_t i;

    /* The header, field by field, so a failing property names the field. */
    if (a->format != b->format) {
        note(where, "format: %d vs %d", (int)a->format, (int)b->format);
        return false;
    }
    if (a->year != b->year || !str_eq(a->agency, b->agency)) {
        note(where, "title: '%s' %d vs '%s' %d", a->agency ? a->agency : "", a->year,
             b->agency ? b->agency : "", b->year);
        return false;
    }
    if (a->t2_present != b->t2_present || a->t3_present != b->t3_present ||
        a->t4_present != b->t4_present || a->t3_other_collapsed != b->t3_other_collapsed) {
        note(where, "tables present (2, 3, 4, (六) one row): %d%d%d%d vs %d%d%d%d",
             a->t2_present, a->t3_present, a->t4_present, a->t3_other_collapsed, b->t2_present,
             b->t3_present, b->t4_present, b->t3_other_collapsed);
        return false;
    }
    if (gk_report__foreach_cell((gk_report *)(uintptr_t)a, eq_cb, &e))
        return false;
    if (a->nsections != b->nsections) {
        note(where, "%zu vs %zu sections (last: %s vs %s)", a->nsections, b->nsections,
             a->nsections ? a->sections[a->nsections - 1].no : "-",
             b->nsections ? b->sections[b->nsections - 1].no : "-");
        return false;
    }
    for (i = 0; i < a->nsections; i++)
        if (!str_eq(a->sections[i].no, b->sections[i].no) ||
            !str_eq(a->sections[i].title, b->sections[i].title) ||
            !str_eq(a->sections[i].text, b->sections[i].text)) {
            note(where, "section %zu (%s): '%.60s' vs '%.60s'", i,
                 a->sections[i].no ? a->sections[i].no : "", a->sections[i].text ? a->sections[i].text : "",
                 b->sections[i].text ? b->sections[i].text : "");
            return false;
        }
    return true;
}
