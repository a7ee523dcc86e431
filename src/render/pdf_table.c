/*
 * pdf_table.c: tables 2–4 of the annual report in the PDF, with the merged
 * cells of the official form (the spans of layout.c), ruled cells, text
 * wrapped inside each cell, and page breaks only between rows.
 *
 * Three passes over a table:
 *   1. measure: column widths from the layout's proportions, widened so
 *      that no number wraps; one Pango layout per cell; row heights grown
 *      until every cell's text fits (one-row cells first, then spanning
 *      cells by increasing span, their shortfall shared by their rows);
 *   2. paginate: cut the rows into segments, one per page and part. A
 *      table that fits on a page is never cut (it starts a new page
 *      instead); a longer one is cut between rows, and the cut moves up
 *      to the top of a spanning cell (a group such as （三）不予公开) when
 *      that group fits on one page, so that groups stay whole where they
 *      can. Each segment repeats the header rows of its part (table 2's
 *      blocks each have their own header);
 *   3. draw: each segment's header rows and data rows. A spanning cell cut
 *      by a page break is drawn as one ruled box per page; its text is
 *      repeated in each box it fits in (or, when it fits in none, drawn
 *      clipped in the largest).
 * Anything taller than a page (hostile cell text) is clipped to the text
 * block rather than spilling over the margins.
 */
#include "pdf_int.h"

#define PAD_X    2.5
#define PAD_Y    1.0
#define RULE     0.5
#define EPS      0.01
#define MAX_SEGS (GK_LAYOUT_MAX_ROWS + GK_LAYOUT_MAX_PARTS)

/* One page's share of one part: header rows of `part`, then data rows
 * [a, b); break_before: it starts a new page. */
typedef struct {
    int part;
    int a, b;
    bool break_before;
} seg;

typedef struct {
    const gk_layout_table *t;
    double colx[GK_LAYOUT_MAX_COLS + 1];
    double rowh[GK_LAYOUT_MAX_ROWS];
    PangoLayout *lay[GK_LAYOUT_MAX_CELLS];
    double need[GK_LAYOUT_MAX_CELLS]; /* text height plus padding */
    bool fits_somewhere[GK_LAYOUT_MAX_CELLS];
    int best_seg[GK_LAYOUT_MAX_CELLS];
    seg segs[MAX_SEGS];
    size_t nsegs;
} ptable;

static double rows_h(const ptable *p, int a, int b)
{
    double h = 0;

    for (; a < b; a++)
        h += p->rowh[a];
    return h;
}

static int data_start(const gk_layout_table *t, int part)
{
    return t->parts[part].first_row + t->parts[part].nhead;
}

static int part_end(const gk_layout_table *t, int part)
{
    return t->parts[part].first_row + t->parts[part].nrows;
}

static double head_h(const ptable *p, int part)
{
    return rows_h(p, p->t->parts[part].first_row, data_start(p->t, part));
}

/* ---------------------------------------------------------- 1. measure */

/* Moves width from the columns with the most slack to those narrower than
 * their minimum (the widest number in them). */
static void fit_columns(double w[], const double min[], int n)
{
    int c, k;

    for (c = 0; c < n; c++) {
        while (w[c] + EPS < min[c]) {
            int donor = -1;
            double slack = 0, give;

            for (k = 0; k < n; k++)
                if (k != c && w[k] - min[k] > slack) {
                    slack = w[k] - min[k];
                    donor = k;
                }
            if (donor < 0)
                break;
            give = min[c] - w[c] < slack ? min[c] - w[c] : slack;
            w[donor] -= give;
            w[c] += give;
        }
    }
}

static int measure(gk_pdf_doc *d, ptable *p)
{
    const gk_layout_table *t = p->t;
    double w[GK_LAYOUT_MAX_COLS], min[GK_LAYOUT_MAX_COLS] = {0}, sum = 0, line_h;
    char num[64];
    size_t i;
    int c, r, span, error = 0;

    for (c = 0; c < t->ncols; c++)
        sum += t->width[c] ? t->width[c] : 1;
    for (c = 0; c < t->ncols; c++)
        w[c] = GK_PDF_TEXT_W * (t->width[c] ? t->width[c] : 1) / sum;

    /* layouts, unwrapped first to find the widest number of each column */
    for (i = 0; i < t->ncells && error == 0; i++) {
        const gk_lcell *lc = &t->cells[i];
        const char *raw = gk_render__cell_text(lc, num, sizeof num), *text;
        bool head = lc->kind == GK_LCELL_HEAD || lc->kind == GK_LCELL_CAPTION;
        bool left = lc->kind == GK_LCELL_LABEL || lc->kind == GK_LCELL_NOTE;
        double tw;

        error = gk_render__pdf_clean(d, raw, strlen(raw), GK_PDF_CELL_MAX_CHARS, &text);
        if (error < 0)
            break;
        p->lay[i] = gk_render__pdf_layout(d, head ? d->f_head : d->f_cell, text, -1, 0,
                                          left ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER);
        if (lc->kind == GK_LCELL_VALUE && lc->colspan == 1 && lc->cell &&
            lc->cell->state == GK_CELL_VALUE) {
            gk_render__pdf_size(p->lay[i], &tw, NULL);
            if (tw + 2 * PAD_X > min[lc->col])
                min[lc->col] = tw + 2 * PAD_X;
        }
    }
    if (error < 0)
        return error;
    fit_columns(w, min, t->ncols);
    p->colx[0] = GK_PDF_TEXT_X;
    for (c = 0; c < t->ncols; c++)
        p->colx[c + 1] = p->colx[c] + w[c];

    /* wrapped heights; the empty-cell height is one line */
    line_h = 0;
    for (i = 0; i < t->ncells; i++) {
        const gk_lcell *lc = &t->cells[i];
        double h;

        pango_layout_set_width(
            p->lay[i],
            (int)((p->colx[lc->col + lc->colspan] - p->colx[lc->col] - 2 * PAD_X) * PANGO_SCALE));
        pango_layout_set_wrap(p->lay[i], PANGO_WRAP_WORD_CHAR);
        gk_render__pdf_size(p->lay[i], NULL, &h);
        p->need[i] = h + 2 * PAD_Y;
        if (lc->rowspan == 1 && pango_layout_get_line_count(p->lay[i]) == 1 && h > line_h)
            line_h = h;
    }
    for (r = 0; r < t->nrows; r++)
        p->rowh[r] = line_h + 2 * PAD_Y;
    for (span = 1; span <= t->nrows; span++)
        for (i = 0; i < t->ncells; i++) {
            const gk_lcell *lc = &t->cells[i];
            double have;

            if (lc->rowspan != span)
                continue;
            have = rows_h(p, lc->row, lc->row + span);
            if (have + EPS < p->need[i])
                for (r = lc->row; r < lc->row + span; r++)
                    p->rowh[r] += (p->need[i] - have) / span;
        }
    return 0;
}

/* --------------------------------------------------------- 2. paginate */

/* Where to cut before row r when the page's data rows began at row a:
 * at r, or higher up at the top of a spanning data cell that crosses the
 * cut and fits on one page with its part's header (never at a or above,
 * so the page keeps at least one row). */
static int keep_back(const ptable *p, int part, int r, int a)
{
    const gk_layout_table *t = p->t;
    double room = GK_PDF_BODY_H - head_h(p, part);
    bool moved = true;
    size_t i;

    while (moved) {
        moved = false;
        for (i = 0; i < t->ncells; i++) {
            const gk_lcell *lc = &t->cells[i];

            if (lc->row > a && lc->row < r && lc->row + lc->rowspan > r &&
                lc->row >= data_start(t, part) &&
                rows_h(p, lc->row, lc->row + lc->rowspan) <= room + EPS) {
                r = lc->row;
                moved = true;
            }
        }
    }
    return r;
}

static void push(ptable *p, seg s)
{
    if (p->nsegs < MAX_SEGS)
        p->segs[p->nsegs++] = s;
}

/* Cuts the table into segments, given that it starts on a page whose
 * free space begins at y (fresh: nothing on that page yet). */
static void paginate(ptable *p, double y, bool fresh)
{
    const gk_layout_table *t = p->t;
    double rem = GK_PDF_BODY_BOT - y;
    bool brk = false;
    size_t k;

    p->nsegs = 0;
    for (k = 0; k < t->nparts; k++) {
        int part = (int)k, r = data_start(t, part), end = part_end(t, part), placed = 0;
        double hh = head_h(p, part);
        seg s;

        if (!fresh && hh + (r < end ? p->rowh[r] : 0) > rem + EPS) {
            brk = true;
            rem = GK_PDF_BODY_H;
        }
        s = (seg){part, r, r, brk};
        rem -= hh;
        fresh = false;
        brk = false;
        while (r < end) {
            if (p->rowh[r] <= rem + EPS || placed == 0) {
                rem -= p->rowh[r++];
                placed++;
                continue;
            }
            r = keep_back(p, part, r, s.a);
            s.b = r;
            push(p, s);
            s = (seg){part, r, r, true};
            rem = GK_PDF_BODY_H - hh;
            placed = 0;
        }
        s.b = end;
        push(p, s);
    }
}

/* The rows of cell i that segment s shows (empty when none). */
static void fragment(const ptable *p, size_t i, const seg *s, int *r0, int *r1)
{
    const gk_lcell *lc = &p->t->cells[i];
    int a = lc->row > s->a ? lc->row : s->a, b = lc->row + lc->rowspan;

    *r0 = a;
    *r1 = b < s->b ? b : s->b;
}

/* For each data cell: does its text fit in one of its boxes, and which of
 * its boxes is the largest. */
static void plan_text(ptable *p)
{
    double best[GK_LAYOUT_MAX_CELLS] = {0};
    size_t s, i;

    for (i = 0; i < p->t->ncells; i++) {
        p->fits_somewhere[i] = false;
        p->best_seg[i] = -1;
    }
    for (s = 0; s < p->nsegs; s++)
        for (i = 0; i < p->t->ncells; i++) {
            int r0, r1;
            double h;

            fragment(p, i, &p->segs[s], &r0, &r1);
            if (r0 >= r1)
                continue;
            h = rows_h(p, r0, r1);
            if (h + EPS >= p->need[i])
                p->fits_somewhere[i] = true;
            if (h > best[i]) {
                best[i] = h;
                p->best_seg[i] = (int)s;
            }
        }
}

/* ------------------------------------------------------------- 3. draw */

/* Draws rows [ra, rb) from y down; seg_index < 0 for header rows (whose
 * cells are always whole and always get their text). */
static void draw_band(gk_pdf_doc *d, const ptable *p, int ra, int rb, double y, int seg_index)
{
    const gk_layout_table *t = p->t;
    cairo_t *cr = d->cr;
    size_t i;

    for (i = 0; i < t->ncells; i++) {
        const gk_lcell *lc = &t->cells[i];
        int r0 = lc->row > ra ? lc->row : ra, r1 = lc->row + lc->rowspan;
        double x, w, top, h, th;
        bool text;

        if (r1 > rb)
            r1 = rb;
        if (r0 >= r1)
            continue;
        x = p->colx[lc->col];
        w = p->colx[lc->col + lc->colspan] - x;
        top = y + rows_h(p, ra, r0);
        h = rows_h(p, r0, r1);
        cairo_save(cr);
        cairo_rectangle(cr, 0, GK_PDF_BODY_TOP, GK_PDF_PAGE_W, GK_PDF_BODY_H);
        cairo_clip(cr);
        if (lc->kind == GK_LCELL_VALUE && lc->cell && lc->cell->state == GK_CELL_UNREADABLE) {
            cairo_set_source_rgb(cr, 1.0, 0xC7 / 255.0, 0xCE / 255.0); /* as the XLSX/DOCX */
            cairo_rectangle(cr, x, top, w, h);
            cairo_fill(cr);
        }
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_set_line_width(cr, RULE);
        cairo_rectangle(cr, x, top, w, h);
        cairo_stroke(cr);
        text = seg_index < 0 || h + EPS >= p->need[i] ||
               (!p->fits_somewhere[i] && p->best_seg[i] == seg_index);
        if (text) {
            gk_render__pdf_size(p->lay[i], NULL, &th);
            cairo_rectangle(cr, x, top, w, h);
            cairo_clip(cr);
            cairo_move_to(cr, x + PAD_X, th + 2 * PAD_Y < h ? top + (h - th) / 2 : top + PAD_Y);
            pango_cairo_show_layout(cr, p->lay[i]);
        }
        cairo_restore(cr);
    }
}

int gk_render__pdf_table(gk_pdf_doc *d, const gk_layout_table *t)
{
    ptable *p = gk_calloc(1, sizeof *p);
    double total, first;
    bool whole;
    size_t s, i;
    int error;

    if (!p)
        return gk__oom();
    p->t = t;
    error = measure(d, p);
    if (error < 0 || t->nparts == 0)
        goto done;

    /* A table that fits on a page with its held heading is kept whole
     * (the heading then needs all of it after it on its page); a longer
     * one needs its first header and data row after the heading. */
    total = rows_h(p, 0, t->nrows);
    whole = total + gk_render__pdf_held_height(d) <= GK_PDF_BODY_H + EPS;
    first = head_h(p, 0) + (data_start(t, 0) < part_end(t, 0) ? p->rowh[data_start(t, 0)] : 0);
    error = gk_render__pdf_release_held(d, whole ? total : first);
    if (error == 0 && !d->fresh && whole && d->y + total > GK_PDF_BODY_BOT + EPS)
        error = gk_render__pdf_new_page(d);
    if (error < 0)
        goto done;
    paginate(p, d->y, d->fresh);
    plan_text(p);
    for (s = 0; s < p->nsegs && error == 0; s++) {
        const seg *g = &p->segs[s];
        double hh = head_h(p, g->part);

        if (g->break_before)
            error = gk_render__pdf_new_page(d);
        if (error < 0)
            break;
        draw_band(d, p, t->parts[g->part].first_row, data_start(t, g->part), d->y, -1);
        draw_band(d, p, g->a, g->b, d->y + hh, (int)s);
        d->y += hh + rows_h(p, g->a, g->b);
        d->fresh = false;
    }
    if (error == 0)
        error = gk_render__pdf_status(d);
done:
    for (i = 0; i < t->ncells; i++)
        if (p->lay[i])
            g_object_unref(p->lay[i]);
    gk_free(p);
    return error;
}
