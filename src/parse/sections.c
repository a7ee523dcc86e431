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

/* Text of the grid: rows on lines, cells separated by one space. */
static int grid_text(gk_buf *out, const gk_grid *g)
{
    size_t r, c;
    int error = 0;

    for (r = 0; r < g->nrows && !error; r++) {
        const gk_grow *row = &g->rows[r];
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
    return error;
}

static bool head_at(const char *s, size_t len, size_t at, int k, size_t *title_at)
{
    size_t nl = strlen(heads[k].no), i, n = 0, j;
    gk_buf win = GK_BUF_INIT;
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
            if (gk_buf_put(&win, s + st, i - st) < 0)
                break;
            n++;
        }
    }
    for (j = 0; j < 3 && heads[k].words[j] && win.ptr; j++)
        if (strstr(win.ptr, heads[k].words[j]))
            ok = true;
    gk_buf_release(&win);
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
                if (ch != ' ' && ch != '\t' && ch != '#' && ch != '*')
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

static int find_title(gk_report *r, const gk_grid *g, const char *s, size_t len)
{
    size_t pos = 0, lines = 0;

    if (g->title && strstr(g->title, "政府信息公开"))
        return agency_year(r, g->title, strlen(g->title));
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
    gk_buf text = GK_BUF_INIT;
    size_t at[6], tat[6], found = 0, pos = 0, i, k;
    int idx[6];
    int error;

    if ((error = grid_text(&text, g)) < 0 || !text.ptr)
        goto done;
    if ((error = find_title(r, g, text.ptr, text.len)) < 0)
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
        error = gk_report_add_section(r, heads[idx[k]].no, official ? official : title, body, bl);
        gk_free(title);
    }
done:
    gk_buf_release(&text);
    return error;
}
