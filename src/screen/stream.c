/*
 * stream.c: screening input of any size in bounded memory.
 *
 * Bytes collect in a window (1 MiB by default). A full window is cut at a
 * "safe" point in its last quarter, between two CJK ideographs or after a
 * newline, where no number, code or e-mail can straddle; findings that start
 * before the cut are reported, and the bytes from a little before the cut
 * (left context for look-behind checks) to the end are carried into the next
 * window. A finding that starts before the cut ends before the window end as
 * long as it is shorter than `span` bytes (dictionary words are capped at
 * GK_SCREEN_MAX_WORD_LEN), so nothing is lost or reported twice.
 *
 * Memory: window + normalised view (at most 2x) + map + findings of one
 * window, whatever the input size.
 */
#include <stdlib.h>
#include "screen_int.h"

#define CTX_BYTES     256 /* left context carried across a cut */
#define CONTEXT_SHOWN 90  /* bytes of context shown around a finding */

typedef struct {
    uint64_t start, end;
    uint8_t category;
    uint8_t severity;
    const char *suggestion;
} found;

/* An e-mail address this close to a landline is the office's contact block
 * (电话：0591-…，邮箱：…), published on purpose: information, not a warning. */
#define OFFICE_CONTACT_BYTES 120

struct gk_screen_stream {
    const gk_screen *s;
    gk_screen_cb cb;
    void *ud;
    char *win;
    size_t wlen, wcap, overlap, span;
    uint64_t base;      /* original offset of win[0] */
    uint64_t emit_from; /* findings before this were reported */
    gk_screen_norm nv;
    gk_screen_raws raws;
    found *found, *sort_tmp; /* sort_tmp: capfound items, for sort_found */
    size_t nfound, capfound;
    gk_screen_hs_scratch *scratch;
    uint64_t cur_off, cur_line, cur_col; /* line/col of the character at cur_off */
    int stopped;
};

int gk_screen_stream_new(gk_screen_stream **out, const gk_screen *s, gk_screen_cb cb, void *ud)
{
    gk_screen_stream *st = gk_calloc(1, sizeof *st);
    int rc = 0;

    *out = NULL;
    if (!st)
        return gk__oom();
    st->s = s;
    st->cb = cb;
    st->ud = ud;
    st->wcap = s->window;
    st->overlap = s->window / 4 < 65536 ? s->window / 4 : 65536;
    st->span = st->overlap / 2 < 4096 ? st->overlap / 2 : 4096;
    st->win = gk_malloc(st->wcap);
    st->cur_line = 1;
    st->cur_col = 1;
    if (!st->win) {
        rc = gk__oom();
        goto done;
    }
    if (s->hs) {
        rc = gk_screen__hs_scratch_new(&st->scratch, s->hs);
        if (rc < 0)
            goto done;
    }
    *out = st;
    st = NULL;
done:
    gk_screen_stream_free(st);
    return rc;
}

void gk_screen_stream_free(gk_screen_stream *st)
{
    if (!st)
        return;
    gk_free(st->win);
    gk_screen__norm_release(&st->nv);
    gk_free(st->raws.items);
    gk_free(st->found);
    gk_free(st->sort_tmp);
    gk_screen__hs_scratch_free(st->scratch);
    gk_free(st);
}

static bool cont(unsigned char b)
{
    return (b & 0xC0) == 0x80;
}

static bool ideograph_at(const unsigned char *w, size_t p, size_t n)
{
    return p + 3 <= n && w[p] >= 0xE4 && w[p] <= 0xE9 && cont(w[p + 1]) && cont(w[p + 2]);
}

/* The cut point of a full window: the last position in
 * [wlen - overlap, wlen - span] after a newline or between two ideographs;
 * else wlen - span moved back to a character start. */
static size_t find_cut(const gk_screen_stream *st)
{
    const unsigned char *w = (const unsigned char *)st->win;
    size_t hi = st->wlen - st->span, lo = st->wlen - st->overlap, p;

    for (p = hi; p > lo; p--) {
        if (w[p - 1] == '\n')
            return p;
        if (p >= 3 && ideograph_at(w, p, st->wlen) && ideograph_at(w, p - 3, st->wlen))
            return p;
    }
    p = hi;
    while (p > lo && cont(w[p]))
        p--;
    return p;
}

/* Moves the line/col cursor forward to original offset `to` (in window):
 * counts newlines with memchr and characters as bytes minus UTF-8
 * continuation bytes (8 at a time), so long lines cost little. */
static uint64_t count_chars(const unsigned char *p, size_t n)
{
    size_t i = 0;
    uint64_t cont_bytes = 0;

    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        /* One 0x01 per continuation byte (10xxxxxx), summed by a multiply
         * (no popcount instruction in a baseline x86-64 build: the builtin
         * became a library call). Byte order does not change the sum. */
        w = ((w & ~(w << 1)) >> 7) & 0x0101010101010101ull;
        cont_bytes += (w * 0x0101010101010101ull) >> 56;
    }
    for (; i < n; i++)
        cont_bytes += cont(p[i]);
    return n - cont_bytes;
}

static void advance_cursor(gk_screen_stream *st, uint64_t to)
{
    const unsigned char *w = (const unsigned char *)st->win;
    size_t i = (size_t)(st->cur_off - st->base), end = (size_t)(to - st->base);

    for (;;) {
        const unsigned char *nl = memchr(w + i, '\n', end - i);
        if (!nl)
            break;
        st->cur_line++;
        st->cur_col = 1;
        i = (size_t)(nl - w) + 1;
    }
    st->cur_col += count_chars(w + i, end - i);
    st->cur_off = to;
}

static int cmp_found(const void *a, const void *b)
{
    const found *x = a, *y = b;

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return (int)x->category - (int)y->category;
}

static bool found_less(const found *x, const found *y)
{
    if (x->start != y->start)
        return x->start < y->start;
    if (x->end != y->end)
        return x->end < y->end;
    return x->category < y->category;
}

/* Sorts the findings of a window into cmp_found order (the same order
 * qsort gave, ties included: equal findings are identical in what is
 * reported). They arrive as a few sorted runs: the e-mail addresses, the
 * number tokens, then the literals in order of their end, which is nearly
 * in order of their start. So: blocks of SORT_RUN by insertion sort (cheap
 * on nearly sorted input), then pairwise merges that are skipped when the
 * two halves are already in order; tmp holds n. No call per
 * comparison, unlike qsort (which was a tenth of the screening cost). */
#define SORT_RUN 32

static void sort_found(found *a, size_t n, found *tmp)
{
    size_t lo, w;

    for (lo = 0; lo < n; lo += SORT_RUN) {
        size_t hi = lo + SORT_RUN < n ? lo + SORT_RUN : n, i;
        for (i = lo + 1; i < hi; i++) {
            found x = a[i];
            size_t j = i;
            while (j > lo && found_less(&x, &a[j - 1])) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = x;
        }
    }
    for (w = SORT_RUN; w < n; w *= 2) {
        for (lo = 0; lo + w < n; lo += 2 * w) {
            size_t mid = lo + w, hi = mid + w < n ? mid + w : n, i = 0, j = mid, k = lo;
            if (!found_less(&a[mid], &a[mid - 1]))
                continue; /* already in order */
            memcpy(tmp, a + lo, w * sizeof *a);
            while (i < w && j < hi)
                a[k++] = found_less(&a[j], &tmp[i]) ? a[j++] : tmp[i++];
            while (i < w)
                a[k++] = tmp[i++];
        }
    }
}

static int push_found(gk_screen_stream *st, uint64_t s, uint64_t e, unsigned cat, const char *sg)
{
    if (st->nfound == st->capfound) {
        size_t nc = st->capfound ? st->capfound * 2 : 64;
        found *p = gk_realloc(st->found, nc * sizeof *p), *q;
        if (!p)
            return gk__oom();
        st->found = p;
        q = gk_realloc(st->sort_tmp, nc * sizeof *q);
        if (!q)
            return gk__oom();
        st->sort_tmp = q;
        st->capfound = nc;
    }
    st->found[st->nfound].start = s;
    st->found[st->nfound].end = e;
    st->found[st->nfound].category = (uint8_t)cat;
    st->found[st->nfound].severity = (uint8_t)gk_screen__severity(cat);
    st->found[st->nfound].suggestion = sg;
    st->nfound++;
    return 0;
}

static int on_literal(unsigned id, size_t end, void *ud)
{
    gk_screen_stream *st = ud;
    const gk_screen_entry *e = &st->s->lits[id];
    uint32_t a = (uint32_t)(end - e->len), z = (uint32_t)end;

    if (e->category == GK_SCREEN_SECRET_MARKER && e->len == 3 && !memcmp(e->bytes, "★", 3) &&
        !gk_screen__secret_extend(st->nv.view, st->nv.len, &a, &z))
        return 0;
    return gk_screen__raws_push(&st->raws, a, z, e->category, e->suggestion);
}

/* Lowers e-mail findings next to a landline to info (OFFICE_CONTACT_BYTES).
 * found[] is sorted by start; landlines are few, so a scan per e-mail in a
 * bounded neighbourhood is enough. */
static void office_contacts(gk_screen_stream *st)
{
    size_t i, k;

    for (i = 0; i < st->nfound; i++) {
        found *e = &st->found[i];
        if (e->category != GK_SCREEN_EMAIL)
            continue;
        for (k = i; k-- > 0 && st->found[k].start + 4 * OFFICE_CONTACT_BYTES > e->start;)
            if (st->found[k].category == GK_SCREEN_LANDLINE &&
                st->found[k].end + OFFICE_CONTACT_BYTES >= e->start)
                e->severity = GK_SCREEN_INFO;
        for (k = i + 1; k < st->nfound && st->found[k].start <= e->end + OFFICE_CONTACT_BYTES; k++)
            if (st->found[k].category == GK_SCREEN_LANDLINE)
                e->severity = GK_SCREEN_INFO;
    }
}

/* Original end offset (in window) of a normalised end position. */
static size_t orig_end(const gk_screen_stream *st, uint32_t nend)
{
    const char *t = st->nv.view;
    uint32_t q = nend;
    size_t o, k;

    if (q == 0)
        return gk_screen__norm_to_orig(&st->nv, 0);
    q--;
    while (q > 0 && cont((unsigned char)t[q]))
        q--;
    o = gk_screen__norm_to_orig(&st->nv, q);
    k = o + 1;
    while (k < st->wlen && cont((unsigned char)st->win[k]) && k - o < 4)
        k++;
    return k;
}

static void context(const gk_screen_stream *st, size_t a, size_t z, gk_screen_finding *f)
{
    size_t b = a > CONTEXT_SHOWN ? a - CONTEXT_SHOWN : 0, e = z + CONTEXT_SHOWN, i;
    const char *w = st->win;

    if (e > st->wlen)
        e = st->wlen;
    for (i = a; i > b; i--)
        if (w[i - 1] == '\n')
            break;
    b = i;
    while (b < a && cont((unsigned char)w[b]))
        b++;
    for (i = z; i < e; i++)
        if (w[i] == '\n' || w[i] == '\r')
            break;
    e = i;
    while (e > z && e < st->wlen && cont((unsigned char)w[e]))
        e--;
    f->context_before.ptr = w + b;
    f->context_before.len = a - b;
    f->context_after.ptr = w + z;
    f->context_after.len = e - z;
}

static int process(gk_screen_stream *st, bool final)
{
    size_t cut = final ? st->wlen : find_cut(st), i, keep_from;
    uint64_t limit = st->base + cut;
    int rc;

    rc = gk_screen__normalize(&st->nv, st->s->nfkc, st->win, st->wlen);
    if (rc < 0)
        return rc;
    st->raws.count = 0;
    st->nfound = 0;
    rc = gk_screen__detect(&st->raws, st->nv.view, st->nv.len);
    if (rc < 0)
        return rc;
    if (st->s->hs)
        rc = gk_screen__hs_scan(st->s->hs, st->scratch, st->nv.view, st->nv.len, on_literal, st);
    else
        rc = gk_screen__ac_scan(st->s->ac, st->nv.view, st->nv.len, on_literal, st);
    if (rc < 0)
        return rc;
    for (i = 0; i < st->raws.count; i++) {
        const gk_screen_raw *r = &st->raws.items[i];
        uint64_t a = st->base + gk_screen__norm_to_orig(&st->nv, r->nstart);
        uint64_t z = st->base + orig_end(st, r->nend);
        if (a < st->emit_from || (!final && a >= limit))
            continue;
        rc = push_found(st, a, z, r->category, r->suggestion);
        if (rc < 0)
            return rc;
    }
    if (st->nfound > 1)
        sort_found(st->found, st->nfound, st->sort_tmp);
    office_contacts(st);
    for (i = 0; i < st->nfound && !st->stopped; i++) {
        const found *x = &st->found[i];
        gk_screen_finding f;
        size_t a = (size_t)(x->start - st->base), z = (size_t)(x->end - st->base);

        if (i > 0 && !cmp_found(x, &st->found[i - 1]))
            continue; /* the same word listed twice */
        advance_cursor(st, x->start);
        memset(&f, 0, sizeof f);
        f.category = (gk_screen_category)x->category;
        f.severity = (gk_screen_severity)x->severity;
        f.start = x->start;
        f.end = x->end;
        f.line = st->cur_line;
        f.col = st->cur_col;
        f.text.ptr = st->win + a;
        f.text.len = z - a;
        f.suggestion = x->suggestion;
        context(st, a, z, &f);
        st->stopped = st->cb(&f, st->ud);
    }
    if (st->stopped)
        return st->stopped;
    if (final)
        return 0;
    /* Slide: keep CTX_BYTES before the cut (character-aligned). */
    keep_from = cut > CTX_BYTES ? cut - CTX_BYTES : 0;
    while (keep_from < cut && cont((unsigned char)st->win[keep_from]))
        keep_from++;
    if (st->cur_off < st->base + keep_from)
        advance_cursor(st, st->base + keep_from);
    memmove(st->win, st->win + keep_from, st->wlen - keep_from);
    st->wlen -= keep_from;
    st->base += keep_from;
    st->emit_from = limit;
    return 0;
}

int gk_screen_stream_feed(gk_screen_stream *st, const void *data, size_t len)
{
    const char *p = data;

    if (st->stopped)
        return st->stopped;
    while (len > 0) {
        size_t n = st->wcap - st->wlen;
        int rc;
        if (n > len)
            n = len;
        memcpy(st->win + st->wlen, p, n);
        st->wlen += n;
        p += n;
        len -= n;
        if (st->wlen == st->wcap) {
            rc = process(st, false);
            if (rc)
                return rc;
        }
    }
    return 0;
}

int gk_screen_stream_finish(gk_screen_stream *st)
{
    if (st->stopped)
        return st->stopped;
    return process(st, true);
}

int gk_screen_buffer(const gk_screen *s, const void *data, size_t len, gk_screen_cb cb, void *ud)
{
    gk_screen_stream *st = NULL;
    int rc = gk_screen_stream_new(&st, s, cb, ud);

    if (rc < 0)
        return rc;
    rc = gk_screen_stream_feed(st, data, len);
    if (rc == 0)
        rc = gk_screen_stream_finish(st);
    gk_screen_stream_free(st);
    return rc;
}
