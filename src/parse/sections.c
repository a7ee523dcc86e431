/*
 * sections.c: the six sections (spec §1.2), the preamble before 一, and the
 * agency and year from the title. Headings are found in order in the text of
 * the grid; a heading is "一、" … "六、" followed, within a few characters,
 * by a word of that section's title (so "四、结转下年度继续办理" inside
 * table 3 is not section 四, and the typo "行政法复议" still is).
 */
#include <stdlib.h>
#include "parse/parse_int.h"
#include "util/utf8.h"

#define HEAD_WINDOW 14 /* code points after "X、" that must hold a title word */

static const struct {
    const char *no;
    const char *words[3];
} heads[6] = {
    {"一", {"总体情况", "概述", "基本情况"}},
    {"二", {"主动公开"}},
    {"三", {"收到和处理", "依申请"}},
    {"四", {"复议", "诉讼"}},
    {"五", {"问题"}},
    {"六", {"其他需要报告", "其他事项"}},
};

/* Words that mark a grid table as one of the report's tables 2–4 (its
 * header labels, spec §1.3–1.5). */
static const char *const table_words[] = {"信息内容", "新收政府信息公开申请数量", "本年新收",
                                          "结果维持", "第二十条"};

static bool head_at(const char *s, size_t len, size_t at, int k, size_t *title_at);

/* Whether bounded row r belongs to a grid table holding a report table: its
 * cells are the model's tables, not the section's text. */
static bool in_report_table(const gk_grid *g, const bool *report_table, size_t r)
{
    const gk_grow *row = &g->rows[r];

    return row->bounded && row->table && report_table[row->table];
}

/* A row that starts with a section heading stays in the text even inside a
 * report table (Word exports put headings in table rows). */
static bool row_is_heading(const gk_grid *g, size_t r)
{
    const gk_grow *row = &g->rows[r];
    const gk_gcell *c = row->ncells ? &g->cells[row->first] : NULL;
    size_t ta;
    int k;

    for (k = 0; c && k < 6; k++)
        if (head_at(c->text, c->len, 0, k, &ta))
            return true;
    return false;
}

/* Text of the grid: rows on lines, cells separated by one space. The rows
 * of the report's tables are left out: they are the model's tables 2–4,
 * and a section's text is what the report says around them. */
static int grid_text(gk_buf *out, const gk_grid *g)
{
    bool *report_table;
    size_t r, c, k, ntables = g->ntables;
    int error = 0;

    /* The Markdown and text front ends number their tables without
     * counting them in ntables. */
    for (r = 0; r < g->nrows; r++)
        if (g->rows[r].table > ntables)
            ntables = g->rows[r].table;
    report_table = gk_calloc(ntables + 1, sizeof(bool));
    if (!report_table)
        return gk__oom();
    for (r = 0; r < g->nrows; r++) {
        const gk_grow *row = &g->rows[r];
        if (!row->bounded || !row->table)
            continue;
        for (c = 0; c < row->ncells; c++)
            for (k = 0; k < GK_ARRAY_LEN(table_words); k++)
                if (strstr(g->cells[row->first + c].text, table_words[k]))
                    report_table[row->table] = true;
    }
    for (r = 0; r < g->nrows && !error; r++) {
        const gk_grow *row = &g->rows[r];
        if (in_report_table(g, report_table, r) && !row_is_heading(g, r))
            continue;
        for (c = 0; c < row->ncells && !error; c++) {
            const gk_gcell *cell = &g->cells[row->first + c];
            if (c)
                error = gk_buf_putc(out, ' ');
            if (!error)
                error = gk_buf_put(out, cell->text, cell->len);
        }
        if (!error)
            error = gk_buf_putc(out, '\n');
    }
    gk_free(report_table);
    return error;
}

/* The renderers' notes (render/layout.h): a section the report lacks, and a
 * table it lacks. They say that something is missing; they are not text. */
#define NOTE_ABSENT_TEXT  "（报告未载明此部分内容）"
#define NOTE_ABSENT_TABLE "（报告未载明此表）"

static bool blank_at(const char *s, size_t len, size_t i, size_t *w)
{
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
        *w = 1;
        return true;
    }
    if (i + 3 <= len && !memcmp(s + i, "\xE3\x80\x80", 3)) { /* U+3000 indent */
        *w = 3;
        return true;
    }
    return false;
}

/* A section's text as lines: tabs as spaces, runs of spaces as one, each
 * line trimmed of blanks and ideographic spaces (the indent of printed
 * paragraphs), empty lines and the renderers' table note dropped. Sets
 * *absent when the text is only the renderers' note for a missing section. */
static int clean_body(gk_buf *out, const char *s, size_t len, bool *absent)
{
    size_t i = 0, w;
    int error = 0;

    *absent = false;
    while (i < len && !error) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len, b = i, e = end, start = out->len, k;

        while (b < e && blank_at(s, e, b, &w))
            b += w;
        while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' ||
                         (e - b >= 3 && !memcmp(s + e - 3, "\xE3\x80\x80", 3))))
            e -= s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' ? 1 : 3;
        i = end + 1;
        if (e == b || (e - b == strlen(NOTE_ABSENT_TABLE) && !memcmp(s + b, NOTE_ABSENT_TABLE, e - b)))
            continue;
        if (e - b == strlen(NOTE_ABSENT_TEXT) && !memcmp(s + b, NOTE_ABSENT_TEXT, e - b)) {
            *absent = out->len == 0;
            continue;
        }
        if (out->len)
            error = gk_buf_putc(out, '\n');
        start = out->len;
        for (k = b; k < e && !error; k++) {
            char ch = s[k] == '\t' || s[k] == '\r' ? ' ' : s[k];
            if (ch == ' ' && out->len > start && out->ptr[out->len - 1] == ' ')
                continue;
            error = gk_buf_putc(out, ch);
        }
    }
    if (out->len)
        *absent = false;
    return error;
}

/* Whether s[at..] is heading k ("X、" and a title word within HEAD_WINDOW
 * code points). Allocates nothing (the window is on the stack): a failed
 * allocation must not read as "not a heading" and drop a section. */
static bool head_at(const char *s, size_t len, size_t at, int k, size_t *title_at)
{
    size_t nl = strlen(heads[k].no), i, n = 0, j, wlen = 0;
    char win[HEAD_WINDOW * 4 + 1]; /* HEAD_WINDOW code points of UTF-8 */
    bool ok = false;

    if (at + nl + 3 > len || memcmp(s + at, heads[k].no, nl) || memcmp(s + at + nl, "、", 3))
        return false;
    i = at + nl + 3;
    *title_at = i;
    while (i < len && n < HEAD_WINDOW) {
        size_t st = i;
        int32_t cp = gk_utf8_next(s, len, &i);
        if (cp == '\n')
            break;
        if (!gk_parse__is_space(cp)) {
            memcpy(win + wlen, s + st, i - st); /* i - st <= 4 */
            wlen += i - st;
            n++;
        }
    }
    win[wlen] = '\0';
    for (j = 0; j < 3 && heads[k].words[j]; j++)
        if (strstr(win, heads[k].words[j]))
            ok = true;
    return ok;
}

/* The printed title: the official one when the text starts with it, else up
 * to the end of the line or the first bracket, stop or digit (30 code points). */
static size_t title_len(const char *s, size_t len, int k, const char **official)
{
    const char *t = gk_section_title(k);
    size_t i = 0, n = 0, last = 0;

    *official = NULL;
    if (t && len >= strlen(t) && !memcmp(s, t, strlen(t))) {
        *official = t;
        return strlen(t);
    }
    while (i < len && n < 30) {
        size_t st = i;
        int32_t cp = gk_utf8_next(s, len, &i);
        if (cp == '\n' || cp == 0xFF08 || cp == '(' || cp == 0x3002 || (cp >= '0' && cp <= '9') ||
            cp == ' ' || cp == 0x3000 || cp == 0xFF1A || cp == ':') {
            i = st;
            break;
        }
        n++;
        last = i;
    }
    return last;
}

static void trim(const char **s, size_t *n)
{
    while (*n && ((*s)[0] == ' ' || (*s)[0] == '\n' || (*s)[0] == '\t')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\n' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

/* Agency and year from a title such as "平潭综合实验区2021年度政府信息公开工作
 * 年度报告" or "2024年上海市科委政府信息公开工作年度报告". */
static int agency_year(gk_report *r, const char *t, size_t n)
{
    const char *gov = memmem(t, n, "政府信息公开", strlen("政府信息公开"));
    size_t i, k, m;
    gk_buf b = GK_BUF_INIT;
    int error = 0;

    if (!gov)
        return 0;
    for (i = 0; i + 4 < (size_t)(gov - t) + 1 && i + 4 <= n; i++) {
        bool digits = true;
        for (k = 0; k < 4; k++)
            digits &= t[i + k] >= '0' && t[i + k] <= '9';
        if (!digits || (i && t[i - 1] >= '0' && t[i - 1] <= '9') || i + 7 > n ||
            memcmp(t + i + 4, "年", 3))
            continue;
        r->year = (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 +
                  (t[i + 3] - '0');
        {
            const char *a = t, *e = t + i;
            if (i == 0) { /* year first: the agency sits between 年 and 政府信息公开 */
                a = t + i + 7;
                if ((size_t)(gov - a) >= 3 && !memcmp(a, "度", 3))
                    a += 3;
                e = gov;
            }
            for (m = 0; a + m < e; m++) {
                char ch = a[m];
                if (ch != ' ' && ch != '\t')
                    error = gk_buf_putc(&b, ch);
                if (error)
                    break;
            }
        }
        break;
    }
    if (!error && b.len) {
        const char *a = b.ptr;
        size_t al = b.len;
        static const char *const prefixes[] = {"标题:", "标题：", "题目:"};
        for (k = 0; k < GK_ARRAY_LEN(prefixes); k++)
            if (al >= strlen(prefixes[k]) && !memcmp(a, prefixes[k], strlen(prefixes[k]))) {
                a += strlen(prefixes[k]);
                al -= strlen(prefixes[k]);
            }
        r->agency = gk_report_strdup(r, a, al);
        if (!r->agency)
            error = GK_ENOMEM;
    }
    gk_buf_release(&b);
    return error;
}

/* Appends s with its HTML character references decoded: the <title> of
 * the HTML grid is raw text (RCDATA), so "&amp;" in an agency's name must
 * read as "&". An unknown reference stays as it is. */
static int decode_refs(gk_buf *out, const char *s, size_t n)
{
    size_t i = 0;
    int error = 0;

    while (i < n && !error) {
        const char *semi = s[i] == '&' ? memchr(s + i, ';', n - i < 34 ? n - i : 34) : NULL;
        int32_t cp = semi ? gk_parse__entity(s + i + 1, (size_t)(semi - (s + i)) - 1) : -1;
        if (cp >= 0) {
            error = gk_utf8_put(out, cp);
            i = (size_t)(semi - s) + 1;
            continue;
        }
        error = gk_buf_putc(out, s[i++]);
    }
    return error;
}

/* A title printed over several short lines, as PDF text and Markdown
 * exports lay it out ("淮安市人民政府" / "2024 年政府信息公开工作年度报告", or
 * "正文" / "2024 年上海市科委政府信息公开工作" / "年度报告"): the first short
 * lines are joined without their white space (ASCII, U+3000) and Markdown
 * heading marks, a leading "正文" (a portal's label) is dropped, and joining
 * stops once the text has both 政府信息公开 and 报告. Appends nothing when
 * the first lines are not such a title. */
#define TITLE_LINES_MAX 6
#define TITLE_LINE_BYTES 200

static int title_block(gk_buf *out, const char *s, size_t len)
{
    size_t pos = 0, lines = 0, i;
    int error = 0;

    while (pos < len && lines < TITLE_LINES_MAX && error == 0) {
        const char *nl = memchr(s + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (s + pos)) : len - pos;
        const char *l = s + pos;
        bool blank = true;

        pos += n + 1;
        if (n > TITLE_LINE_BYTES) {
            gk_buf_clear(out);
            return 0;
        }
        for (i = 0; i < n && error == 0; i++) {
            if (l[i] == ' ' || l[i] == '\t' || l[i] == '\r' || (l[i] == '#' && out->len == 0))
                continue;
            if (i + 3 <= n && !memcmp(l + i, "\xE3\x80\x80", 3)) { /* U+3000 */
                i += 2;
                continue;
            }
            blank = false;
            error = gk_buf_putc(out, l[i]);
        }
        if (blank)
            continue;
        lines++;
        if (out->len >= 6 && !memcmp(out->ptr, "正文", 6)) {
            memmove(out->ptr, out->ptr + 6, out->len - 6);
            out->len -= 6;
        }
        if (out->len && memmem(out->ptr, out->len, "政府信息公开", strlen("政府信息公开")) &&
            memmem(out->ptr, out->len, "报告", strlen("报告")))
            return error;
    }
    gk_buf_clear(out);
    return error;
}

static int find_title(gk_report *r, const gk_grid *g, const char *s, size_t len)
{
    size_t pos = 0, lines = 0;
    gk_buf block = GK_BUF_INIT;
    int error;

    if (g->title && strstr(g->title, "政府信息公开")) {
        gk_buf t = GK_BUF_INIT;
        error = decode_refs(&t, g->title, strlen(g->title));
        if (!error)
            error = agency_year(r, t.ptr ? t.ptr : "", t.len);
        gk_buf_release(&t);
        return error;
    }
    error = title_block(&block, s, len);
    if (error == 0 && block.len)
        error = agency_year(r, block.ptr, block.len);
    gk_buf_release(&block);
    if (error < 0 || r->year || (r->agency && *r->agency))
        return error;
    while (pos < len && lines < 40) {
        const char *nl = memchr(s + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (s + pos)) : len - pos;
        if (memmem(s + pos, n < 600 ? n : 600, "报告", strlen("报告")) &&
            memmem(s + pos, n < 600 ? n : 600, "政府信息公开", strlen("政府信息公开")))
            return agency_year(r, s + pos, n < 600 ? n : 600);
        pos += n + 1;
        lines++;
    }
    return 0;
}

int gk_parse__sections(gk_report *r, const gk_grid *g)
{
    gk_buf text = GK_BUF_INIT, clean = GK_BUF_INIT;
    bool absent;
    size_t at[6], tat[6], found = 0, pos = 0, i, k;
    int idx[6];
    int error;

    if ((error = grid_text(&text, g)) < 0 || !text.ptr)
        goto done;
    error = find_title(r, g, text.ptr, text.len);
    if (error < 0)
        goto done;
    for (k = 0; k < 6; k++) {
        for (i = pos; i + 3 < text.len; i++) {
            size_t ta;
            if ((unsigned char)text.ptr[i] != 0xE4 && (unsigned char)text.ptr[i] != 0xE5 &&
                (unsigned char)text.ptr[i] != 0xE5)
                continue; /* every "一二三四五六" starts with E4 or E5 */
            if (head_at(text.ptr, text.len, i, (int)k, &ta)) {
                at[found] = i;
                tat[found] = ta;
                idx[found] = (int)k;
                found++;
                pos = ta;
                break;
            }
        }
    }
    if (found) {
        const char *p = text.ptr;
        size_t n = at[0];
        trim(&p, &n);
        r->preamble = gk_report_strdup(r, p, n);
        if (!r->preamble) {
            error = GK_ENOMEM;
            goto done;
        }
    }
    for (k = 0; k < found && !error; k++) {
        size_t end = k + 1 < found ? at[k + 1] : text.len;
        const char *official, *body;
        size_t tl = title_len(text.ptr + tat[k], end - tat[k], idx[k], &official), bl;
        char *title = gk_strndup(text.ptr + tat[k], tl);
        if (!title) {
            error = gk__oom();
            break;
        }
        body = text.ptr + tat[k] + tl;
        bl = end - (tat[k] + tl);
        trim(&body, &bl);
        gk_buf_clear(&clean);
        error = clean_body(&clean, body, bl, &absent);
        if (!error && !absent)
            error = gk_report_add_section(r, heads[idx[k]].no, official ? official : title,
                                          clean.ptr ? clean.ptr : "", clean.len);
        gk_free(title);
    }
done:
    gk_buf_release(&clean);
    gk_buf_release(&text);
    return error;
}
