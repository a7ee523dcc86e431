/*
 * detect.c: the pattern detectors over a normalised window. Vectorscan has
 * no look-around (stack.md T7), and every pattern here needs a checksum or a
 * boundary check anyway, so the detectors tokenise in C: ASCII alphanumeric
 * runs, digit groups joined by one separator (138 0013 8000, 0591-87654321),
 * and '@' for e-mail. A number is only ever a whole token: no phone number is
 * found inside an ID number or a longer digit run.
 */
#if defined(__SSE2__)
#include <emmintrin.h> /* before util.h, whose malloc ban mm_malloc.h trips */
#endif
#include "screen_int.h"

enum { C_OTHER = 0, C_DIGIT = 1, C_UPPER = 2, C_LOWER = 4 };
#define C_ALNUM (C_DIGIT | C_UPPER | C_LOWER)

static const unsigned char cls[256] = {
    ['0'] = C_DIGIT, ['1'] = C_DIGIT, ['2'] = C_DIGIT, ['3'] = C_DIGIT, ['4'] = C_DIGIT,
    ['5'] = C_DIGIT, ['6'] = C_DIGIT, ['7'] = C_DIGIT, ['8'] = C_DIGIT, ['9'] = C_DIGIT,
    ['A'] = C_UPPER, ['B'] = C_UPPER, ['C'] = C_UPPER, ['D'] = C_UPPER, ['E'] = C_UPPER,
    ['F'] = C_UPPER, ['G'] = C_UPPER, ['H'] = C_UPPER, ['I'] = C_UPPER, ['J'] = C_UPPER,
    ['K'] = C_UPPER, ['L'] = C_UPPER, ['M'] = C_UPPER, ['N'] = C_UPPER, ['O'] = C_UPPER,
    ['P'] = C_UPPER, ['Q'] = C_UPPER, ['R'] = C_UPPER, ['S'] = C_UPPER, ['T'] = C_UPPER,
    ['U'] = C_UPPER, ['V'] = C_UPPER, ['W'] = C_UPPER, ['X'] = C_UPPER, ['Y'] = C_UPPER,
    ['Z'] = C_UPPER, ['a'] = C_LOWER, ['b'] = C_LOWER, ['c'] = C_LOWER, ['d'] = C_LOWER,
    ['e'] = C_LOWER, ['f'] = C_LOWER, ['g'] = C_LOWER, ['h'] = C_LOWER, ['i'] = C_LOWER,
    ['j'] = C_LOWER, ['k'] = C_LOWER, ['l'] = C_LOWER, ['m'] = C_LOWER, ['n'] = C_LOWER,
    ['o'] = C_LOWER, ['p'] = C_LOWER, ['q'] = C_LOWER, ['r'] = C_LOWER, ['s'] = C_LOWER,
    ['t'] = C_LOWER, ['u'] = C_LOWER, ['v'] = C_LOWER, ['w'] = C_LOWER, ['x'] = C_LOWER,
    ['y'] = C_LOWER, ['z'] = C_LOWER};

#define CL(c) cls[(unsigned char)(c)]

int gk_screen__raws_push(gk_screen_raws *r, uint32_t s, uint32_t e, unsigned cat,
                         const char *suggestion)
{
    if (r->count == r->cap) {
        size_t nc = r->cap ? r->cap * 2 : 64;
        gk_screen_raw *p = gk_realloc(r->items, nc * sizeof *p);
        if (!p)
            return gk__oom();
        r->items = p;
        r->cap = nc;
    }
    r->items[r->count].nstart = s;
    r->items[r->count].nend = e;
    r->items[r->count].category = (uint8_t)cat;
    r->items[r->count].suggestion = suggestion;
    r->count++;
    return 0;
}

/* ---- numbers ------------------------------------------------------------ */

/* 18 characters, 17 digits + digit/X: GB 11643 (valid date and province:
 * id_card or id_card_bad_checksum), else GB 32100, else a bank card. */
static int classify18(const char *d, bool all_digits)
{
    if (gk_screen__province_ok(d) && gk_screen__date_ok(d + 6, 0))
        return gk_screen__id18_checksum_ok(d) ? GK_SCREEN_ID_CARD : GK_SCREEN_ID_CARD_BAD_CHECKSUM;
    if (gk_screen__credit_code_ok(d))
        return GK_SCREEN_CREDIT_CODE;
    if (all_digits && gk_screen__luhn_ok(d, 18) && strchr("3456", d[0]))
        return GK_SCREEN_BANK_CARD;
    return -1;
}

/* Area code of a landline (GB/T 13409 numbering): 010, 02X, or 0 + three
 * digits not starting with 0/1/2. Returns its length or 0. */
static size_t area_code_len(const char *d, size_t n)
{
    if (n >= 3 && d[0] == '0' && d[1] == '1' && d[2] == '0')
        return 3;
    if (n >= 3 && d[0] == '0' && d[1] == '2')
        return 3;
    if (n >= 4 && d[0] == '0' && d[1] >= '3' && d[1] <= '9')
        return 4;
    return 0;
}

static bool local_number_ok(const char *d, size_t n)
{
    return (n == 7 || n == 8) && d[0] >= '2' && d[0] <= '9';
}

/* Classifies m digit groups (lens[]) whose digits are d[0..n). Returns a
 * category or -1. The grouping must be one people write: 138 0013 8000,
 * 0591-87654321, 6222 0212 3456 7890 123, 350102 19900307 1234. */
static int classify_groups(const char *d, size_t n, const size_t *lens, size_t m)
{
    size_t a;

    if (m == 1) {
        if (n == 18)
            return classify18(d, true);
        if (n == 15 && gk_screen__province_ok(d) && gk_screen__date_ok(d + 6, 19))
            return GK_SCREEN_ID_CARD; /* GB 11643-1989 15-digit form: no check digit */
        if (n == 11 && d[0] == '1' && gk_screen__mobile_prefix_ok(d))
            return GK_SCREEN_MOBILE;
        if (n >= 16 && n <= 19 && strchr("3456", d[0]) && gk_screen__luhn_ok(d, n))
            return GK_SCREEN_BANK_CARD;
        a = area_code_len(d, n);
        if (a && local_number_ok(d + a, n - a))
            return GK_SCREEN_LANDLINE;
        return -1;
    }
    if (m == 2) {
        a = area_code_len(d, lens[0]);
        if (a && a == lens[0] && local_number_ok(d + a, lens[1]))
            return GK_SCREEN_LANDLINE;
        return -1;
    }
    if (m == 3 && lens[0] == 3 && lens[1] == 4 && lens[2] == 4 && d[0] == '1' &&
        gk_screen__mobile_prefix_ok(d))
        return GK_SCREEN_MOBILE;
    if (m == 3 && lens[0] == 6 && lens[1] == 8 && lens[2] == 4) {
        int c = classify18(d, true);
        return c == GK_SCREEN_ID_CARD || c == GK_SCREEN_ID_CARD_BAD_CHECKSUM ? c : -1;
    }
    if (m >= 4 && n >= 16 && n <= 19 && strchr("3456", d[0])) {
        size_t k;
        for (k = 0; k + 1 < m; k++)
            if (lens[k] != 4)
                return -1;
        if (lens[m - 1] >= 1 && lens[m - 1] <= 4 && gk_screen__luhn_ok(d, n))
            return GK_SCREEN_BANK_CARD;
    }
    return -1;
}

#define MAX_GROUPS 6

typedef struct {
    uint32_t start[MAX_GROUPS], end[MAX_GROUPS];
    size_t n;
} groups;

/* Length of a group separator at t[i] followed by a digit, or 0. */
static size_t sep_len(const char *t, size_t n, size_t i)
{
    static const char *const seps[] = {") ", ")-", " ", "-", ")"};
    size_t k;

    for (k = 0; k < GK_ARRAY_LEN(seps); k++) {
        size_t l = strlen(seps[k]);
        if (i + l < n && !memcmp(t + i, seps[k], l) && CL(t[i + l]) == C_DIGIT)
            return l;
    }
    return 0;
}

/* A digit token may not touch a letter, nor be part of a decimal number. */
static bool right_boundary_ok(const char *t, size_t n, size_t e)
{
    if (e >= n)
        return true;
    if (CL(t[e]) & (C_UPPER | C_LOWER))
        return false;
    if ((t[e] == '.' || t[e] == ',') && e + 1 < n && CL(t[e + 1]) == C_DIGIT)
        return false;
    return true;
}

static bool left_boundary_ok(const char *t, size_t s)
{
    if (s == 0)
        return true;
    if (CL(t[s - 1]))
        return false;
    if ((t[s - 1] == '.' || t[s - 1] == ',') && s >= 2 && CL(t[s - 2]) == C_DIGIT)
        return false;
    return true;
}

/* True when t[p..p+3) is a CJK unified ideograph (U+4E00–U+9FFF). */
static bool ideograph(const char *t, size_t n, size_t p)
{
    const unsigned char *u = (const unsigned char *)t;
    return p + 3 <= n && u[p] >= 0xE4 && u[p] <= 0xE9 && (u[p + 1] & 0xC0) == 0x80 &&
           (u[p + 2] & 0xC0) == 0x80;
}

/* Words that announce a phone number; checked in the 36 bytes before it. */
static const char *const phone_cues[] = {"电话", "手机", "联系", "号码", "致电", "拨打",
                                         "热线", "方式", "Tel", "TEL", "tel", "Mobile"};

/* Crawled report tables run the cells of a row together between two labels
 * (申请数量15130000154二、…: 1|5|13|0|0|0|0|1|5|4). A number with no checksum
 * (mobile, 15-digit ID) glued to ideographs on BOTH sides and with no phone
 * cue before it is taken for such a row, not for personal data. */
static bool glued_table_cells(const char *t, size_t n, size_t s, size_t e)
{
    size_t from = s > 36 ? s - 36 : 0, k, l;

    if (s < 3 || !ideograph(t, n, s - 3) || !ideograph(t, n, e))
        return false;
    for (k = 0; k < GK_ARRAY_LEN(phone_cues); k++) {
        l = strlen(phone_cues[k]);
        if (s - from >= l && memmem(t + from, s - from, phone_cues[k], l))
            return false;
    }
    return true;
}

typedef struct {
    gk_screen_raws *out;
    const gk_screen_raw *emails;
    size_t nemails, ecur;
} detect_ctx;

/* Records a personal-data finding unless an e-mail address contains it. */
static int emit(detect_ctx *c, uint32_t s, uint32_t e, int cat)
{
    while (c->ecur < c->nemails && c->emails[c->ecur].nend <= s)
        c->ecur++;
    if (c->ecur < c->nemails && c->emails[c->ecur].nstart <= s && e <= c->emails[c->ecur].nend)
        return 0;
    return gk_screen__raws_push(c->out, s, e, (unsigned)cat, NULL);
}

/* Scans the digit groups starting at t[s]; returns the end of the last
 * group through *end_out. */
static int scan_digits(detect_ctx *c, const char *t, size_t n, size_t s, size_t *end_out)
{
    groups g;
    size_t i = s, k, m;
    bool right_ok;
    int rc = 0;

    g.n = 0;
    for (;;) {
        size_t b = i, sl;
        while (i < n && CL(t[i]) == C_DIGIT)
            i++;
        g.start[g.n] = (uint32_t)b;
        g.end[g.n] = (uint32_t)i;
        g.n++;
        sl = sep_len(t, n, i);
        if (!sl || g.n == MAX_GROUPS)
            break;
        i += sl;
    }
    *end_out = i;
    right_ok = right_boundary_ok(t, n, g.end[g.n - 1]);
    /* A group glued to a decimal point on the left is not a number start. */
    for (k = left_boundary_ok(t, s) ? 0 : 1; k < g.n;) {
        bool found = false;
        for (m = g.n - k; m >= 1; m--) {
            char d[32];
            size_t lens[MAX_GROUPS], nd = 0, q;
            int cat;

            if (k + m == g.n && !right_ok)
                continue;
            for (q = 0; q < m; q++) {
                lens[q] = g.end[k + q] - g.start[k + q];
                if (nd + lens[q] >= sizeof d)
                    break;
                memcpy(d + nd, t + g.start[k + q], lens[q]);
                nd += lens[q];
            }
            if (q < m)
                continue;
            d[nd] = '\0';
            cat = classify_groups(d, nd, lens, m);
            if ((cat == GK_SCREEN_MOBILE || (cat == GK_SCREEN_ID_CARD && nd == 15)) &&
                glued_table_cells(t, n, g.start[k], g.end[k + m - 1]))
                cat = -1;
            if (cat >= 0) {
                rc = emit(c, g.start[k], g.end[k + m - 1], cat);
                if (rc < 0)
                    return rc;
                k += m;
                found = true;
                break;
            }
        }
        if (!found)
            k++;
    }
    return 0;
}

/* ---- runs with letters: ID with X, credit code, passport, plate --------- */

static bool all_in(const char *t, size_t n, unsigned mask)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!(CL(t[i]) & mask))
            return false;
    return true;
}

/* Chinese passports: E + 8 digits, E + letter (not I/O) + 7 digits (2012+),
 * G + 8 digits (older), D/S/P (diplomatic, service, official) + 7 digits,
 * DE/SE/PE + 7 digits. */
static bool passport_ok(const char *t, size_t n)
{
    if (n == 9 && (t[0] == 'E' || t[0] == 'G') && all_in(t + 1, 8, C_DIGIT))
        return true;
    if (n == 9 && t[0] == 'E' && CL(t[1]) == C_UPPER && t[1] != 'I' && t[1] != 'O' &&
        all_in(t + 2, 7, C_DIGIT))
        return true;
    if (n == 8 && strchr("DSP", t[0]) && all_in(t + 1, 7, C_DIGIT))
        return true;
    if (n == 9 && strchr("DSP", t[0]) && t[1] == 'E' && all_in(t + 2, 7, C_DIGIT))
        return true;
    return false;
}

/* Province abbreviations that start a plate (GA 36-2018 §5). */
static const char *const provinces[] = {"京", "津", "沪", "渝", "冀", "豫", "云", "辽",
                                        "黑", "湘", "皖", "鲁", "新", "苏", "浙", "赣",
                                        "鄂", "桂", "甘", "晋", "蒙", "陕", "吉", "闽",
                                        "贵", "粤", "青", "藏", "川", "宁", "琼"};

static bool province_before(const char *t, size_t s)
{
    size_t k;

    if (s < 3)
        return false;
    for (k = 0; k < GK_ARRAY_LEN(provinces); k++)
        if (!memcmp(t + s - 3, provinces[k], 3))
            return true;
    return false;
}

/* Plate serial: 5 characters (6 for new-energy plates) of A–Z without I/O
 * and digits, with at least two digits so words such as "ABCDE" do not
 * match. */
static bool plate_serial_ok(const char *t, size_t n)
{
    size_t i, digits = 0;

    if (n != 5 && n != 6)
        return false;
    for (i = 0; i < n; i++) {
        unsigned c = CL(t[i]);
        if (c == C_DIGIT)
            digits++;
        else if (c != C_UPPER || t[i] == 'I' || t[i] == 'O')
            return false;
    }
    return digits >= 2;
}

static int scan_alnum(detect_ctx *c, const char *t, size_t n, size_t s, size_t e)
{
    size_t len = e - s;

    if (len == 18 && all_in(t + s, 17, C_DIGIT) && (t[e - 1] == 'X' || t[e - 1] == 'x')) {
        int cat = classify18(t + s, false);
        if (cat == GK_SCREEN_ID_CARD || cat == GK_SCREEN_ID_CARD_BAD_CHECKSUM)
            return emit(c, (uint32_t)s, (uint32_t)e, cat);
        if (cat == GK_SCREEN_CREDIT_CODE)
            return emit(c, (uint32_t)s, (uint32_t)e, cat);
        return 0;
    }
    if (len == 18 && all_in(t + s, 18, C_DIGIT | C_UPPER) && gk_screen__credit_code_ok(t + s))
        return emit(c, (uint32_t)s, (uint32_t)e, GK_SCREEN_CREDIT_CODE);
    if (passport_ok(t + s, len))
        return emit(c, (uint32_t)s, (uint32_t)e, GK_SCREEN_PASSPORT);
    if (CL(t[s]) == C_UPPER && province_before(t, s)) {
        /* 闽A12345, 闽A·12345, 闽A 12345 */
        if (plate_serial_ok(t + s + 1, len - 1))
            return emit(c, (uint32_t)(s - 3), (uint32_t)e, GK_SCREEN_PLATE);
        if (len == 1) {
            size_t q = e, r;
            if (q + 2 <= n && (unsigned char)t[q] == 0xC2 && (unsigned char)t[q + 1] == 0xB7)
                q += 2;
            else if (q < n && (t[q] == ' ' || t[q] == '-'))
                q++;
            r = q;
            while (r < n && CL(t[r]))
                r++;
            if (q > e && plate_serial_ok(t + q, r - q) && (r >= n || !CL(t[r])))
                return emit(c, (uint32_t)(s - 3), (uint32_t)r, GK_SCREEN_PLATE);
        }
    }
    return 0;
}

/* ---- e-mail ------------------------------------------------------------- */

static bool local_char(char ch)
{
    return CL(ch) || ch == '.' || ch == '_' || ch == '%' || ch == '+' || ch == '-';
}

static bool domain_char(char ch)
{
    return CL(ch) || ch == '.' || ch == '-';
}

/* RFC 5321 shapes only (dot-atom local part, LDH domain with a dot and an
 * alphabetic top-level label of 2+ letters). */
static int scan_emails(gk_screen_raws *out, const char *t, size_t n)
{
    const char *p = t;
    int rc;

    for (;;) {
        size_t at, q, r, dot = 0, k;
        const char *hit = memchr(p, '@', n - (size_t)(p - t));
        if (!hit)
            return 0;
        at = (size_t)(hit - t);
        p = hit + 1;
        q = at;
        while (q > 0 && local_char(t[q - 1]))
            q--;
        while (q < at && !CL(t[q]))
            q++; /* the local part starts with an alphanumeric */
        if (q == at || t[at - 1] == '.')
            continue;
        r = at + 1;
        while (r < n && domain_char(t[r]))
            r++;
        while (r > at + 1 && !CL(t[r - 1]))
            r--;
        for (k = at + 1; k < r; k++)
            if (t[k] == '.')
                dot = k;
        if (!dot || r - dot - 1 < 2 || !all_in(t + dot + 1, r - dot - 1, C_UPPER | C_LOWER) ||
            t[at + 1] == '.' || t[at + 1] == '-')
            continue;
        rc = gk_screen__raws_push(out, (uint32_t)q, (uint32_t)r, GK_SCREEN_EMAIL, NULL);
        if (rc < 0)
            return rc;
        p = t + r;
        if (r >= n)
            return 0;
    }
}

/* Index of the first ASCII byte of t[i..n), or n. Only an ASCII byte can
 * start a token, and Chinese text is nearly all bytes >= 0x80, so this is
 * the tokenizer's hot loop: 16 bytes a step with SSE2 (every x86-64), then
 * 8 with a word mask, then one. */
static size_t next_ascii(const char *t, size_t i, size_t n)
{
#if defined(__SSE2__)
    while (i + 16 <= n) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
        unsigned ascii = (unsigned)_mm_movemask_epi8(v) ^ 0xFFFFu;
        if (ascii)
            return i + (size_t)__builtin_ctz(ascii);
        i += 16;
    }
#endif
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, t + i, 8);
        if ((w & 0x8080808080808080ull) != 0x8080808080808080ull)
            break;
        i += 8;
    }
    while (i < n && (unsigned char)t[i] >= 0x80)
        i++;
    return i;
}

int gk_screen__detect(gk_screen_raws *out, const char *t, size_t n)
{
    detect_ctx c;
    size_t i = 0, first = out->count;
    int rc;

    rc = scan_emails(out, t, n);
    if (rc < 0)
        return rc;
    c.out = out;
    c.ecur = 0;
    c.nemails = out->count - first;
    /* emit() appends to out->items, which may move: keep a private copy of
     * the e-mail spans (usually none). */
    c.emails = NULL;
    if (c.nemails) {
        gk_screen_raw *copy = gk_malloc(c.nemails * sizeof *copy);
        if (!copy)
            return gk__oom();
        memcpy(copy, out->items + first, c.nemails * sizeof *copy);
        c.emails = copy;
    }
    while (i < n) {
        size_t s, e;
        unsigned acc = 0;

        /* Jump to the next ASCII byte (CJK text has few), then past one
         * that is ASCII but not alphanumeric, and so on. */
        for (;;) {
            i = next_ascii(t, i, n);
            if (i >= n || CL(t[i]))
                break;
            i++;
        }
        if (i >= n)
            break;
        s = i;
        while (i < n && CL(t[i]))
            acc |= CL(t[i++]);
        e = i;
        if (acc == C_DIGIT) {
            rc = scan_digits(&c, t, n, s, &i);
        } else {
            rc = scan_alnum(&c, t, n, s, e);
        }
        if (rc < 0)
            break;
    }
    gk_free((void *)(uintptr_t)c.emails);
    return rc;
}

/* ---- secret markers ----------------------------------------------------- */

static const char *const levels[] = {"绝密", "机密", "秘密"};

/* "★" is only a secret marker right after a 密级 (GB/T 9704-2012 §7.2.3:
 * 密级和保密期限 "秘密★1年"). Extends over the level before and the
 * 保密期限 after (N年, N个月, 长期). */
bool gk_screen__secret_extend(const char *t, size_t n, uint32_t *s, uint32_t *e)
{
    size_t a = *s, z = *e, k, q;
    bool level = false;

    if (a >= 1 && t[a - 1] == ' ')
        a--;
    for (k = 0; k < GK_ARRAY_LEN(levels); k++)
        if (a >= 6 && !memcmp(t + a - 6, levels[k], 6)) {
            a -= 6;
            level = true;
            break;
        }
    if (!level)
        return false;
    q = z;
    if (q < n && t[q] == ' ')
        q++;
    if (q + 6 <= n && !memcmp(t + q, "长期", 6)) {
        z = q + 6;
    } else {
        size_t d = q;
        while (d < n && CL(t[d]) == C_DIGIT && d - q < 3)
            d++;
        if (d > q && d + 3 <= n && !memcmp(t + d, "年", 3))
            z = d + 3;
        else if (d > q && d + 6 <= n && !memcmp(t + d, "个月", 6))
            z = d + 6;
    }
    *s = (uint32_t)a;
    *e = (uint32_t)z;
    return true;
}
