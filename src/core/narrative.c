/*
 * narrative.c: reading the counts stated in a report's text (NARR.* rules).
 * Each kind of statement is a row of a table: its trigger words, units,
 * the words that void a clause, and the word a clause must contain.
 */
#include "narrative.h"
#include "util/utf8.h"

#define NARR_END NULL

typedef struct {
    const char *const *triggers; /* the clause names what it counts */
    const char *const *units;    /* the number must be followed by one of these */
    const char *const *exclude;  /* none of these between trigger and number */
    const char *const *require;  /* one of these between trigger and number, or right after
                                    the unit ("收到70件申请"); NULL: none needed */
    size_t max_span;             /* code points allowed between trigger and number */
} narr_kind_desc;

/* 收到/受理/新收/接收 (共受理 and 共收到 included) … 申请 … N件. 结转 is
 * excluded because 上年结转N件 is not what was received this year; change
 * words because 同比增长27件 is a difference, not a count. */
static const char *const received_triggers[] = {"收到", "受理", "新收", "接收", NARR_END};
static const char *const received_units[] = {"件", NARR_END};
static const char *const received_exclude[] = {"同比", "增长", "增加",   "减少",
                                               "下降", "上升", "较上年", "比上年",
                                               "结转", "其中", "占",     NARR_END};
static const char *const received_require[] = {"申请", NARR_END};

/* 行政复议 … N件/起; a clause that also names 诉讼 counts both together. */
static const char *const review_triggers[] = {"行政复议", NARR_END};
static const char *const t4_units[] = {"件", "起", "宗", NARR_END};
static const char *const review_exclude[] = {"诉讼", "起诉", "同比", "增长", "增加",
                                             "减少", "下降", "纠正", "维持", NARR_END};
static const char *const litigation_triggers[] = {"行政诉讼", NARR_END};
static const char *const litigation_exclude[] = {"复议", "同比", "增长", "增加",  "减少",
                                                 "下降", "败诉", "胜诉", NARR_END};

static const narr_kind_desc kinds[GK_NARR_NKINDS] = {
    [GK_NARR_RECEIVED] = {received_triggers, received_units, received_exclude, received_require,
                          40},
    [GK_NARR_REVIEW] = {review_triggers, t4_units, review_exclude, NULL, 16},
    [GK_NARR_LITIGATION] = {litigation_triggers, t4_units, litigation_exclude, NULL, 16},
};

/* A clause ends at these; 、 does not end one (收到邮寄、网络提交的申请8件). */
static const char *const clause_breaks[] = {"，", ",", "。", "；", ";",     "！",
                                            "？", "!", "?",  "：", NARR_END};
/* A sentence (the quoted evidence) starts after these. */
static const char *const sentence_breaks[] = {"。", "；", ";",  "！",    "？",
                                              "!",  "?",  "\n", NARR_END};

static const struct {
    int32_t cp;
    int value; /* 0-9 digit, or 10/100/1000 multiplier, or 10000 for 万 */
} cn_numerals[] = {
    {0x96F6, 0},     /* 零 */ {0x3007, 0},   /* 〇 */ {0x4E00, 1},    /* 一 */ {0x4E8C, 2}, /* 二 */
    {0x4E24, 2},     /* 两 */ {0x4E09, 3},   /* 三 */ {0x56DB, 4},    /* 四 */ {0x4E94, 5}, /* 五 */
    {0x516D, 6},     /* 六 */ {0x4E03, 7},   /* 七 */ {0x516B, 8},    /* 八 */ {0x4E5D, 9}, /* 九 */
    {0x5341, 10},    /* 十 */ {0x767E, 100}, /* 百 */ {0x5343, 1000}, /* 千 */
    {0x4E07, 10000},                                                  /* 万 */
};

/* Length of w when s (n bytes) starts with it, else 0. Compared byte by
 * byte: most calls fail at the first or second byte. */
static size_t prefix_len(const char *s, size_t n, const char *w)
{
    size_t k;

    for (k = 0; w[k]; k++)
        if (k >= n || s[k] != w[k])
            return 0;
    return k;
}

/* Length of the first word of list that s starts with, or 0. This is
 * called at almost every character of the text, and almost every call
 * matches nothing. */
static size_t match_any(const char *s, size_t n, const char *const *list)
{
    size_t i, k;

    for (i = 0; list && list[i]; i++)
        if ((k = prefix_len(s, n, list[i])) > 0)
            return k;
    return 0;
}

static bool contains_any(const char *s, size_t n, const char *const *list)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (match_any(s + i, n - i, list))
            return true;
    return false;
}

/* Whitespace inside a statement: PDF text breaks lines and puts spaces
 * around numbers ("受理政府 信息公开申请 17 件"). Returns its byte length. */
static size_t space_at(const char *s, size_t n)
{
    static const char *const spaces[] = {
        " ", "\t", "\r", "\n", "\xE3\x80\x80" /* U+3000 */, "\xC2\xA0" /* U+00A0 */, NARR_END};
    return match_any(s, n, spaces);
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    size_t k;

    while (i < n && (k = space_at(s + i, n - i)) > 0)
        i += k;
    return i;
}

/* A decimal digit at s (ASCII or full-width ０-９): its value and *w its
 * byte length; -1 when none. */
static int digit_at(const char *s, size_t n, size_t *w)
{
    if (n >= 1 && s[0] >= '0' && s[0] <= '9') {
        *w = 1;
        return s[0] - '0';
    }
    if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC &&
        (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
        *w = 3;
        return (unsigned char)s[2] - 0x90;
    }
    return -1;
}

static int cn_value(int32_t cp)
{
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(cn_numerals); i++)
        if (cn_numerals[i].cp == cp)
            return cn_numerals[i].value;
    return -1;
}

static bool ascii_digit(const char *s, size_t n, size_t i)
{
    return i < n && s[i] >= '0' && s[i] <= '9';
}

static size_t read_arabic(const char *s, size_t n, double *value)
{
    size_t i = 0, w;
    double v = 0;
    int d;

    while (i < n) {
        d = digit_at(s + i, n - i, &w);
        if (d < 0 && s[i] == ',' && i > 0 && ascii_digit(s, n, i + 1) && ascii_digit(s, n, i + 2) &&
            ascii_digit(s, n, i + 3) && !ascii_digit(s, n, i + 4)) {
            i++; /* thousands separator: 1,234 */
            continue;
        }
        if (d < 0)
            break;
        v = v * 10 + d;
        i += w;
    }
    *value = v;
    return i;
}

/* 二十七 = 27, 十 = 10, 一百零五 = 105, 两万三千 = 23000. */
static size_t read_chinese(const char *s, size_t n, double *value)
{
    size_t i = 0, prev;
    double total = 0, section = 0, digit = 0;
    bool any = false;

    while (i < n) {
        int32_t cp;
        int v;
        prev = i;
        cp = gk_utf8_next(s, n, &i);
        v = cp < 0 ? -1 : cn_value(cp);
        if (v < 0) {
            i = prev;
            break;
        }
        any = true;
        if (v < 10) {
            digit = v;
        } else if (v < 10000) {
            section += (digit > 0 ? digit : (v == 10 ? 1 : 0)) * v; /* 十 = 一十 */
            digit = 0;
        } else {
            total += (section + digit) * v;
            section = digit = 0;
        }
    }
    *value = total + section + digit;
    return any ? i : 0;
}

size_t gk_narr_read_number(const char *s, size_t n, double *value)
{
    size_t w;

    *value = 0;
    if (n == 0)
        return 0;
    if (digit_at(s, n, &w) >= 0)
        return read_arabic(s, n, value);
    return read_chinese(s, n, value);
}

/* Where the quoted sentence of a trigger at text[at] starts: after the
 * previous sentence break, but at most MAX_LEAD characters back (crawler
 * text runs whole tables into one "sentence"). */
#define MAX_LEAD 60

static size_t sentence_start(const char *text, size_t at)
{
    size_t j = at, k, chars = 0;

    while (j > 0) {
        j--;
        if (((unsigned char)text[j] & 0xC0) == 0x80)
            continue; /* inside a multi-byte character */
        k = match_any(text + j, at - j, sentence_breaks);
        if (k) {
            j += k;
            break;
        }
        if (++chars >= MAX_LEAD)
            break;
    }
    return skip_spaces(text, at, j);
}

static size_t clause_end(const char *text, size_t len, size_t from)
{
    size_t i = from;

    while (i < len && !match_any(text + i, len - i, clause_breaks) &&
           !match_any(text + i, len - i, sentence_breaks)) {
        if (gk_utf8_next(text, len, &i) < 0)
            continue;
    }
    return i;
}

/* Scans the clause after a trigger ending at text[from]; on a statement
 * fills st and returns true. The exclusions apply from text[lead], a few
 * characters before the trigger ("行政复议、行政诉讼案件3件" counts both). */
static bool scan_clause(const char *text, size_t len, size_t lead, size_t from,
                        const narr_kind_desc *k, gk_narr_stmt *st)
{
    size_t i = from, cps = 0;

    while (i < len && cps <= k->max_span) {
        size_t w, after;
        double v;

        if (match_any(text + i, len - i, clause_breaks))
            return false;
        if ((w = space_at(text + i, len - i)) > 0) {
            i += w;
            continue;
        }
        w = gk_narr_read_number(text + i, len - i, &v);
        if (w == 0) {
            (void)gk_utf8_next(text, len, &i);
            cps++;
            continue;
        }
        after = skip_spaces(text, len, i + w);
        if (!match_any(text + after, len - after, k->units)) {
            i += w; /* a year, a phone number, 一是: not a count */
            cps++;
            continue;
        }
        if (contains_any(text + lead, i - lead, k->exclude))
            return false;
        if (k->require && !contains_any(text + from, i - from, k->require)) {
            size_t u =
                skip_spaces(text, len, after + match_any(text + after, len - after, k->units));
            if (!match_any(text + u, len - u, k->require))
                return false;
        }
        st->value = v;
        st->num_start = i;
        st->num_end = i + w;
        st->end = clause_end(text, len, after);
        return true;
    }
    return false;
}

/* Up to LEAD_CHARS characters before text[at], not crossing a clause break. */
#define LEAD_CHARS 3

static size_t clause_lead(const char *text, size_t at)
{
    size_t j = at, chars = 0;

    while (j > 0 && chars < LEAD_CHARS) {
        size_t p = j - 1;
        while (p > 0 && ((unsigned char)text[p] & 0xC0) == 0x80)
            p--;
        if (match_any(text + p, j - p, clause_breaks) ||
            match_any(text + p, j - p, sentence_breaks))
            break;
        j = p;
        chars++;
    }
    return j;
}

/* The set of first bytes of the words of list, 256 bits. */
typedef struct {
    uint64_t bits[4];
} byte_set;

static void first_bytes(byte_set *set, const char *const *list)
{
    size_t i;

    memset(set, 0, sizeof *set);
    for (i = 0; list[i]; i++) {
        unsigned char b = (unsigned char)list[i][0];
        set->bits[b >> 6] |= UINT64_C(1) << (b & 63);
    }
}

static bool byte_in(const byte_set *set, char c)
{
    unsigned char b = (unsigned char)c;

    return set->bits[b >> 6] >> (b & 63) & 1;
}

size_t gk_narr_find(const char *text, size_t len, gk_narr_kind kind, gk_narr_stmt *out, size_t max)
{
    const narr_kind_desc *k;
    size_t i = 0, found = 0, t;
    gk_narr_stmt st;
    byte_set firsts;

    if (!text || (unsigned)kind >= GK_NARR_NKINDS)
        return 0;
    k = &kinds[kind];
    first_bytes(&firsts, k->triggers);
    while (i < len) {
        /* Bytes no trigger starts with are passed one at a time: a
         * trigger (valid UTF-8) cannot start inside a character, so this
         * finds what stepping by characters finds, without decoding. */
        if (!byte_in(&firsts, text[i])) {
            i++;
            continue;
        }
        t = match_any(text + i, len - i, k->triggers);
        if (t && scan_clause(text, len, clause_lead(text, i), i + t, k, &st)) {
            st.start = sentence_start(text, i);
            if (found < max)
                out[found] = st;
            found++;
            i = st.num_end;
            continue;
        }
        i++; /* the rest of this character is passed by the filter above */
    }
    return found;
}
