/*
 * normalize.c: the normalised view that detectors scan (stack.md T9: scan a
 * normalised copy with an offset map, never show it).
 *
 * - NFKC per code point (utf8proc), so full-width digits and letters become
 *   ASCII (１３８ → 138, Ｘ → X) and ideographic spaces become spaces;
 * - zero-width characters (U+200B–U+200D, U+2060, U+FEFF, U+00AD) dropped;
 * - runs of spaces/tabs collapsed to one space, and dropped entirely between
 *   two CJK ideographs (身　份　证 → 身份证);
 * - an invalid UTF-8 byte becomes 0x1A, one byte for one byte.
 *
 * The offset map is sparse: a point is recorded only where the difference
 * between original and normalised offsets changes, so plain text costs none.
 */
#include <utf8proc.h>
#include "screen_int.h"
#include "util/utf8.h"

#define NFKC_DROP 0xFFu

/* Classes of a first byte for the copy fast path (gk_screen_nfkc.lead). */
enum {
    FAST_NO = 0,    /* anything else: the per-character path decides */
    FAST_ASCII = 1, /* printable ASCII or newline: copied as is */
    FAST_CJK = 2,   /* E4–E9: U+4000–U+9FFF, all kept by the table (see build) */
    FAST_E = 3      /* other 3-byte lead: kept when ident3 says so */
};

static bool is_zero_width(int32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD;
}

static size_t utf8_len_of(int32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/* Builds the BMP table once per screener (about 5 ms). A replacement longer
 * than twice the original bytes is not applied (keeps the view at most 2x
 * the input, so memory stays bounded); nothing we detect needs those. */
int gk_screen__nfkc_build(gk_screen_nfkc *t)
{
    int32_t cp;

    memset(t->entry, 0, sizeof t->entry);
    t->npool = 0;
    for (cp = 0x80; cp < 0x10000; cp++) {
        utf8proc_int32_t dst[8];
        utf8proc_ssize_t n, k;
        size_t bytes = 0;
        char tmp[32];
        int last = 0;

        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        if (is_zero_width(cp)) {
            t->entry[cp] = NFKC_DROP;
            continue;
        }
        if (cp >= 0x4E00 && cp <= 0x9FFF)
            continue; /* CJK unified ideographs are NFKC-stable */
        if (cp == 0xFF01 || cp == 0xFF0C || cp == 0xFF1A || cp == 0xFF1B || cp == 0xFF1F)
            continue; /* ！，：；？ stay: a breaker either way, and keeping them
                         keeps Chinese text on the copy fast path */
        n = utf8proc_decompose_char(cp, dst, 8, UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE, &last);
        if (n <= 0 || n > 8 || (n == 1 && dst[0] == cp))
            continue;
        for (k = 0; k < n; k++) {
            utf8proc_ssize_t w = utf8proc_encode_char(dst[k], (utf8proc_uint8_t *)tmp + bytes);
            bytes += (size_t)w;
        }
        if (bytes == 0 || bytes > 2 * utf8_len_of(cp) || t->npool + bytes > sizeof t->pool)
            continue;
        memcpy(t->pool + t->npool, tmp, bytes);
        t->entry[cp] = (uint32_t)(t->npool << 8) | (uint32_t)bytes;
        t->npool += bytes;
    }
    memset(t->ident3, 0, sizeof t->ident3);
    for (cp = 0x800; cp < 0x10000; cp++)
        if (!(cp >= 0xD800 && cp <= 0xDFFF) && t->entry[cp] == 0)
            t->ident3[cp >> 3] |= (uint8_t)(1u << (cp & 7));
    memset(t->lead, FAST_NO, sizeof t->lead);
    for (cp = 0x21; cp < 0x7F; cp++)
        t->lead[cp] = FAST_ASCII;
    t->lead['\n'] = FAST_ASCII;
    for (cp = 0xE0; cp <= 0xEF; cp++)
        t->lead[cp] = FAST_E;
    /* E4–E9 skip the ident3 look-up only if every character they start is
     * in it (U+4000–U+4DBF: Extension A and the hexagram symbols). */
    for (cp = 0x4000; cp < 0xA000; cp++)
        if (!(t->ident3[cp >> 3] & (1u << (cp & 7))))
            break;
    if (cp == 0xA000)
        for (cp = 0xE4; cp <= 0xE9; cp++)
            t->lead[cp] = FAST_CJK;
    return 0;
}

void gk_screen__norm_release(gk_screen_norm *nv)
{
    gk_free(nv->text);
    gk_free(nv->map);
    memset(nv, 0, sizeof *nv);
}

static int map_push(gk_screen_norm *nv, uint32_t norm, uint32_t orig)
{
    if (nv->nmap == nv->capmap) {
        size_t nc = nv->capmap ? nv->capmap * 2 : 256;
        gk_screen_mpoint *m = gk_realloc(nv->map, nc * sizeof *m);
        if (!m)
            return gk__oom();
        nv->map = m;
        nv->capmap = nc;
    }
    nv->map[nv->nmap].norm = norm;
    nv->map[nv->nmap].orig = orig;
    nv->nmap++;
    return 0;
}

static bool cjk(int32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

/* Decodes the code point that ends just before out[j] (for the space rule). */
static int32_t prev_cp(const char *out, size_t j)
{
    size_t k = j, i;

    while (k > 0 && j - k < 4 && ((unsigned char)out[k - 1] & 0xC0) == 0x80)
        k--;
    if (k == 0)
        return -1;
    k--;
    i = k;
    return gk_utf8_next(out, j, &i);
}

/* Length of the character at s[r] (r + 3 <= n) if the fast path copies it
 * unchanged (printable ASCII, newline, a well-formed 3-byte character that
 * the table keeps), else 0. */
static size_t fast_char(const gk_screen_nfkc *t, const unsigned char *s, size_t r)
{
    unsigned k = t->lead[s[r]];
    uint16_t c2;

    if (k == FAST_ASCII)
        return 1;
    if (k == FAST_NO)
        return 0;
    memcpy(&c2, s + r + 1, 2);
    if ((c2 & 0xC0C0u) != 0x8080u)
        return 0; /* same mask in both bytes: independent of byte order */
    if (k == FAST_E) {
        unsigned c3 = ((s[r] & 0x0Fu) << 12) | ((s[r + 1] & 0x3Fu) << 6) | (s[r + 2] & 0x3Fu);
        if (!(t->ident3[c3 >> 3] & (1u << (c3 & 7))))
            return 0;
    }
    return 3;
}

static uint64_t bytes8(const unsigned char b[8])
{
    uint64_t w;
    memcpy(&w, b, 8);
    return w;
}

/* True when p[0..12) is four well-formed characters with leads E4–E9
 * (U+4000–U+9FFF), checked with two 8-byte loads (p[0..16) readable): the
 * masks are built from byte arrays, so they hold for either byte order.
 * Lead nibble n in 4..9: bit 4 of n + 12 is set (n >= 4) and bit 4 of
 * n + 6 is clear (n < 10); no carry crosses a byte (n + 12 <= 27). */
static bool cjk4(const unsigned char *p)
{
    static const unsigned char m0[8] = {0xF0, 0xC0, 0xC0, 0xF0, 0xC0, 0xC0, 0xF0, 0xC0};
    static const unsigned char v0[8] = {0xE0, 0x80, 0x80, 0xE0, 0x80, 0x80, 0xE0, 0x80};
    static const unsigned char l0[8] = {0x10, 0, 0, 0x10, 0, 0, 0x10, 0};
    static const unsigned char m1[8] = {0xC0, 0xF0, 0xC0, 0xC0, 0, 0, 0, 0};
    static const unsigned char v1[8] = {0x80, 0xE0, 0x80, 0x80, 0, 0, 0, 0};
    static const unsigned char l1[8] = {0, 0x10, 0, 0, 0, 0, 0, 0};
    const uint64_t lo = 0x0F0F0F0F0F0F0F0Full, c12 = 0x0C0C0C0C0C0C0C0Cull,
                   c6 = 0x0606060606060606ull;
    uint64_t w0, w1, n0, n1;

    memcpy(&w0, p, 8);
    memcpy(&w1, p + 8, 8);
    if ((w0 & bytes8(m0)) != bytes8(v0) || (w1 & bytes8(m1)) != bytes8(v1))
        return false;
    n0 = w0 & lo;
    n1 = w1 & lo;
    return ((n0 + c12) & ~(n0 + c6) & bytes8(l0)) == bytes8(l0) &&
           ((n1 + c12) & ~(n1 + c6) & bytes8(l1)) == bytes8(l1);
}

/* End of the run from s[i] that normalisation copies unchanged (the hot
 * loop of the screener: most Chinese text is one long run). Blocks of four
 * ideographs at a time while they last, else one character at a time. */
static size_t fast_run(const gk_screen_nfkc *t, const unsigned char *s, size_t i, size_t n)
{
    size_t r = i, k;

    if (t->lead[0xE4] == FAST_CJK)
        while (r + 16 <= n) {
            unsigned lead;
            if (cjk4(s + r)) {
                r += 12;
                continue;
            }
            /* Character by character up to and past the first one that is
             * not an ideograph (cjk4 fails on it until then). */
            do {
                lead = t->lead[s[r]];
                k = fast_char(t, s, r);
                if (!k)
                    return r;
                r += k;
            } while (lead == FAST_CJK && r + 16 <= n);
        }
    while (r + 3 <= n) {
        k = fast_char(t, s, r);
        if (!k)
            return r;
        r += k;
    }
    while (r < n && t->lead[s[r]] == FAST_ASCII)
        r++;
    return r;
}

int gk_screen__normalize(gk_screen_norm *nv, const gk_screen_nfkc *t, const char *in, size_t n)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t i = 0, j = 0, need = 2 * n + 16;
    int64_t delta = 0;
    bool pending = false, same = true;
    size_t pending_at = 0;
    int rc = 0;

    if (n >= UINT32_MAX / 2)
        return gk_error_set(GK_ERRCLASS_SCREEN, "窗口过大"), GK_ETOOBIG;
    if (nv->cap < need) {
        char *p = gk_realloc(nv->text, need);
        if (!p)
            return gk__oom();
        nv->text = p;
        nv->cap = need;
    }
    nv->nmap = 0;
    rc = map_push(nv, 0, 0);
    if (rc < 0)
        return rc;

/* Records the map point for a character emitted at out j from in i. */
#define MARK(orig)                                                                                 \
    do {                                                                                           \
        int64_t d_ = (int64_t)(orig) - (int64_t)j;                                                 \
        if (d_ != delta) {                                                                         \
            rc = map_push(nv, (uint32_t)j, (uint32_t)(orig));                                      \
            if (rc < 0)                                                                            \
                return rc;                                                                         \
            delta = d_;                                                                            \
        }                                                                                          \
    } while (0)

    while (i < n) {
        unsigned b;
        const char *src;
        size_t slen, ilen, r = i;
        int32_t cp;

        /* Fast path: a run of printable ASCII, newlines and 3-byte
         * characters that normalisation keeps (ident3) is copied as is. */
        if (!pending) {
            r = fast_run(t, s, i, n);
            if (r > i) {
                MARK(i);
                if (!same)
                    memcpy(nv->text + j, in + i, r - i);
                j += r - i;
                i = r;
                continue;
            }
        }
        /* Anything else may change, drop or insert bytes: from here on
         * the view is the copy (same: nothing written yet, and j == i). */
        if (same) {
            memcpy(nv->text, in, j);
            same = false;
        }
        b = s[i];

        if (b < 0x80) {
            if (b == GK_SCREEN_FILL) {
                i++;
                continue;
            }
            if (b == ' ' || b == '\t') {
                if (!pending)
                    pending_at = i;
                pending = true;
                i++;
                continue;
            }
            if (b == '\n' || b == '\r') {
                pending = false;
            } else if (pending) {
                MARK(pending_at);
                nv->text[j++] = ' ';
                pending = false;
            }
            MARK(i);
            nv->text[j++] = (char)b;
            i++;
            continue;
        }
        {
            size_t k = i;
            cp = gk_utf8_next(in, n, &k);
            ilen = k - i;
        }
        if (cp < 0) {
            if (pending) {
                MARK(pending_at);
                nv->text[j++] = ' ';
                pending = false;
            }
            MARK(i);
            nv->text[j++] = 0x1A;
            i += ilen;
            continue;
        }
        src = in + i;
        slen = ilen;
        if (cp < 0x10000 && t->entry[cp]) {
            uint32_t e = t->entry[cp];
            if ((e & 0xFF) == NFKC_DROP) {
                i += ilen;
                continue;
            }
            src = t->pool + (e >> 8);
            slen = e & 0xFF;
            if (slen == 1 && (src[0] == ' ' || src[0] == '\t')) {
                if (!pending)
                    pending_at = i;
                pending = true;
                i += ilen;
                continue;
            }
        }
        if (pending) {
            /* A space between two CJK ideographs is dropped (身 份 证). */
            if (!(cjk(cp) && cjk(prev_cp(nv->text, j)))) {
                MARK(pending_at);
                nv->text[j++] = ' ';
            }
            pending = false;
        }
        if (slen == ilen) {
            MARK(i);
            memcpy(nv->text + j, src, slen);
            j += slen;
        } else {
            /* Replacement: every output character maps to the original one. */
            size_t k = 0;
            while (k < slen) {
                size_t c = k;
                MARK(i);
                (void)gk_utf8_next(src, slen, &c);
                memcpy(nv->text + j, src + k, c - k);
                j += c - k;
                k = c;
                delta = (int64_t)i - (int64_t)j - 1; /* force a point for the next char */
            }
            i += ilen;
            continue;
        }
        i += ilen;
    }
#undef MARK
    nv->len = j;
    nv->text[j] = '\0';
    nv->view = same && n > 0 ? in : nv->text;
    return 0;
}

uint32_t gk_screen__norm_to_orig(const gk_screen_norm *nv, uint32_t p)
{
    size_t lo = 0, hi = nv->nmap;

    /* Last point with norm <= p (map[0].norm == 0). */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (nv->map[mid].norm <= p)
            lo = mid;
        else
            hi = mid;
    }
    return nv->map[lo].orig + (p - nv->map[lo].norm);
}
