/*
 * report_cells.c: every cell of a report with its report-JSON path
 * (spec/report-json.md §1), the one place that spells the paths.
 */
#include <stdio.h>
#include "report_int.h"
const char *gk_report__t2_root(const gk_report *r)
{
    return r->format == GK_FORMAT_2019 ? "proactive_2019" : "proactive";
}

int gk_report__foreach_cell(gk_report *r, gk_report__cell_cb cb, void *payload)
{
    return gk_report__foreach_cell_if(r, NULL, cb, payload);
}

int gk_report__foreach_cell_if(gk_report *r, gk_report__cell_want want, gk_report__cell_cb cb,
                               void *payload)
{
    char path[128];
    size_t i, n;
    int row, col, g, c, rc;
    const gk_t2_cell_desc *t2 = gk_t2_layout(r->format, &n);

    for (i = 0; i < n; i++) {
        if (want && !want(&r->t2[i], payload))
            continue;
        snprintf(path, sizeof path, "%s.%s.%s", gk_report__t2_root(r), t2[i].group, t2[i].field);
        rc = cb(path, &r->t2[i], payload);
        if (rc)
            return rc;
    }
    for (row = 0; row < GK_T3_NROWS; row++)
        for (col = 0; col < GK_T3_NCOLS; col++) {
            if (want && !want(&r->t3[row][col], payload))
                continue;
            snprintf(path, sizeof path, "applications.%s[%d]", gk_t3_row_key(row), col);
            rc = cb(path, &r->t3[row][col], payload);
            if (rc)
                return rc;
        }
    for (g = 0; g < GK_T4_NGROUPS; g++)
        for (c = 0; c < GK_T4_NCOLS; c++) {
            if (want && !want(&r->t4[g][c], payload))
                continue;
            snprintf(path, sizeof path, "review_litigation.%s.%s", gk_t4_group_key(g),
                     gk_t4_col_key(c));
            rc = cb(path, &r->t4[g][c], payload);
            if (rc)
                return rc;
        }
    return 0;
}

typedef struct {
    const char *want;
    gk_cell *found;
} find_ctx;

static int find_cb(const char *path, gk_cell *cell, void *payload)
{
    find_ctx *f = payload;

    if (strcmp(path, f->want) != 0)
        return 0;
    f->found = cell;
    return 1;
}

gk_cell *gk_report__cell_at(gk_report *r, const char *path)
{
    find_ctx f = {path, NULL};

    (void)gk_report__foreach_cell(r, find_cb, &f);
    return f.found;
}
