/*
 * grid.c: the grid shared by the HTML, text and Markdown front ends (rows of
 * cells with text and source position). Storage is two growable arrays and
 * an arena for the texts; every append respects the caps of parse_int.h.
 */
#include "parse/parse_int.h"

void gk_grid_init(gk_grid *g)
{
    memset(g, 0, sizeof(*g));
    g->arena.max = GK_PARSE_ARENA_MAX;
}

void gk_grid_release(gk_grid *g)
{
    if (!g)
        return;
    gk_free(g->cells);
    gk_free(g->rows);
    gk_arena_release(&g->arena);
    memset(g, 0, sizeof(*g));
}

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    size_t ncap;
    void *np;

    if (need <= *cap)
        return 0;
    ncap = *cap ? *cap * 2 : 64;
    while (ncap < need)
        ncap *= 2;
    np = gk_realloc(*p, ncap * elem);
    if (!np)
        return gk__oom();
    *p = np;
    *cap = ncap;
    return 0;
}

int gk_grid_row(gk_grid *g, uint32_t table, bool bounded)
{
    gk_grow *r;
    int error;

    /* Reuse an empty last row instead of piling up empty ones. */
    if (g->nrows && g->rows[g->nrows - 1].ncells == 0) {
        r = &g->rows[g->nrows - 1];
        r->table = table;
        r->bounded = bounded;
        r->heading = 0;
        return 0;
    }
    error = grow((void **)&g->rows, &g->rows_cap, g->nrows + 1, sizeof(gk_grow));
    if (error < 0)
        return error;
    r = &g->rows[g->nrows++];
    memset(r, 0, sizeof(*r));
    r->first = (uint32_t)g->ncells;
    r->table = table;
    r->bounded = bounded;
    return 0;
}

int gk_grid_cell(gk_grid *g, const char *text, size_t len, gk_srcpos pos, unsigned colspan,
                 unsigned rowspan, bool bounded)
{
    gk_gcell *c;
    int error;

    if (!g->nrows && (error = gk_grid_row(g, 0, bounded)) < 0)
        return error;
    if (g->rows[g->nrows - 1].ncells >= GK_PARSE_MAX_ROW_CELLS || g->ncells >= GK_PARSE_MAX_CELLS) {
        g->truncated = true;
        return 0;
    }
    if (bounded && len > GK_PARSE_MAX_CELL_TEXT) {
        len = GK_PARSE_MAX_CELL_TEXT;
        while (len && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--; /* do not cut a UTF-8 sequence */
        g->truncated = true;
    }
    error = grow((void **)&g->cells, &g->cells_cap, g->ncells + 1, sizeof(gk_gcell));
    if (error < 0)
        return error;
    c = &g->cells[g->ncells];
    c->text = gk_arena_strndup(&g->arena, text, len);
    if (!c->text)
        return GK_ENOMEM;
    c->len = (uint32_t)len;
    c->pos = pos;
    c->colspan = (uint16_t)(colspan < 1 ? 1 : colspan > GK_PARSE_MAX_SPAN ? GK_PARSE_MAX_SPAN : colspan);
    c->rowspan = (uint16_t)(rowspan < 1 ? 1 : rowspan > GK_PARSE_MAX_SPAN ? GK_PARSE_MAX_SPAN : rowspan);
    c->bounded = bounded;
    g->ncells++;
    g->rows[g->nrows - 1].ncells++;
    return 0;
}

void gk_grid_trim(gk_grid *g)
{
    while (g->nrows && g->rows[g->nrows - 1].ncells == 0)
        g->nrows--;
}

int gk_grid_dump_tables(gk_buf *out, const gk_grid *g)
{
    size_t i, j;
    int error = 0;

    for (i = 0; i < g->nrows && !error; i++) {
        const gk_grow *r = &g->rows[i];
        if (!r->table || !r->ncells)
            continue;
        error = gk_buf_printf(out, "T%u:", (unsigned)r->table);
        for (j = 0; j < r->ncells && !error; j++) {
            const gk_gcell *c = &g->cells[r->first + j];
            error = gk_buf_printf(out, " [%s]", c->text);
            if (!error && (c->colspan > 1 || c->rowspan > 1))
                error = gk_buf_printf(out, "{%u,%u}", (unsigned)c->colspan, (unsigned)c->rowspan);
        }
        if (!error)
            error = gk_buf_putc(out, '\n');
    }
    return error;
}
