/*
 * report_json_write.c: our own deterministic pretty-printer of report JSON
 * (rows of table 3 on one line, as the spec's example shows), so golden
 * files and diffs stay readable.
 */
#include <math.h>
#include <stdio.h>
#include "report_int.h"

int gk_report__put_number(gk_buf *b, double v)
{
    if (floor(v) >= v && floor(v) <= v && fabs(v) < GK_REPORT_MAX_ABS)
        return gk_buf_printf(b, "%.0f", v);
    return gk_buf_printf(b, "%.15g", v);
}

static int put_cell(gk_buf *b, const gk_cell *c)
{
    if (c->state == GK_CELL_VALUE)
        return gk_report__put_number(b, c->v);
    return gk_buf_puts(b, "null");
}

static int put_str_field(gk_buf *b, const char *key, const char *s)
{
    int error = gk_buf_printf(b, "  \"%s\": ", key);

    if (error == 0)
        error = gk_buf_put_json_string(b, s, strlen(s));
    return error ? error : gk_buf_puts(b, ",\n");
}

static int write_t2(gk_buf *b, const gk_report *r)
{
    size_t i, n;
    const gk_t2_cell_desc *t2 = gk_t2_layout(r->format, &n);
    int error = gk_buf_printf(b, "  \"%s\": {\n", gk_report__t2_root(r));

    for (i = 0; i < n && error == 0;) {
        size_t j = i;
        bool first = true;
        error = gk_buf_printf(b, "    \"%s\": {", t2[i].group);
        for (; j < n && !strcmp(t2[j].group, t2[i].group) && error == 0; j++) {
            if (r->t2[j].state == GK_CELL_ABSENT)
                continue;
            error = gk_buf_printf(b, "%s\"%s\": ", first ? "" : ", ", t2[j].field);
            if (error == 0)
                error = put_cell(b, &r->t2[j]);
            first = false;
        }
        if (error == 0)
            error = gk_buf_printf(b, "}%s\n", j < n ? "," : "");
        i = j;
    }
    return error ? error : gk_buf_puts(b, "  },\n");
}

static int write_t3(gk_buf *b, const gk_report *r)
{
    int row, col, error = gk_buf_puts(b, "  \"applications\": {\n");
    bool first = true;

    for (row = 0; row < GK_T3_NROWS && error == 0; row++) {
        bool any = false;
        for (col = 0; col < GK_T3_NCOLS; col++)
            any |= r->t3[row][col].state != GK_CELL_ABSENT;
        if (!any)
            continue;
        error = gk_buf_printf(b, "%s    \"%s\": [", first ? "" : ",\n", gk_t3_row_key(row));
        for (col = 0; col < GK_T3_NCOLS && error == 0; col++) {
            if (col)
                error = gk_buf_puts(b, ", ");
            if (error == 0)
                error = put_cell(b, &r->t3[row][col]);
        }
        if (error == 0)
            error = gk_buf_putc(b, ']');
        first = false;
    }
    return error ? error : gk_buf_puts(b, "\n  },\n");
}

static int write_t4(gk_buf *b, const gk_report *r)
{
    int g, c, error = gk_buf_puts(b, "  \"review_litigation\": {\n");

    for (g = 0; g < GK_T4_NGROUPS && error == 0; g++) {
        bool first = true;
        error = gk_buf_printf(b, "    \"%s\": {", gk_t4_group_key(g));
        for (c = 0; c < GK_T4_NCOLS && error == 0; c++) {
            if (r->t4[g][c].state == GK_CELL_ABSENT)
                continue;
            error = gk_buf_printf(b, "%s\"%s\": ", first ? "" : ", ", gk_t4_col_key(c));
            if (error == 0)
                error = put_cell(b, &r->t4[g][c]);
            first = false;
        }
        if (error == 0)
            error = gk_buf_printf(b, "}%s\n", g + 1 < GK_T4_NGROUPS ? "," : "");
    }
    return error ? error : gk_buf_puts(b, "  },\n");
}

typedef struct {
    gk_buf *b;
    int n;
} unreadable_ctx;

static int unreadable_cb(const char *path, gk_cell *cell, void *payload)
{
    unreadable_ctx *u = payload;
    int error;

    if (cell->state != GK_CELL_UNREADABLE)
        return 0;
    error = gk_buf_printf(u->b, "%s    {\"cell\": \"%s\", \"text\": ", u->n ? ",\n" : "", path);
    if (error == 0)
        error = gk_buf_put_json_string(u->b, cell->text ? cell->text : "",
                                           cell->text ? strlen(cell->text) : 0);
    if (error == 0)
        error = gk_buf_putc(u->b, '}');
    u->n++;
    return error;
}

static int write_sections(gk_buf *b, const gk_report *r)
{
    size_t i;
    int error = gk_buf_puts(b, "  \"sections\": [\n");

    for (i = 0; i < r->nsections && error == 0; i++) {
        const gk_section *s = &r->sections[i];
        error = gk_buf_puts(b, "    {\"no\": ");
        if (error == 0)
            error = gk_buf_put_json_string(b, s->no, strlen(s->no));
        if (error == 0)
            error = gk_buf_puts(b, ", \"title\": ");
        if (error == 0)
            error = gk_buf_put_json_string(b, s->title, strlen(s->title));
        if (error == 0)
            error = gk_buf_puts(b, ", \"text\": ");
        if (error == 0)
            error = gk_buf_put_json_string(b, s->text, strlen(s->text));
        if (error == 0)
            error = gk_buf_printf(b, "}%s\n", i + 1 < r->nsections ? "," : "");
    }
    return error ? error : gk_buf_puts(b, "  ],\n");
}

int gk_report_to_json(gk_buf *out, const gk_report *r)
{
    int error;
    gk_buf b = GK_BUF_INIT;
    unreadable_ctx u;

    error = gk_buf_printf(&b, "{\n  \"schema\": \"%s\",\n  \"format\": \"%s\",\n", GK_REPORT_SCHEMA,
                          r->format == GK_FORMAT_2019 ? "2019" : "2021");
    if (error == 0)
        error = put_str_field(&b, "agency", r->agency ? r->agency : "");
    if (error == 0 && r->source && *r->source)
        error = put_str_field(&b, "source", r->source);
    if (error == 0 && r->year)
        error = gk_buf_printf(&b, "  \"year\": %d,\n", r->year);
    if (error == 0 && r->t3_other_collapsed && r->format != GK_FORMAT_2019)
        error = gk_buf_puts(&b, "  \"table3_other_collapsed\": true,\n");
    if (error == 0 && r->t2_present)
        error = write_t2(&b, r);
    if (error == 0 && r->t3_present)
        error = write_t3(&b, r);
    if (error == 0 && r->t4_present)
        error = write_t4(&b, r);
    if (error == 0 && r->nsections)
        error = write_sections(&b, r);
    if (error == 0) {
        u.b = &b;
        u.n = 0;
        error = gk_buf_puts(&b, "  \"unreadable\": [\n");
        if (error == 0)
            error = gk_report__foreach_cell((gk_report *)(uintptr_t)r, unreadable_cb, &u);
        if (error == 0) {
            /* drop the key again when nothing was unreadable */
            if (u.n == 0)
                b.len -= strlen("  \"unreadable\": [\n");
            else
                error = gk_buf_puts(&b, "\n  ],\n");
        }
    }
    /* replace the last ",\n" with "\n}" */
    if (error == 0 && b.len >= 2 && b.ptr[b.len - 2] == ',') {
        b.len -= 2;
        error = gk_buf_puts(&b, "\n}\n");
    }
    if (error == 0)
        error = gk_buf_put(out, b.ptr, b.len);
    gk_buf_release(&b);
    return error;
}
