/*
 * sum.c: cell-by-cell roll-up of several agencies' reports (`gongkai sum`).
 * A gap in any input stays a gap in the sum: nothing is invented.
 */
#include "audit_int.h"

static void add_cell(gk_report *ra, gk_cell *a, const gk_cell *b)
{
    if (a->state == GK_CELL_ABSENT || b->state == GK_CELL_ABSENT) {
        a->state = GK_CELL_ABSENT;
        a->v = 0;
        return;
    }
    if (a->state == GK_CELL_UNREADABLE || b->state == GK_CELL_UNREADABLE) {
        if (a->state != GK_CELL_UNREADABLE) {
            a->state = GK_CELL_UNREADABLE;
            /* copied: b may be freed before a (on ENOMEM the text is dropped) */
            a->text = b->text ? gk_report_strdup(ra, b->text, strlen(b->text)) : NULL;
        }
        a->v = 0;
        return;
    }
    if (a->state == GK_CELL_BLANK && b->state == GK_CELL_BLANK)
        return;
    gk_cell_set(a, gk_cell_num(a) + gk_cell_num(b));
}

int gk_report_add(gk_report *a, const gk_report *b)
{
    size_t i, n;
    int r, c;

    if (a->format != b->format) {
        gk_error_set(GK_ERRCLASS_INVALID, "cannot add a %s-format report to a %s-format one",
                     b->format == GK_FORMAT_2019 ? "2019" : "2021",
                     a->format == GK_FORMAT_2019 ? "2019" : "2021");
        return GK_EINVALID;
    }
    (void)gk_t2_layout(a->format, &n);
    for (i = 0; i < n; i++)
        add_cell(a, &a->t2[i], &b->t2[i]);
    for (r = 0; r < GK_T3_NROWS; r++)
        for (c = 0; c < GK_T3_NCOLS; c++)
            add_cell(a, &a->t3[r][c], &b->t3[r][c]);
    for (r = 0; r < GK_T4_NGROUPS; r++)
        for (c = 0; c < GK_T4_NCOLS; c++)
            add_cell(a, &a->t4[r][c], &b->t4[r][c]);
    a->t2_present = a->t2_present && b->t2_present;
    a->t3_present = a->t3_present && b->t3_present;
    a->t4_present = a->t4_present && b->t4_present;
    /* a collapsed （六） in any input collapses the sum: its sub-rows are unknown */
    if (b->t3_other_collapsed && !a->t3_other_collapsed) {
        a->t3_other_collapsed = true;
        for (c = 0; c < GK_T3_NCOLS; c++) {
            a->t3[GK_T3_R_OT_OTHER][c].v = gk_cell_num(&a->t3[GK_T3_R_OT_OTHER][c]) +
                                           gk_cell_num(&a->t3[GK_T3_R_OT_NOCORRECT][c]) +
                                           gk_cell_num(&a->t3[GK_T3_R_OT_NOFEE][c]);
            a->t3[GK_T3_R_OT_NOCORRECT][c].state = GK_CELL_ABSENT;
            a->t3[GK_T3_R_OT_NOFEE][c].state = GK_CELL_ABSENT;
        }
    }
    return 0;
}
