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
    /* NULL for the first three kinds, whose behaviour predates them: */
    const char *const *others; /* none of these between trigger and number (another
                                  subject: 予以公开及部分公开42件) */
    const char *const *joined; /* not right after one of these and a connector (及部分公开) */
    const char *const *not_after; /* not right after one of these (不予以公开 is not 予以公开) */
    const char *const *sentence_exclude; /* none of these in the sentence before the number */
    bool number_before; /* "1件结转下年度" also counts (the number before the trigger) */
    bool breakdown;     /* kept only beside a statement of another such kind in the
                           same sentence (GK_NARR_RESULTS, see narrative.h) */
    bool claim;         /* a claim without a number, read by claim_at */
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

/* The result categories of table 3 (国办公开办函〔2021〕30号 表三 三、
 * 本年度办理结果). Only 件 counts applications: 条 counts proactive items
 * ("不予公开信息数48条"). Change words, rates, shares and 分别 (a list of
 * names before a list of numbers) void the clause; so does 主动 anywhere
 * in the sentence (proactive disclosure, not applications). */
static const char *const grant_triggers[] = {"予以公开", "同意公开", NARR_END};
static const char *const partial_triggers[] = {"部分公开", "区分处理", NARR_END};
static const char *const deny_triggers[] = {"不予公开", "不予以公开", NARR_END};
static const char *const unable_triggers[] = {"无法提供", NARR_END};
static const char *const noproc_triggers[] = {"不予处理", NARR_END};
static const char *const other_triggers[] = {"其他处理", NARR_END};
static const char *const result_words[] = {"予以公开", "同意公开", "部分公开",
                                           "区分处理", "不予公开", "无法提供",
                                           "不予处理", "其他处理", NARR_END};
/* Another category or a connector between a trigger and its number: the
 * number counts several categories together (予以公开及部分公开42件, also
 * when a PDF line break splits the second name: 予以公开及部\n分公开). */
static const char *const result_others[] = {
    "予以公开", "同意公开", "部分公开", "区分处理", "不予公开", "无法提供", "不予处理",
    "其他处理", "及",       "和",       "与",       "、",       "或",       NARR_END};
static const char *const result_units[] = {"件", NARR_END};
static const char *const result_exclude[] = {"同比", "增长",   "增加",   "减少",   "下降",
                                             "上升", "较上年", "比上年", "较去年", "率",
                                             "占",   "分别",   NARR_END};
static const char *const result_sentence_exclude[] = {"主动", NARR_END};
static const char *const grant_not_after[] = {"不", NARR_END};

/* Carried over to next year (表三 四、结转下年度继续办理): 结转下年度N件,
 * 结转至2026年6件, 转下一年度办理答复的有1件, 1件结转下年度继续办理, 另有
 * 103件顺延到下年度答复. 上年 (上年结转 is carried in, 表三 二、) and 含
 * void the clause; 复议/诉讼/提案/建议 in the sentence mean other cases. */
static const char *const carried_triggers[] = {"结转下",       "转下一",       "转入下",
                                               "结转至",       "顺延到下年",   "顺延至下年",
                                               "顺延到下一年", "顺延至下一年", NARR_END};
static const char *const carried_exclude[] = {"上年", "上一年", "以前年度", "含",   "同比",
                                              "增长", "增加",   "减少",     "下降", NARR_END};
static const char *const carried_sentence_exclude[] = {"复议", "诉讼", "提案", "建议", NARR_END};

/* 所有申请均已办结 / 均在法定期限内办结 / 均已按要求办理完成: a completion
 * verb ending its clause, after 均/全部/所有 in the same clause, in a
 * sentence about 申请 and not about other cases or requests (人大建议、政协
 * 提案均已办结; 12345 诉求 …). A clause with a number, a negation or an
 * exception (除1件外均已办结, 尚未全部办结) is not a claim. */
static const char *const done_verbs[] = {"办结", "办理完成", "办理完毕", NARR_END};
static const char *const done_all[] = {"均", "全部", "全数", "所有", NARR_END};
static const char *const done_void[] = {"未", "尚", "除", "没", "非", "不", "率", NARR_END};
static const char *const done_require[] = {"申请", NARR_END};
static const char *const done_sentence_exclude[] = {"复议", "诉讼", "建议", "提案",  "诉求", "留言",
                                                    "咨询", "热线", "投诉", "信访",  "舆情", "事项",
                                                    "办件", "工单", "来件", NARR_END};
static const char *const done_tail[] = {"了", NARR_END};
/* Code points looked back from the verb for 均/全部/所有. */
#define DONE_SPAN 24

static const narr_kind_desc kinds[GK_NARR_NKINDS] = {
    [GK_NARR_RECEIVED] = {received_triggers, received_units, received_exclude, received_require,
                          40},
    [GK_NARR_REVIEW] = {review_triggers, t4_units, review_exclude, NULL, 16},
    [GK_NARR_LITIGATION] = {litigation_triggers, t4_units, litigation_exclude, NULL, 16},
#define RESULT_KIND(trig, na)                                                                      \
    {                                                                                              \
        .triggers = trig, .units = result_units, .exclude = result_exclude, .max_span = 12,        \
        .others = result_others, .joined = result_words, .not_after = na,                          \
        .sentence_exclude = result_sentence_exclude, .breakdown = true                             \
    }
    [GK_NARR_R_GRANT] = RESULT_KIND(grant_triggers, grant_not_after),
    [GK_NARR_R_PARTIAL] = RESULT_KIND(partial_triggers, NULL),
    [GK_NARR_R_DENY] = RESULT_KIND(deny_triggers, NULL),
    [GK_NARR_R_UNABLE] = RESULT_KIND(unable_triggers, NULL),
    [GK_NARR_R_NOPROC] = RESULT_KIND(noproc_triggers, NULL),
    [GK_NARR_R_OTHER] = RESULT_KIND(other_triggers, NULL),
#undef RESULT_KIND
    [GK_NARR_CARRIED] = {.triggers = carried_triggers,
                         .units = received_units,
                         .exclude = carried_exclude,
                         .max_span = 16,
                         .sentence_exclude = carried_sentence_exclude,
                         .number_before = true},
    [GK_NARR_ALL_DONE] = {.triggers = done_verbs, .claim = true},
};

/* A clause ends at these; 、 does not end one (收到邮寄、网络提交的申请8件). */
static const char *const clause_breaks[] = {"，", ",", "。", "；", ";",     "！",
                                            "？", "!", "?",  "：", NARR_END};
/* A sentence (the quoted evidence) starts after these. */
static const char *const sentence_breaks[] = {"。", "；", ";",  "！",    "？",
                                              "!",  "?",  "\n", NARR_END};

/* Sorted by code point (cn_value searches it by halves). */
static const struct {
    int32_t cp;
    int value; /* 0-9 digit, or 10/100/1000 multiplier, or 10000 for 万 */
} cn_numerals[] = {
    {0x3007, 0},     /* 〇 */ {0x4E00, 1}, /* 一 */ {0x4E03, 7},   /* 七 */
    {0x4E07, 10000}, /* 万 */ {0x4E09, 3}, /* 三 */ {0x4E24, 2},   /* 两 */
    {0x4E5D, 9},     /* 九 */ {0x4E8C, 2}, /* 二 */ {0x4E94, 5},   /* 五 */
    {0x516B, 8},     /* 八 */ {0x516D, 6}, /* 六 */ {0x5341, 10},  /* 十 */
    {0x5343, 1000},  /* 千 */ {0x56DB, 4}, /* 四 */ {0x767E, 100}, /* 百 */
    {0x96F6, 0},                                                   /* 零 */
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
static const char *const spaces[] = {
    " ", "\t", "\r", "\n", "\xE3\x80\x80" /* U+3000 */, "\xC2\xA0" /* U+00A0 */, NARR_END};

static size_t space_at(const char *s, size_t n)
{
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
    size_t lo = 0, hi = GK_ARRAY_LEN(cn_numerals);

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cn_numerals[mid].cp == cp)
            return cn_numerals[mid].value;
        if (cn_numerals[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* True for the lead byte of a character in U+4000..U+9FFF (most Chinese
 * characters): no clause or sentence break, space or digit starts with
 * it, so the loops below pass such a character without matching lists. */
static bool plain_cjk(char c)
{
    return (unsigned char)c >= 0xE4 && (unsigned char)c <= 0xE9;
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
        k = plain_cjk(text[j]) ? 0 : match_any(text + j, at - j, sentence_breaks);
        if (k) {
            j += k;
            break;
        }
        if (++chars >= MAX_LEAD) {
            /* capped inside a run-on "sentence": start the quote at the
             * next clause break instead, so it never begins inside a word
             * or a number ("25年" cut from "2025年") */
            size_t p;
            for (p = j; p < at; p++) {
                if (plain_cjk(text[p]))
                    continue;
                k = match_any(text + p, at - p, clause_breaks);
                if (k) {
                    j = p + k;
                    break;
                }
            }
            while (j < at && text[j] >= '0' && text[j] <= '9')
                j++;
            break;
        }
    }
    return skip_spaces(text, at, j);
}

static size_t clause_end(const char *text, size_t len, size_t from)
{
    size_t i = from;

    while (i < len && (plain_cjk(text[i]) || (!match_any(text + i, len - i, clause_breaks) &&
                                              !match_any(text + i, len - i, sentence_breaks)))) {
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

        if (plain_cjk(text[i])) {
            size_t j = i;
            if (cn_value(gk_utf8_next(text, len, &j)) < 0) {
                i = j; /* not a numeral: one code point further */
                cps++;
                continue;
            }
        } else {
            if (match_any(text + i, len - i, clause_breaks))
                return false;
            w = space_at(text + i, len - i);
            if (w > 0) {
                i += w;
                continue;
            }
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
        if (k->others && contains_any(text + from, i - from, k->others))
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

/* Length of the word of list that text[0..at) ends with, or 0. */
static size_t suffix_any(const char *text, size_t at, const char *const *list)
{
    size_t i, k;

    for (i = 0; list && list[i]; i++) {
        k = strlen(list[i]);
        if (k <= at && memcmp(text + at - k, list[i], k) == 0)
            return k;
    }
    return 0;
}

/* The end of text[0..at) without its trailing whitespace. */
static size_t trim_back(const char *text, size_t at)
{
    size_t k;

    while (at > 0 && (k = suffix_any(text, at, spaces)) > 0)
        at -= k;
    return at;
}

/* True when text[0..at) ends with a word of list and a connector
 * ("予以公开及" before 部分公开: the two are counted together). */
static bool joined_before(const char *text, size_t at, const char *const *list)
{
    static const char *const connectors[] = {"以及", "及", "和", "与", "、", "或", NARR_END};
    size_t e = trim_back(text, at), k = suffix_any(text, e, connectors);

    return k > 0 && suffix_any(text, trim_back(text, e - k), list) > 0;
}

/* Start of the code point that ends at text[at] (at > 0). */
static size_t prev_char(const char *text, size_t at)
{
    size_t p = at - 1;

    while (p > 0 && ((unsigned char)text[p] & 0xC0) == 0x80)
        p--;
    return p;
}

static bool numeral_at(const char *text, size_t p, size_t end)
{
    size_t w, i = p;

    if (digit_at(text + p, end - p, &w) >= 0 || text[p] == ',')
        return true;
    return cn_value(gk_utf8_next(text, end, &i)) >= 0;
}

/* "N件" right before the trigger at text[at] ("1件结转下年度继续办理"):
 * fills the number of st and returns true. */
static bool number_before(const char *text, size_t at, const narr_kind_desc *k, gk_narr_stmt *st)
{
    size_t e = trim_back(text, at), u = suffix_any(text, e, k->units), j;
    double v;

    if (u == 0)
        return false;
    e = trim_back(text, e - u);
    for (j = e; j > 0 && numeral_at(text, prev_char(text, j), e);)
        j = prev_char(text, j);
    if (j == e || gk_narr_read_number(text + j, e - j, &v) != e - j)
        return false;
    if (contains_any(text + clause_lead(text, j), at - clause_lead(text, j), k->exclude))
        return false;
    st->value = v;
    st->num_start = j;
    st->num_end = e;
    return true;
}

/* A completion claim whose verb is text[at..at+t) (see done_verbs). */
static bool claim_at(const char *text, size_t len, size_t at, size_t t, gk_narr_stmt *st)
{
    size_t after = skip_spaces(text, len, at + t), cs = at, chars = 0, i, w;

    after = skip_spaces(text, len, after + match_any(text + after, len - after, done_tail));
    if (after < len && !match_any(text + after, len - after, clause_breaks))
        return false; /* 所有办结的申请中… : the verb does not end the clause */
    while (cs > 0 && chars < DONE_SPAN) {
        size_t p = prev_char(text, cs);
        if (match_any(text + p, cs - p, clause_breaks))
            break;
        cs = p;
        chars++;
    }
    if (!contains_any(text + cs, at - cs, done_all) || contains_any(text + cs, at - cs, done_void))
        return false;
    for (i = cs; i < at; i++)
        if (digit_at(text + i, at - i, &w) >= 0)
            return false;
    st->start = sentence_start(text, cs);
    if (!contains_any(text + st->start, at - st->start, done_require))
        return false;
    st->value = 0;
    st->num_start = at;
    st->num_end = at + t;
    st->end = clause_end(text, len, at + t);
    return true;
}

/* The statement of kind k whose trigger is text[at..at+t), if any. */
static bool statement_at(const char *text, size_t len, size_t at, size_t t, const narr_kind_desc *k,
                         gk_narr_stmt *st)
{
    const char *const *sx = k->sentence_exclude;

    if (k->claim) {
        if (!claim_at(text, len, at, t, st))
            return false;
        sx = done_sentence_exclude;
    } else {
        if (k->not_after && suffix_any(text, at, k->not_after))
            return false;
        if (k->joined && joined_before(text, at, k->joined))
            return false;
        if (scan_clause(text, len, clause_lead(text, at), at + t, k, st)) {
            st->start = sentence_start(text, at);
        } else if (k->number_before && number_before(text, at, k, st)) {
            st->start = sentence_start(text, st->num_start);
            st->end = clause_end(text, len, at + t);
        } else {
            return false;
        }
    }
    return !sx || !contains_any(text + st->start, st->num_start - st->start, sx);
}

/* The set of the first characters of words, all three-byte UTF-8
 * characters (every trigger is a Chinese word), keyed by the low ten bits
 * of the code point: 1024 bits, one character in about a thousand of the
 * others shares a trigger's key. Most positions of a text fail this test;
 * a collision only costs a match_any. */
typedef struct {
    uint64_t bits[16];
} char_set;

static bool lead3(char c)
{
    return ((unsigned char)c & 0xF0) == 0xE0;
}

static unsigned char_key(const char *s)
{
    return ((unsigned)(unsigned char)s[1] & 0x0F) << 6 | ((unsigned)(unsigned char)s[2] & 0x3F);
}

static void char_add(char_set *set, const char *const *list)
{
    size_t i;

    for (i = 0; list[i]; i++) {
        unsigned key = char_key(list[i]);
        set->bits[key >> 6] |= UINT64_C(1) << (key & 63);
    }
}

static bool char_in(const char_set *set, const char *s)
{
    unsigned key = char_key(s);

    return set->bits[key >> 6] >> (key & 63) & 1;
}

/* True when a full stop (。！？!?) lies in text[a..b). Bytes are tested
 * first: the stops are '!', '?' or start with 0xE3/0xEF. */
static bool has_full_stop(const char *text, size_t a, size_t b)
{
    static const char *const full_stops[] = {"。", "！", "？", "!", "?", NARR_END};
    size_t i;

    for (i = a; i < b; i++) {
        unsigned char c = (unsigned char)text[i];
        if ((c == 0xE3 || c == 0xEF || c == '!' || c == '?') &&
            match_any(text + i, b - i, full_stops))
            return true;
    }
    return false;
}

#define MAX_BREAKDOWN 64 /* statements judged by keep_breakdowns; more are kept */

/* Drops the breakdown statements of out[0..n) that no statement of
 * another breakdown kind shares a sentence with; returns the new count.
 * Sentences are numbered by the full stops between consecutive
 * statements, so the text between them is read once. */
static size_t keep_breakdowns(const char *text, gk_narr_stmt *out, size_t n)
{
    size_t sentence[MAX_BREAKDOWN], i, m, kept = 0;

    if (n > MAX_BREAKDOWN)
        return n;
    for (i = 0; i < n; i++)
        sentence[i] =
            i == 0 ? 0
                   : sentence[i - 1] + has_full_stop(text, out[i - 1].num_end, out[i].num_start);
    for (i = 0; i < n; i++) {
        bool keep = !kinds[out[i].kind].breakdown;
        for (m = 0; m < n && !keep; m++)
            keep = sentence[m] == sentence[i] && kinds[out[m].kind].breakdown &&
                   out[m].kind != out[i].kind;
        if (keep)
            out[kept++] = out[i];
    }
    return kept;
}

size_t gk_narr_find_kinds(const char *text, size_t len, unsigned mask, gk_narr_stmt *out,
                          size_t max)
{
    size_t i = 0, found = 0, t = 0, stored;
    gk_narr_stmt st;
    char_set firsts;
    unsigned kind;
    bool hit;

    if (!text)
        return 0;
    memset(&firsts, 0, sizeof firsts);
    for (kind = 0; kind < GK_NARR_NKINDS; kind++)
        if (mask & GK_NARR_BIT(kind))
            char_add(&firsts, kinds[kind].triggers);
    while (i + 2 < len) {
        /* A trigger (valid UTF-8) starts at the lead byte of a
         * three-byte character: other bytes are passed one at a time, and
         * a character not in the set whole. */
        if (!lead3(text[i])) {
            i++;
            continue;
        }
        if (!char_in(&firsts, text + i)) {
            i += 3;
            continue;
        }
        hit = false;
        for (kind = 0; kind < GK_NARR_NKINDS && !hit; kind++) {
            if (!(mask & GK_NARR_BIT(kind)) ||
                (t = match_any(text + i, len - i, kinds[kind].triggers)) == 0)
                continue;
            hit = statement_at(text, len, i, t, &kinds[kind], &st);
            st.kind = (gk_narr_kind)kind;
        }
        if (hit) {
            if (found < max)
                out[found] = st;
            found++;
            i = st.num_end > i + t ? st.num_end : i + t;
            continue;
        }
        i++; /* the rest of this character is passed by the filter above */
    }
    /* Statements beyond max are counted as found without this filter. */
    stored = found < max ? found : max;
    return keep_breakdowns(text, out, stored) + (found - stored);
}

size_t gk_narr_find(const char *text, size_t len, gk_narr_kind kind, gk_narr_stmt *out, size_t max)
{
    if ((unsigned)kind >= GK_NARR_NKINDS)
        return 0;
    return gk_narr_find_kinds(text, len, GK_NARR_BIT(kind), out, max);
}
