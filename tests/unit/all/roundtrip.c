/*
 * roundtrip.c: the round-trip property of issue 3. For random valid and
 * invalid reports (fixed seed, many cases): render to HTML, Markdown and
 * plain text, parse the rendering back, and the model must come back cell
 * for cell (gk_report_equal).
 *
 * Seed and size: GK_RT_SEED (default 20240601) and GK_RT_CASES (default 500
 * reports, each rendered in the three formats). On failure the test names
 * the seed, the case, the format and the first difference, and writes the
 * original (report JSON), the rendering and the parsed model to
 * /tmp/gk-rt-<seed>-<case>.{json,<fmt>,<fmt>.json}. GK_RT_CASE=N runs case N
 * only (to debug one failure).
 *
 * What a rendering carries (the expected model is the original projected
 * by expect() below; nothing else is left out):
 *
 *  - format: carried by the layout of table 2 (the only table whose layout
 *    differs between 2021 and 2019). Without table 2 a rendering cannot tell
 *    the formats apart and the parser reads the current one, 2021.
 *  - agency and year: carried by the title "<agency><year>年政府信息公开工作
 *    年度报告". The agency is one line; the generator draws it from hostile
 *    pieces (<, &, "&amp;", |, *, quotes, brackets, full-width digits) but not
 *    white space (titles are printed spaced out, and the parser drops white
 *    space and '#' inside them), not "政府信息公开", and it does not end in an
 *    ASCII digit (which would run into the year). A report without a year has
 *    no agency either (the title has no boundary between them).
 *  - tables 2, 3, 4: presence, every cell's state (VALUE with its value,
 *    BLANK, UNREADABLE with its text, ABSENT) and （六） printed as one row.
 *    Counts are up to 10^7, fee amounts have up to 4 decimals, some counts
 *    are not whole, the 2019 本年增/减 may be negative; arithmetic is valid in
 *    some cases and wrong in the others (the parser must copy, not repair).
 *    An UNREADABLE text is one line without leading or trailing blanks that
 *    is not a number, not a dash, not a table label and not one of the
 *    renderers' notes.
 *  - sections: the six official headings are always printed, with the
 *    official titles. Sections 一, 五, 六 that the report lacks print a note
 *    and come back absent. Sections 二, 三, 四 carry their tables, so their
 *    headings are printed even when the report has no such section: they
 *    come back present (text "" when the report had none). A section text is
 *    carried as the renderers print it: its lines with tabs as spaces, runs
 *    of ASCII spaces as one, trimmed of blanks and ideographic spaces, empty
 *    lines dropped. Texts contain hostile pieces and table labels, but not a
 *    section heading (a paragraph that repeats "二、主动公开…" cannot be told
 *    from the heading without markup).
 *  - not compared (gk_report_equal does not look at them): source, preamble
 *    (the parser keeps the title line there) and source positions.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "test.h"
#include "gk/parse.h"
#include "gk/render.h"
#include "util/util.h"

/* Generator failures are bugs of this test (or out of memory): stop. */
#define RT_MUST(expr)                                                                              \
    do {                                                                                           \
        if (!(expr)) {                                                                             \
            fprintf(stderr, "roundtrip.c:%d: %s\n", __LINE__, #expr);                             \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#define RT_DEFAULT_SEED  20240601u
#define RT_DEFAULT_CASES 500

/* ---------------------------------------------------------------- PRNG */

typedef struct {
    uint64_t s;
} rt_rng;

static uint64_t rnd(rt_rng *g) /* xorshift64* */
{
    g->s ^= g->s >> 12;
    g->s ^= g->s << 25;
    g->s ^= g->s >> 27;
    return g->s * 2685821657736338717ull;
}

static unsigned below(rt_rng *g, unsigned n)
{
    return (unsigned)(rnd(g) >> 33) % n;
}

#define PICK(g, arr) ((arr)[below((g), (unsigned)GK_ARRAY_LEN(arr))])

/* ------------------------------------------------------------ vocabulary */

static const char *const agency_pieces[] = {
    "市", "区", "县", "人民政府", "办公室", "局", "委员会", "（", "）", "(", ")", "<", ">",
    "&", "&amp;", "|", "*", "\"", "'", "“", "”", "·", "、", "１２", "Ｘ", "x", "<b>", "_",
};

/* Pieces of section text: hostile characters, markup, full-width digits in
 * text, numbers with units, and table labels. */
static const char *const text_pieces[] = {
    "本机关", "认真贯彻", "政务公开", "工作", "。", "，", "；", "：", "“", "”", "（", "）",
    "<", ">", "&", "&amp;", "&lt;", "&#20013;", "|", " | ", "*", "**", "_", "`", "\\", "#",
    "- ", "+", "1. ", "12", "３件", "收到申请２７件", "共收到申请27件", "行政复议2件", "2024年",
    "100%", "<td>", "</p>", "<script>", "[链接](x)", "\"", "'", "~", "—", "/", "　", "\t", "  ",
    "一、本年新收政府信息公开申请数量", "（七）总计", "3.其他", "予以公开", "结果维持",
    "行政规范性文件", "第二十条第（一）项", "信息内容", "其他处理", "不补正", "（未载明）",
};

static const char *const unreadable_texts[] = {
    "abc", "不详", "无", "12a", "N/A", "x|y", "<b>", "&", "*", "约5", "5件", "１２ａ", "?",
    "见附件", "—3", "1.2.3", "3-5", "十二", "&amp;", "\"7\"", "a*b*", "#1", "_",
};

/* -------------------------------------------------------------- building */

static void gen_string(rt_rng *g, gk_buf *b, const char *const *pieces, size_t n, unsigned max)
{
    unsigned k, cnt = 1 + below(g, max);
    int rc = 0;

    for (k = 0; k < cnt && rc == 0; k++)
        rc = gk_buf_puts(b, pieces[below(g, (unsigned)n)]);
    RT_MUST(rc == 0);
}

/* Arithmetic values: small, zero or large counts. */
static double gen_count(rt_rng *g)
{
    switch (below(g, 8)) {
    case 0:
        return 0;
    case 1:
        return (double)below(g, 10000001u); /* up to 10^7 */
    case 2:
        return (double)below(g, 100000u);
    default:
        return (double)below(g, 60);
    }
}

typedef enum { G_VALUE, G_BLANK, G_UNREAD, G_ABSENT } gen_state;

static void gen_cell(rt_rng *g, gk_report *r, gk_cell *c, gen_state st, bool amount, bool signed_)
{
    memset(c, 0, sizeof *c);
    switch (st) {
    case G_BLANK:
        gk_cell_set_blank(c);
        break;
    case G_UNREAD: {
        const char *t = PICK(g, unreadable_texts);
        c->state = GK_CELL_UNREADABLE;
        c->text = gk_report_strdup(r, t, strlen(t));
        RT_MUST(c->text);
        break;
    }
    case G_ABSENT:
        break; /* ABSENT is the zeroed cell */
    default: {
        double v = gen_count(g);
        if (amount) /* 万元 with up to 4 decimals (spec §1.3) */
            v = (double)below(g, 100000000u) / pow(10, below(g, 5));
        else if (below(g, 40) == 0)
            v += 0.5; /* a count that is not whole: invalid, copied as printed */
        if (signed_ && below(g, 3) == 0)
            v = -v; /* 2019 本年增/减 */
        gk_cell_set(c, v);
    }
    }
}

/* The state of one cell in a row drawn with a row mode. */
static gen_state cell_state(rt_rng *g, int row_mode)
{
    unsigned k;

    if (row_mode == 1)
        return G_ABSENT;
    if (row_mode == 2)
        return G_BLANK;
    k = below(g, 100);
    return k < 80 ? G_VALUE : k < 88 ? G_BLANK : k < 94 ? G_UNREAD : G_ABSENT;
}

static int row_mode(rt_rng *g, bool clean)
{
    unsigned k = clean ? 99 : below(g, 100);

    return k < 6 ? 1 : k < 9 ? 2 : k < 40 ? 3 : 0; /* 3: every cell a value */
}

/* Makes the arithmetic of tables 3 and 4 hold (spec §1.4 invariants 1–3,
 * §1.5) over VALUE cells: a valid report. */
static void make_valid(gk_report *r)
{
    int row, c, g;

    for (row = 0; row < GK_T3_NROWS; row++) {
        double s = 0;
        if (r->t3_other_collapsed && (row == GK_T3_R_OT_NOCORRECT || row == GK_T3_R_OT_NOFEE))
            continue; /* not printed: stays ABSENT */
        for (c = 0; c < GK_T3_COL_TOTAL; c++)
            s += r->t3[row][c].v;
        gk_cell_set(&r->t3[row][GK_T3_COL_TOTAL], s);
    }
    for (c = 0; c < GK_T3_NCOLS; c++) {
        double s = 0, out;
        for (row = GK_T3_FIRST_RESULT; row <= GK_T3_LAST_RESULT; row++)
            s += r->t3[row][c].v;
        gk_cell_set(&r->t3[GK_T3_R_TOTAL][c], s);
        out = r->t3[GK_T3_NEW][c].v + r->t3[GK_T3_CARRIED_IN][c].v - s;
        if (out < 0) {
            gk_cell_set(&r->t3[GK_T3_NEW][c], r->t3[GK_T3_NEW][c].v - out);
            out = 0;
        }
        gk_cell_set(&r->t3[GK_T3_CARRIED_OUT][c], out);
    }
    for (g = 0; g < GK_T4_NGROUPS; g++) {
        double s = 0;
        for (c = 0; c < GK_T4_TOTAL; c++)
            s += r->t4[g][c].v;
        gk_cell_set(&r->t4[g][GK_T4_TOTAL], s);
    }
}

static const char *const section_nos[] = {"一", "二", "三", "四", "五", "六"};

static gk_report *generate(rt_rng *g)
{
    gk_report *r = NULL;
    gk_buf b = GK_BUF_INIT;
    bool valid = below(g, 3) == 0;
    size_t n, i;
    int row, c, k, mode;

    RT_MUST(gk_report_new(&r) == 0);
    r->format = below(g, 3) == 0 ? GK_FORMAT_2019 : GK_FORMAT_2021;
    if (below(g, 10)) {
        r->year = 2019 + (int)below(g, 8);
        if (below(g, 8)) {
            gen_string(g, &b, agency_pieces, GK_ARRAY_LEN(agency_pieces), 6);
            r->agency = gk_report_strdup(r, b.ptr, b.len);
        }
    }
    r->t2_present = valid || below(g, 8);
    r->t3_present = valid || below(g, 8);
    r->t4_present = valid || below(g, 8);
    /* The 2019 format always has （六） as one row; some 2021 reports too. */
    r->t3_other_collapsed = r->format == GK_FORMAT_2019 || below(g, 5) == 0;

    if (r->t2_present) {
        const gk_t2_cell_desc *d = gk_t2_layout(r->format, &n);
        for (i = 0; i < n;) {
            size_t j = i;
            mode = row_mode(g, valid);
            while (j < n && !strcmp(d[j].row, d[i].row)) {
                gen_cell(g, r, &r->t2[j], mode == 3 ? G_VALUE : cell_state(g, mode),
                         d[j].is_amount, !strcmp(d[j].field, "delta"));
                j++;
            }
            i = j;
        }
    }
    if (r->t3_present)
        for (row = 0; row < GK_T3_NROWS; row++) {
            bool hidden = r->t3_other_collapsed &&
                          (row == GK_T3_R_OT_NOCORRECT || row == GK_T3_R_OT_NOFEE);
            mode = hidden ? 1 : row_mode(g, valid);
            for (c = 0; c < GK_T3_NCOLS; c++)
                gen_cell(g, r, &r->t3[row][c], mode == 3 ? G_VALUE : cell_state(g, mode), false,
                         false);
        }
    if (r->t4_present) {
        mode = valid ? 3 : below(g, 10) == 0 ? 1 : 0;
        for (k = 0; k < GK_T4_NGROUPS; k++)
            for (c = 0; c < GK_T4_NCOLS; c++)
                gen_cell(g, r, &r->t4[k][c], mode == 3 ? G_VALUE : cell_state(g, mode), false,
                         false);
    }
    if (valid)
        make_valid(r);

    for (k = 0; k < 6; k++) {
        unsigned lines, l;
        if (below(g, 5) == 0)
            continue;
        gk_buf_clear(&b);
        lines = below(g, 5);
        for (l = 0; l < lines; l++) {
            if (l)
                RT_MUST(gk_buf_putc(&b, '\n') == 0);
            if (below(g, 6))
                gen_string(g, &b, text_pieces, GK_ARRAY_LEN(text_pieces), 8);
        }
        RT_MUST(gk_report_add_section(r, section_nos[k], gk_section_title(k),
                                        b.ptr ? b.ptr : "", b.len) == 0);
    }
    gk_buf_release(&b);
    return r;
}

/* ------------------------------------------------------------ projection */

static bool blank_at(const char *s, size_t len, size_t i, size_t *w)
{
    if (s[i] == ' ') {
        *w = 1;
        return true;
    }
    if (i + 3 <= len && !memcmp(s + i, "\xE3\x80\x80", 3)) {
        *w = 3;
        return true;
    }
    return false;
}

/* A section text as the renderings carry it (see the header comment). */
static void canon_text(gk_buf *out, const char *text)
{
    size_t len = strlen(text), i = 0, w;
    bool any = false;

    while (i <= len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len, b = i, e, k;
        gk_buf line = GK_BUF_INIT;

        for (k = i; k < end; k++) { /* tabs and CR as spaces, runs of spaces as one */
            char ch = text[k] == '\t' || text[k] == '\r' ? ' ' : text[k];
            if (ch == ' ' && line.len && line.ptr[line.len - 1] == ' ')
                continue;
            RT_MUST(gk_buf_putc(&line, ch) == 0);
        }
        b = 0;
        e = line.len;
        while (b < e && blank_at(line.ptr, e, b, &w))
            b += w;
        while (e > b) {
            if (line.ptr[e - 1] == ' ')
                e--;
            else if (e - b >= 3 && !memcmp(line.ptr + e - 3, "\xE3\x80\x80", 3))
                e -= 3;
            else
                break;
        }
        if (e > b) {
            if (any)
                RT_MUST(gk_buf_putc(out, '\n') == 0);
            RT_MUST(gk_buf_put(out, line.ptr + b, e - b) == 0);
            any = true;
        }
        gk_buf_release(&line);
        i = end + 1;
    }
}

static const gk_section *find_section(const gk_report *r, const char *no)
{
    size_t i;

    for (i = 0; i < r->nsections; i++)
        if (!strcmp(r->sections[i].no, no))
            return &r->sections[i];
    return NULL;
}

/* The model a rendering of r carries (header comment). Borrows strings of r
 * for the cells, so r must outlive the result. */
static gk_report *expect(const gk_report *r)
{
    gk_report *e = NULL;
    int k;

    RT_MUST(gk_report_new(&e) == 0);
    e->format = r->t2_present ? r->format : GK_FORMAT_2021;
    e->year = r->year;
    e->agency = r->year ? r->agency : "";
    e->t2_present = r->t2_present;
    e->t3_present = r->t3_present;
    e->t4_present = r->t4_present;
    e->t3_other_collapsed = r->t3_present && r->t3_other_collapsed;
    if (r->t2_present)
        memcpy(e->t2, r->t2, sizeof e->t2);
    if (r->t3_present)
        memcpy(e->t3, r->t3, sizeof e->t3);
    if (r->t4_present)
        memcpy(e->t4, r->t4, sizeof e->t4);
    for (k = 0; k < 6; k++) {
        const gk_section *s = find_section(r, section_nos[k]);
        gk_buf b = GK_BUF_INIT;
        if (!s && (k == 0 || k >= 4))
            continue;
        if (s)
            canon_text(&b, s->text);
        RT_MUST(gk_report_add_section(e, section_nos[k], gk_section_title(k),
                                        b.ptr ? b.ptr : "", b.len) == 0);
        gk_buf_release(&b);
    }
    return e;
}

/* ------------------------------------------------------------- property */

static const struct {
    gk_render_format render;
    gk_input_format parse;
    const char *ext;
} formats[] = {
    {GK_RENDER_HTML, GK_INPUT_HTML, "html"},
    {GK_RENDER_MARKDOWN, GK_INPUT_MARKDOWN, "md"},
    {GK_RENDER_TEXT, GK_INPUT_TEXT, "txt"},
};

static void dump(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");

    if (!f)
        return;
    if (len)
        (void)!fwrite(data, 1, len, f);
    fclose(f);
}

static void dump_json(const char *path, const gk_report *r)
{
    gk_buf b = GK_BUF_INIT;

    if (r && gk_report_to_json(&b, r) == 0)
        dump(path, b.ptr, b.len);
    gk_buf_release(&b);
}

static unsigned long env_ul(const char *name, unsigned long def)
{
    const char *v = getenv(name);
    char *end;
    unsigned long x;

    if (!v || !*v)
        return def;
    x = strtoul(v, &end, 10);
    return *end ? def : x;
}

/* Runs one format of one case; returns true when the model came back. */
static bool check_one(unsigned long seed, unsigned long cs, size_t f, const gk_report *orig,
                      const gk_report *want)
{
    gk_buf out = GK_BUF_INIT, where = GK_BUF_INIT;
    gk_parse_opts opts = GK_PARSE_OPTS_INIT;
    gk_report *got = NULL;
    char path[256];
    bool ok = false;
    int rc;

    opts.format = formats[f].parse;
    rc = gk_render(&out, orig, formats[f].render);
    if (rc == 0)
        rc = gk_parse(&got, out.ptr, out.len, &opts);
    if (rc == 0)
        ok = gk_report_equal(want, got, &where);
    if (!ok) {
        fprintf(stderr, "# roundtrip seed %lu case %lu format %s: %s\n", seed, cs, formats[f].ext,
                rc ? gk_error_last()->message : gk_buf_cstr(&where));
        snprintf(path, sizeof path, "/tmp/gk-rt-%lu-%lu.json", seed, cs);
        dump_json(path, orig);
        snprintf(path, sizeof path, "/tmp/gk-rt-%lu-%lu.expected.json", seed, cs);
        dump_json(path, want);
        snprintf(path, sizeof path, "/tmp/gk-rt-%lu-%lu.%s", seed, cs, formats[f].ext);
        dump(path, out.ptr, out.len);
        snprintf(path, sizeof path, "/tmp/gk-rt-%lu-%lu.%s.json", seed, cs, formats[f].ext);
        dump_json(path, got);
    }
    gk_report_free(got);
    gk_buf_release(&out);
    gk_buf_release(&where);
    return ok;
}

/* Runs the property over formats[first .. first + n); returns the number of
 * renderings that did not come back. */
static unsigned long run_property(size_t first, size_t n)
{
    unsigned long seed = env_ul("GK_RT_SEED", RT_DEFAULT_SEED);
    unsigned long ncases = env_ul("GK_RT_CASES", RT_DEFAULT_CASES);
    unsigned long only = env_ul("GK_RT_CASE", (unsigned long)-1);
    unsigned long cs, bad = 0, runs = 0;
    size_t f;

    if (only != (unsigned long)-1)
        ncases = only + 1;
    for (cs = 0; cs < ncases; cs++) {
        /* Each case has its own stream, so GK_RT_CASE=N replays case N. */
        rt_rng g = {(seed + 1) * 0x9E3779B97F4A7C15ull ^ (cs * 0xD1B54A32D192ED03ull) ^ 1};
        gk_report *orig, *want;

        if (only != (unsigned long)-1 && cs != only)
            continue;
        rnd(&g);
        orig = generate(&g);
        want = expect(orig);
        for (f = first; f < first + n; f++, runs++)
            bad += !check_one(seed, cs, f, orig, want);
        gk_report_free(want);
        gk_report_free(orig);
    }
    fprintf(stderr, "# roundtrip %s%s: seed %lu, %lu of %lu renderings came back\n",
            formats[first].ext, n > 1 ? "+" : "", seed, runs - bad, runs);
    return bad;
}

GK_TEST(all_roundtrip, html_and_markdown)
{
    GK_T_INT_EQ(run_property(0, 2), 0);
}

/* Plain text: the renderer draws the tables with ASCII rules and spans
 * (render/text.c); the text parser reads them back with their spans
 * (parse/text_table.c). */
GK_TEST(all_roundtrip, plain_text)
{
    GK_T_INT_EQ(run_property(2, 1), 0);
}
