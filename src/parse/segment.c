/*
 * segment.c: re-segmenting digit runs whose cell boundaries were lost
 * ("801000081" = 80|1|0|0|0|0|81). A split is kept when every cell is a
 * number without a leading zero and every row sum holds; the caller decides
 * with column constraints, or marks the cells unreadable, when more than one
 * split survives. Never a guess: this only lists what the text allows.
 *
 * The search is a depth-first walk with a step budget, so a hostile run
 * cannot take exponential time: over budget counts as "ambiguous".
 */
#include "parse/parse_int.h"

#define SEG_STEP_BUDGET 2000000u
#define SEG_MAX_CELL_DIGITS 12u

typedef struct {
    const gk_str *pieces;
    size_t npieces, ncells;
    const gk_seg_sum *sums;
    size_t nsums;
    gk_seg_cand *out;
    size_t max, found;
    unsigned long steps;
    gk_seg_cand cur;
} seg_state;

static bool sums_ok_at(const seg_state *st, size_t cell)
{
    size_t k, j;

    for (k = 0; k < st->nsums; k++) {
        int64_t s = 0;
        if ((size_t)st->sums[k].first + st->sums[k].n != cell)
            continue;
        for (j = st->sums[k].first; j < cell; j++)
            s += st->cur.v[j];
        if (s != st->cur.v[cell])
            return false;
    }
    return true;
}

static size_t digits_left(const seg_state *st, size_t p, size_t o)
{
    size_t n = st->pieces[p].len - o, q;

    for (q = p + 1; q < st->npieces; q++)
        n += st->pieces[q].len;
    return n;
}

static void walk(seg_state *st, size_t p, size_t o, size_t cell)
{
    size_t L, maxL, left;

    if (st->found > st->max)
        return;
    if (++st->steps > SEG_STEP_BUDGET) {
        st->found = st->max + 1;
        return;
    }
    if (p == st->npieces) {
        if (cell == st->ncells) {
            if (st->found < st->max)
                st->out[st->found] = st->cur;
            st->found++;
        }
        return;
    }
    if (cell >= st->ncells)
        return;
    left = digits_left(st, p, o);
    if (left < st->ncells - cell || st->npieces - p > st->ncells - cell)
        return;
    maxL = st->pieces[p].len - o;
    if (maxL > SEG_MAX_CELL_DIGITS)
        maxL = SEG_MAX_CELL_DIGITS;
    for (L = 1; L <= maxL; L++) {
        const char *d = st->pieces[p].ptr + o;
        int64_t v = 0;
        size_t i;
        if (L > 1 && d[0] == '0')
            break; /* no leading zeros: "05" is not one cell */
        for (i = 0; i < L; i++)
            v = v * 10 + (d[i] - '0');
        st->cur.v[cell] = v;
        if (!sums_ok_at(st, cell))
            continue;
        if (o + L == st->pieces[p].len)
            walk(st, p + 1, 0, cell + 1);
        else
            walk(st, p, o + L, cell + 1);
    }
}

size_t gk_parse__segment(const gk_str *pieces, size_t npieces, size_t ncells,
                         const gk_seg_sum *sums, size_t nsums, gk_seg_cand *out, size_t max)
{
    seg_state st;
    size_t i, total = 0;

    if (ncells == 0 || ncells > GK_ARRAY_LEN(st.cur.v) || npieces == 0)
        return 0;
    for (i = 0; i < npieces; i++) {
        size_t k;
        if (pieces[i].len == 0)
            return 0;
        for (k = 0; k < pieces[i].len; k++)
            if (pieces[i].ptr[k] < '0' || pieces[i].ptr[k] > '9')
                return 0;
        total += pieces[i].len;
    }
    if (total > GK_PARSE_SEG_MAX_DIGITS)
        return max + 1;
    memset(&st, 0, sizeof(st));
    st.pieces = pieces;
    st.npieces = npieces;
    st.ncells = ncells;
    st.sums = sums;
    st.nsums = nsums;
    st.out = out;
    st.max = max;
    walk(&st, 0, 0, 0);
    return st.found;
}
