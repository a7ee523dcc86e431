/*
 * text_table.c: ruled tables drawn in text, read back into grid rows with
 * their spans. Our own text renderer draws them with ASCII rules
 * (render/text.c); other tools print the same shape with '=' rules or the
 * Unicode box characters ─│┌┐└┘├┤┬┴┼ (light, heavy and double):
 *
 *   +--------+-----+        a cell spanning columns has no vertical bar
 *   | 自然人 |  25 |        between its columns; a cell spanning rows has
 *   +--------+-----+        no rule between its rows (its text may go on
 *   |        | 0   |        through the rule line, as render/text.c does
 *   | 三、本 +-----+        with a label spanning many rows)
 *   | 年度   | 3   |
 *   +--------+-----+
 *
 * Reading is by display columns (a CJK character is 2, a box character 1,
 * as terminals align such tables):
 *  1. the table's column boundaries are the columns where some line has a
 *     junction ('+', ┼ …) next to a horizontal rule character;
 *  2. on each line, each column's segment between two boundaries is a rule
 *     (only rule characters) or content; a line with a rule segment is a
 *     rule line, and the runs of content lines between rule lines are the
 *     table's rows ("bands");
 *  3. two columns of a band belong to one cell unless every content line
 *     of the band, and the rule lines just above and below it, have a
 *     vertical or junction character on the boundary between them; two
 *     bands belong to one cell in a column unless a rule line between them
 *     has a rule there;
 *  4. a cell's text is its lines inside its box (rule lines it covers
 *     included), trimmed, joined without a separator: the renderer wraps
 *     labels between code points, so "（三）不" + "予公开" is the label. Two
 *     ASCII word characters are joined with a space when the line before
 *     did not fill the box (a word wrap, not a character wrap).
 * Each band becomes one bounded grid row holding the cells whose top-left
 * corner is in it, in column order, with colspan and rowspan, as an HTML
 * <tr> would (so the recogniser reads both the same way).
 *
 * Caps (hostile input): lines wider than RT_MAX_WIDTH columns, more than
 * GK_PARSE_MAX_ROW_CELLS columns or more than RT_MAX_POINTS line × boundary
 * points make the block "not a table": its lines are read as plain lines,
 * and the caller does not look for a table inside them again (so a block
 * costs linear time, whatever it holds).
 */
#include "parse/text_table.h"
#include "util/utf8.h"

#define RT_MAX_WIDTH  4096u                 /* display columns of a table line */
#define RT_MAX_POINTS ((size_t)1024 * 1024) /* lines × boundaries of one table */
#define RT_MAX_LINES  (RT_MAX_POINTS / 2)   /* lines of one block (2+ boundaries) */

enum { CH_OTHER = 0, CH_HORIZ, CH_VERT, CH_JOIN };

/* Characters that draw rules. Box drawing (U+2500–U+257F) by ranges; the
 * diagonals and half lines are not rules. */
static const struct {
    int32_t lo, hi;
    uint8_t cls;
} rule_chars[] = {
    {'+', '+', CH_JOIN},       {'-', '-', CH_HORIZ},      {'=', '=', CH_HORIZ},
    {'|', '|', CH_VERT},       {0x2500, 0x2501, CH_HORIZ}, /* ─ ━ */
    {0x2502, 0x2503, CH_VERT}, /* │ ┃ */
    {0x2504, 0x2505, CH_HORIZ}, {0x2506, 0x2507, CH_VERT}, /* dashed */
    {0x2508, 0x2509, CH_HORIZ}, {0x250A, 0x250B, CH_VERT},
    {0x250C, 0x254B, CH_JOIN}, /* ┌ ┐ └ ┘ ├ ┤ ┬ ┴ ┼ and their heavy forms */
    {0x254C, 0x254D, CH_HORIZ}, {0x254E, 0x254F, CH_VERT},
    {0x2550, 0x2550, CH_HORIZ}, /* ═ */
    {0x2551, 0x2551, CH_VERT},  /* ║ */
    {0x2552, 0x2570, CH_JOIN},  /* double-line junctions, rounded corners */
};

static int char_class(int32_t cp)
{
    size_t k;

    for (k = 0; k < GK_ARRAY_LEN(rule_chars); k++)
        if (cp >= rule_chars[k].lo && cp <= rule_chars[k].hi)
            return rule_chars[k].cls;
    return CH_OTHER;
}

/* Display width: box characters are one column (terminals that align
 * these tables print them so), an undecodable byte one. */
static size_t cp_width(int32_t cp)
{
    if (cp < 0 || (cp >= 0x2500 && cp <= 0x257F))
        return 1;
    return (size_t)gk_utf8_cp_width(cp);
}

static size_t text_width(const char *s, size_t n)
{
    size_t i = 0, w = 0;

    while (i < n)
        w += cp_width(gk_utf8_next(s, n, &i));
    return w;
}

typedef struct {
    const char *s;
    size_t len; /* without the newline and trailing blanks */
    uint32_t lineno;
} rt_line;

/* Per-line facts at the boundaries, flat arrays of nlines × nb (rule:
 * nlines × ncols). */
typedef struct {
    rt_line *lines;
    size_t nlines, lines_cap;
    size_t block_bytes; /* bytes of the collected lines, newlines included */
    uint32_t *bcol; /* boundary display columns, increasing */
    size_t nb, ncols;
    uint32_t *off;  /* byte offset of the first code point at or after the boundary */
    int32_t *cp;    /* code point starting exactly at the boundary, or -1 */
    uint8_t *rule;  /* the column's segment is only rule characters */
    bool *is_rule;  /* per line: it has a rule segment */
    size_t *band_first, *band_last; /* lines of each band */
    size_t nbands;
    uint32_t *parent; /* union-find over bands × columns */
    uint32_t *r0, *r1, *k0, *k1; /* bounding box of each root */
} rt_table;

static void table_release(rt_table *t)
{
    gk_free(t->lines);
    gk_free(t->bcol);
    gk_free(t->off);
    gk_free(t->cp);
    gk_free(t->rule);
    gk_free(t->is_rule);
    gk_free(t->band_first);
    gk_free(t->band_last);
    gk_free(t->parent);
    gk_free(t->r0);
    gk_free(t->r1);
    gk_free(t->k0);
    gk_free(t->k1);
    memset(t, 0, sizeof(*t));
}

/* Length of the line at s without its newline, and the offset after it. */
static size_t line_end(const char *s, size_t len, size_t *next)
{
    const char *nl = memchr(s, '\n', len);
    size_t n = nl ? (size_t)(nl - s) : len;

    *next = n + (nl ? 1 : 0);
    while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n;
}

/* The display column of the first non-blank character, and that
 * character's class; CH_OTHER when the line is blank or too wide. */
static int lead_class(const char *s, size_t n, size_t *col)
{
    size_t i = 0;

    while (i < n && s[i] == ' ')
        i++;
    *col = i;
    if (i == n || i >= RT_MAX_WIDTH)
        return CH_OTHER;
    return char_class(gk_utf8_next(s, n, &i));
}

/* A line that can be a table's top border: junctions and horizontal rules
 * only, starting with a junction, with at least one rule character. */
static bool is_border(const char *s, size_t n)
{
    size_t i, col, width;
    bool horiz = false;

    if (lead_class(s, n, &col) != CH_JOIN)
        return false;
    i = col;
    width = col;
    while (i < n) {
        int32_t cp = gk_utf8_next(s, n, &i);
        int cls = char_class(cp);
        if (cls != CH_JOIN && cls != CH_HORIZ)
            return false;
        horiz |= cls == CH_HORIZ;
        if (++width > RT_MAX_WIDTH)
            return false;
    }
    return horiz;
}

bool gk_parse__has_ruled_table(const char *s, size_t len)
{
    size_t pos = 0, next, n;

    while (pos < len) {
        n = line_end(s + pos, len - pos, &next);
        if (is_border(s + pos, n) && pos + next < len) {
            size_t n2, next2, col0, col;
            (void)lead_class(s + pos, n, &col0);
            n2 = line_end(s + pos + next, len - pos - next, &next2);
            if (lead_class(s + pos + next, n2, &col) == CH_VERT && col == col0)
                return true;
        }
        pos += next;
    }
    return false;
}

/* Step 1: the block's lines (from the top border while lines start with a
 * rule character in the border's column) and the boundary columns. Returns
 * 1 when a table stands here, 0 when not, or an error. */
static int collect(rt_table *t, const char *s, size_t len, uint32_t lineno)
{
    uint8_t *isb = NULL;
    size_t pos = 0, next, n, col0, col, i, k;
    int error = 0, found = 0;

    n = line_end(s, len, &next);
    if (!is_border(s, n))
        return 0;
    (void)lead_class(s, n, &col0);
    while (pos < len) {
        int cls;
        n = line_end(s + pos, len - pos, &next);
        cls = lead_class(s + pos, n, &col);
        if (t->nlines && ((cls != CH_VERT && cls != CH_JOIN) || col != col0))
            break;
        if (t->nlines == RT_MAX_LINES)
            return 0; /* over the cap: these lines are read as plain lines */
        if (t->nlines == t->lines_cap) {
            size_t ncap = t->lines_cap ? t->lines_cap * 2 : 64;
            rt_line *nv = gk_realloc(t->lines, ncap * sizeof(*nv));
            if (!nv)
                return gk__oom();
            t->lines = nv;
            t->lines_cap = ncap;
        }
        t->lines[t->nlines].s = s + pos;
        t->lines[t->nlines].len = n;
        t->lines[t->nlines].lineno = lineno + (uint32_t)t->nlines;
        t->nlines++;
        pos += next;
        t->block_bytes = pos;
    }
    if (t->nlines < 3)
        return 0;
    isb = gk_calloc(RT_MAX_WIDTH + 2, 1);
    if (!isb)
        return gk__oom();
    isb[col0] = 1;
    for (k = 0; k < t->nlines; k++) {
        const char *ls = t->lines[k].s;
        size_t ln = t->lines[k].len;
        int prev = CH_OTHER;
        size_t pcol = 0, c = 0;
        int32_t pcp = -2;

        i = 0;
        /* a junction is a boundary when a rule character touches it */
        while (i < ln) {
            int32_t cp = gk_utf8_next(ls, ln, &i);
            int cls = char_class(cp);
            if (c > RT_MAX_WIDTH)
                goto done; /* too wide: not a table */
            if (cls == CH_JOIN && prev == CH_HORIZ)
                isb[c] = 1;
            if (cls == CH_HORIZ && pcp != -2 && char_class(pcp) == CH_JOIN)
                isb[pcol] = 1;
            prev = cls;
            pcp = cp;
            pcol = c;
            c += cp_width(cp);
        }
    }
    for (col = 0; col <= RT_MAX_WIDTH; col++)
        t->nb += isb[col];
    if (t->nb < 2 || t->nb > GK_PARSE_MAX_ROW_CELLS + 1 || t->nlines > RT_MAX_POINTS / t->nb)
        goto done;
    t->ncols = t->nb - 1;
    t->bcol = gk_calloc(t->nb, sizeof(*t->bcol));
    if (!t->bcol) {
        error = gk__oom();
        goto done;
    }
    for (col = 0, k = 0; col <= RT_MAX_WIDTH; col++)
        if (isb[col])
            t->bcol[k++] = (uint32_t)col;
    found = 1;
done:
    gk_free(isb);
    return error ? error : found;
}

/* Step 2 for line L: what stands at each boundary, and which segments are
 * rules. */
static void scan_line(rt_table *t, size_t L)
{
    const char *s = t->lines[L].s;
    size_t n = t->lines[L].len, i = 0, col = 0, j = 0, k;
    uint32_t *off = t->off + L * t->nb;
    int32_t *cpat = t->cp + L * t->nb;
    uint8_t *rule = t->rule + L * t->ncols;

    for (k = 0; k < t->ncols; k++)
        rule[k] = 1;
    while (i < n) {
        size_t at = i;
        int32_t cp = gk_utf8_next(s, n, &i);
        size_t w = cp_width(cp);
        bool on_boundary = false;

        while (j < t->nb && t->bcol[j] <= col) {
            on_boundary = t->bcol[j] == col;
            off[j] = (uint32_t)at;
            cpat[j] = on_boundary ? cp : -1;
            j++;
        }
        /* content of segment j-1 (outside the table when j is 0 or nb) */
        if (!on_boundary && j >= 1 && j < t->nb && char_class(cp) != CH_HORIZ)
            rule[j - 1] = 0;
        col += w;
    }
    for (; j < t->nb; j++) {
        off[j] = (uint32_t)n;
        cpat[j] = -1;
    }
    /* a segment not drawn to its end (a short line) is not a rule */
    for (k = 0; k < t->ncols; k++)
        if (t->bcol[k + 1] > col || t->bcol[k + 1] == t->bcol[k] + 1)
            rule[k] = 0;
    t->is_rule[L] = false;
    for (k = 0; k < t->ncols; k++)
        t->is_rule[L] |= rule[k] != 0;
}

static uint32_t find(uint32_t *parent, uint32_t p)
{
    while (parent[p] != p) {
        parent[p] = parent[parent[p]];
        p = parent[p];
    }
    return p;
}

static void unite(uint32_t *parent, uint32_t a, uint32_t b)
{
    a = find(parent, a);
    b = find(parent, b);
    if (a != b)
        parent[a > b ? a : b] = a < b ? a : b;
}

static bool is_bar(int32_t cp)
{
    int cls = cp < 0 ? CH_OTHER : char_class(cp);

    return cls == CH_VERT || cls == CH_JOIN;
}

/* Step 3: bands and cells. Returns 0 or an error; t->nbands is 0 when the
 * block has no content line between rules. */
static int build_cells(rt_table *t)
{
    size_t L, r, k, j, last_rule = 0, npos;

    t->off = gk_calloc(t->nlines * t->nb, sizeof(*t->off));
    t->cp = gk_calloc(t->nlines * t->nb, sizeof(*t->cp));
    t->rule = gk_calloc(t->nlines * t->ncols, 1);
    t->is_rule = gk_calloc(t->nlines, sizeof(*t->is_rule));
    t->band_first = gk_calloc(t->nlines, sizeof(*t->band_first));
    t->band_last = gk_calloc(t->nlines, sizeof(*t->band_last));
    if (!t->off || !t->cp || !t->rule || !t->is_rule || !t->band_first || !t->band_last)
        return gk__oom();
    for (L = 0; L < t->nlines; L++) {
        scan_line(t, L);
        if (t->is_rule[L])
            last_rule = L;
    }
    t->nlines = last_rule + 1; /* content lines after the last rule are not the table's */
    for (L = 0; L < t->nlines; L++) {
        if (t->is_rule[L])
            continue;
        if (L == 0 || t->is_rule[L - 1])
            t->band_first[t->nbands++] = L;
        t->band_last[t->nbands - 1] = L;
    }
    if (t->nbands && t->band_first[0] == 0)
        t->nbands = 0; /* no rule above the first row: not a table */
    if (t->nbands == 0)
        return 0;
    npos = t->nbands * t->ncols;
    t->parent = gk_calloc(npos, sizeof(*t->parent));
    t->r0 = gk_calloc(npos, sizeof(*t->r0));
    t->r1 = gk_calloc(npos, sizeof(*t->r1));
    t->k0 = gk_calloc(npos, sizeof(*t->k0));
    t->k1 = gk_calloc(npos, sizeof(*t->k1));
    if (!t->parent || !t->r0 || !t->r1 || !t->k0 || !t->k1)
        return gk__oom();
    for (k = 0; k < npos; k++)
        t->parent[k] = (uint32_t)k;
    for (r = 0; r < t->nbands; r++) {
        size_t above = t->band_first[r] - 1, below = t->band_last[r] + 1;
        /* columns: merged unless the boundary is drawn all along the band */
        for (j = 1; j < t->ncols; j++) {
            bool drawn = is_bar(t->cp[above * t->nb + j]) &&
                         (below >= t->nlines || is_bar(t->cp[below * t->nb + j]));
            for (L = t->band_first[r]; L <= t->band_last[r] && drawn; L++)
                drawn = is_bar(t->cp[L * t->nb + j]);
            if (!drawn)
                unite(t->parent, (uint32_t)(r * t->ncols + j - 1), (uint32_t)(r * t->ncols + j));
        }
        /* rows: merged unless a rule line between the bands rules the column */
        if (r + 1 == t->nbands)
            continue;
        for (k = 0; k < t->ncols; k++) {
            bool ruled = false;
            for (L = t->band_last[r] + 1; L < t->band_first[r + 1]; L++)
                ruled |= t->rule[L * t->ncols + k] != 0;
            if (!ruled)
                unite(t->parent, (uint32_t)(r * t->ncols + k), (uint32_t)((r + 1) * t->ncols + k));
        }
    }
    for (k = 0; k < npos; k++) {
        t->r0[k] = t->k0[k] = UINT32_MAX;
        t->r1[k] = t->k1[k] = 0;
    }
    for (r = 0; r < t->nbands; r++)
        for (k = 0; k < t->ncols; k++) {
            uint32_t root = find(t->parent, (uint32_t)(r * t->ncols + k));
            if (r < t->r0[root])
                t->r0[root] = (uint32_t)r;
            if (k < t->k0[root])
                t->k0[root] = (uint32_t)k;
            if (r > t->r1[root])
                t->r1[root] = (uint32_t)r;
            if (k > t->k1[root])
                t->k1[root] = (uint32_t)k;
        }
    return 0;
}

static bool ascii_word(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Step 4: the text of the cell with box (r0..r1, k0..k1) into out. */
static int cell_text(gk_buf *out, const rt_table *t, size_t r0, size_t r1, size_t k0, size_t k1)
{
    size_t L, box = t->bcol[k1 + 1] - t->bcol[k0] - 1, prev_w = 0;
    int error = 0;

    /* the box minus one padding column each side, as drawn */
    box = box > 2 ? box - 2 : box;
    for (L = t->band_first[r0]; L <= t->band_last[r1] && !error; L++) {
        const char *s = t->lines[L].s;
        size_t b = t->off[L * t->nb + k0], e = t->off[L * t->nb + k1 + 1];
        int32_t first = t->cp[L * t->nb + k0];

        if (first >= 0) /* skip the bar itself */
            (void)gk_utf8_next(s, t->lines[L].len, &b);
        while (b < e && (s[b] == ' ' || s[b] == '\t'))
            b++;
        while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
            e--;
        if (e <= b)
            continue;
        if (out->len && prev_w < box && ascii_word(out->ptr[out->len - 1]) && ascii_word(s[b]))
            error = gk_buf_putc(out, ' ');
        if (!error)
            error = gk_buf_put(out, s + b, e - b);
        prev_w = text_width(s + b, e - b);
    }
    return error;
}

static int emit(gk_grid *g, const rt_table *t)
{
    gk_buf text = GK_BUF_INIT;
    uint32_t id = ++g->ntables;
    size_t r, k;
    int error = 0;

    for (r = 0; r < t->nbands && !error; r++) {
        bool row_started = false;
        for (k = 0; k < t->ncols && !error; k++) {
            uint32_t root = find(t->parent, (uint32_t)(r * t->ncols + k));
            gk_srcpos sp;
            if (t->r0[root] != r || t->k0[root] != k)
                continue; /* covered by a cell that starts elsewhere */
            if (!row_started) {
                if ((error = gk_grid_row(g, id, true)) < 0)
                    break;
                row_started = true;
            }
            gk_buf_clear(&text);
            error = cell_text(&text, t, r, t->r1[root], k, t->k1[root]);
            sp.line = t->lines[t->band_first[r]].lineno;
            sp.col = t->off[t->band_first[r] * t->nb + k] + 1;
            if (!error)
                error = gk_grid_cell(g, text.ptr ? text.ptr : "", text.len, sp,
                                     (unsigned)(t->k1[root] - k + 1),
                                     (unsigned)(t->r1[root] - r + 1), true);
        }
    }
    gk_buf_release(&text);
    return error;
}

int gk_parse__ruled_table(gk_grid *g, const char *s, size_t len, uint32_t lineno, size_t *used,
                          uint32_t *nlines)
{
    rt_table t;
    size_t L, pos = 0, next;
    int error;

    *used = 0;
    *nlines = 0;
    memset(&t, 0, sizeof(t));
    if ((error = collect(&t, s, len, lineno)) < 0)
        goto done;
    if (error == 0 || (error = build_cells(&t)) < 0 || t.nbands == 0) {
        /* not a table: the lines that looked like one are plain lines */
        *used = t.block_bytes;
        *nlines = (uint32_t)t.nlines;
        goto done;
    }
    if ((error = emit(g, &t)) < 0)
        goto done;
    for (L = 0; L < t.nlines; L++) {
        (void)line_end(s + pos, len - pos, &next);
        pos += next;
    }
    *used = pos;
    *nlines = (uint32_t)t.nlines;
    error = 1;
done:
    table_release(&t);
    return error;
}
