/*
 * pdf.c: tests of the PDF renderer (src/render/pdf*.c): byte-identical
 * output (also across time zones), the fixed creation date, and, read
 * back with poppler's pdftotext: every text of the document walk (title,
 * headings, paragraphs, every label and number of tables 2–4) in the
 * walk's order, page numbers "— n —" on every page, a table cut by a page
 * break repeating its header rows without cutting a row, the 2019 and
 * collapsed fixtures, and hostile text (a 20,000-character word, 1 MB of
 * section text, control characters, invalid UTF-8, a huge cell) that
 * renders without a crash or a hang and loses no visible character.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include "gk/errors.h"
#include "gk/render.h"
#include "render/layout.h"
#include "test.h"

static gk_report *load(const char *name)
{
    size_t len;
    char *data = gk_test_slurp(gk_test_path(name), &len);
    gk_report *r = NULL;

    if (!data || gk_report_from_json(&r, data, len) < 0)
        r = NULL;
    gk_free(data);
    return r;
}

static int render(gk_buf *out, const gk_report *r)
{
    gk_buf_release(out);
    return gk_render(out, r, GK_RENDER_PDF);
}

/* With GK_TEST_PDF_DIR set, keeps a copy of pdf there as <name>.pdf (to
 * look at the pages). */
static void keep(const gk_buf *pdf, const char *name)
{
    const char *dir = getenv("GK_TEST_PDF_DIR");
    char path[512];
    FILE *f;

    if (!dir)
        return;
    snprintf(path, sizeof path, "%s/%s.pdf", dir, name);
    f = fopen(path, "wb");
    if (f) {
        fwrite(pdf->ptr, 1, pdf->len, f);
        fclose(f);
    }
}

static bool have_pdftotext(void)
{
    return system("pdftotext -v >/dev/null 2>&1") == 0;
}

/* The text of pdf (content-stream order, "-raw"), pages separated by
 * '\f', all other white space removed; NULL on failure. */
static char *pdf_text(const gk_buf *pdf)
{
    char path[] = "/tmp/gk-test-pdf-XXXXXX", cmd[128];
    int fd = mkstemp(path);
    gk_buf text = GK_BUF_INIT;
    FILE *p;
    int ch;

    if (fd < 0)
        return NULL;
    if (write(fd, pdf->ptr, pdf->len) != (ssize_t)pdf->len) {
        close(fd);
        unlink(path);
        return NULL;
    }
    close(fd);
    snprintf(cmd, sizeof cmd, "pdftotext -q -raw -enc UTF-8 %s -", path);
    p = popen(cmd, "r");
    while (p && (ch = getc(p)) != EOF)
        if (ch == '\f' || (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t'))
            if (gk_buf_putc(&text, (char)ch) < 0)
                break;
    if (!p || pclose(p) != 0 || !text.ptr) {
        unlink(path);
        gk_buf_release(&text);
        return NULL;
    }
    unlink(path);
    return gk_buf_take(&text, NULL);
}

/* Appends s without white space and a NUL: one expected token. */
static int token(gk_buf *b, const char *s, size_t len)
{
    size_t i;
    int error = 0;

    for (i = 0; i < len && error == 0; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            error = gk_buf_putc(b, s[i]);
    return error ? error : gk_buf_put(b, "", 1);
}

/* A walk that lists every text of the document, in order, as tokens. */
static int t_begin(void *ctx, const gk_report *r, const char *title)
{
    (void)r;
    return token(ctx, title, strlen(title));
}
static int t_heading(void *ctx, const char *h)
{
    return token(ctx, h, strlen(h));
}
static int t_para(void *ctx, const char *text, size_t len)
{
    return token(ctx, text, len);
}
static int t_table(void *ctx, const gk_layout_table *t)
{
    char num[64];
    size_t i;
    int error = 0;

    for (i = 0; i < t->ncells && error == 0; i++) {
        const char *s = gk_render__cell_text(&t->cells[i], num, sizeof num);
        if (s[0])
            error = token(ctx, s, strlen(s));
    }
    return error;
}
static int t_end(void *ctx)
{
    (void)ctx;
    return 0;
}

/* text without page breaks and page numbers ("—12—"), which cut
 * paragraphs and tables that go on to the next page. */
static char *unpaged(const char *text)
{
    gk_buf b = GK_BUF_INIT;
    const char *p = text;

    while (*p) {
        const char *d = p + 3;
        if (!strncmp(p, "—", 3) && *d >= '0' && *d <= '9') {
            while (*d >= '0' && *d <= '9')
                d++;
            if (!strncmp(d, "—", 3)) {
                p = d + 3;
                continue;
            }
        }
        if (*p != '\f' && gk_buf_putc(&b, *p) < 0)
            break;
        p++;
    }
    return gk_buf_take(&b, NULL);
}

/* Every token of r's walk occurs in the text (pages joined), each after
 * the previous one; the first missing token is reported. */
static bool in_order(const gk_report *r, const char *paged)
{
    static const gk_render_ops ops = {t_begin, t_heading, t_para, t_table, t_heading, t_end};
    gk_buf toks = GK_BUF_INIT;
    char *text = unpaged(paged);
    const char *at = text, *tok;
    size_t n = 0;
    bool ok = text && gk_render__walk(r, &ops, &toks) == 0 && toks.len > 0;

    for (tok = toks.ptr; ok && tok < toks.ptr + toks.len; tok += strlen(tok) + 1, n++) {
        const char *hit = strstr(at, tok);
        if (!hit) {
            fprintf(stderr, "  token %zu '%s' missing after offset %zu%s\n", n, tok,
                    (size_t)(at - text), strstr(text, tok) ? " (found earlier)" : "");
            ok = false;
        } else
            at = hit + strlen(tok);
    }
    gk_buf_release(&toks);
    gk_free(text);
    return ok && n > 100;
}

/* Page count (form feeds) and every page's number "—n—" on it. */
static int pages_numbered(const char *text)
{
    const char *page = text;
    int n = 0;

    while (*page) {
        const char *ff = strchr(page, '\f');
        size_t len = ff ? (size_t)(ff - page) : strlen(page);
        char folio[32], *copy;

        n++;
        snprintf(folio, sizeof folio, "—%d—", n);
        copy = gk_strndup(page, len);
        if (!copy || !strstr(copy, folio)) {
            fprintf(stderr, "  page %d lacks '%s'\n", n, folio);
            gk_free(copy);
            return -1;
        }
        gk_free(copy);
        if (!ff)
            break;
        page = ff + 1;
    }
    return n;
}

/* The text of the page holding needle (a copy), or NULL. */
static char *page_with(const char *text, const char *needle)
{
    const char *hit = strstr(text, needle), *a, *b;

    if (!hit)
        return NULL;
    for (a = hit; a > text && a[-1] != '\f'; a--)
        ;
    b = strchr(hit, '\f');
    return gk_strndup(a, b ? (size_t)(b - a) : strlen(a));
}

static size_t count_str(const char *s, const char *needle)
{
    size_t n = 0;

    while ((s = strstr(s, needle)) != NULL) {
        n++;
        s += strlen(needle);
    }
    return n;
}

static size_t count_char(const char *s, char c)
{
    size_t n = 0;

    for (; *s; s++)
        n += *s == c;
    return n;
}

GK_TEST(render_pdf, deterministic_bytes)
{
    gk_report *r = load("tests/resources/seed-2024.json");
    gk_buf a = GK_BUF_INIT, b = GK_BUF_INIT;
    const char *tz = getenv("TZ");
    char *saved = tz ? gk_strdup(tz) : NULL;
    const char *date;

    GK_T_OK(r);
    GK_T_CALL(render(&a, r));
    setenv("TZ", "Asia/Tokyo", 1);
    tzset();
    GK_T_CALL(render(&b, r));
    if (saved)
        setenv("TZ", saved, 1);
    else
        unsetenv("TZ");
    tzset();
    gk_free(saved);
    GK_T_OK(a.len > 10000 && !memcmp(a.ptr, "%PDF-1.", 7));
    /* cairo 1.16 writes "(20210926000000Z)", later versions "(D:…)" */
    date = memmem(a.ptr, a.len, "/CreationDate (", 15);
    GK_T_OK(date && memmem(date, 32, "20210926000000", 14));
    GK_T_OK(memmem(a.ptr, a.len, "/Creator (gongkai)", 18));
    GK_T_MEM_EQ(a.ptr, a.len, b.ptr, b.len);
    gk_buf_release(&a);
    gk_buf_release(&b);
    gk_report_free(r);
}

GK_TEST(render_pdf, appends_and_names)
{
    gk_report *r = load("tests/resources/seed-2024.json");
    gk_buf a = GK_BUF_INIT;

    GK_T_OK(r);
    GK_T_INT_EQ(gk_render_format_from_name("pdf"), GK_RENDER_PDF);
    GK_T_STR_EQ(gk_render_format_mime(GK_RENDER_PDF), "application/pdf");
    GK_T_OK(gk_render_format_is_binary(GK_RENDER_PDF));
    GK_T_CALL(gk_buf_puts(&a, "head"));
    GK_T_CALL(gk_render(&a, r, GK_RENDER_PDF));
    GK_T_OK(!memcmp(a.ptr, "head%PDF-", 9));
    GK_T_OK(memmem(a.ptr, a.len, "%%EOF", 5));
    gk_buf_release(&a);
    gk_report_free(r);
}

/* A buffer too small for the document: an error, and the buffer keeps
 * only what it held before. */
GK_TEST(render_pdf, capped_buffer)
{
    gk_report *r = load("tests/resources/seed-2024.json");
    gk_buf a;
    int error;

    GK_T_OK(r);
    gk_buf_init(&a, 4096);
    GK_T_CALL(gk_buf_puts(&a, "x"));
    error = gk_render(&a, r, GK_RENDER_PDF);
    GK_T_INT_EQ(error, GK_ETOOBIG);
    GK_T_INT_EQ((int)a.len, 1);
    gk_buf_release(&a);
    gk_report_free(r);
}

GK_TEST(render_pdf, seed_text_in_walk_order)
{
    gk_report *r = load("tests/resources/seed-2024.json");
    gk_buf a = GK_BUF_INIT;
    char *text;
    int pages;

    if (!have_pdftotext())
        GK_T_SKIP("pdftotext (poppler-utils) not installed");
    GK_T_OK(r);
    GK_T_CALL(render(&a, r));
    keep(&a, "seed");
    text = pdf_text(&a);
    GK_T_OK(text);
    if (text) {
        GK_T_OK(in_order(r, text));
        /* a few labels spelled out, independently of layout.c */
        GK_T_OK(strstr(text, "福州市鼓楼区人民政府2024年政府信息公开工作年度报告"));
        GK_T_OK(
            strstr(text, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"));
        GK_T_OK(strstr(text, "3.危及“三安全一稳定”"));
        GK_T_OK(strstr(text,
                       "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"));
        GK_T_OK(strstr(text, "第二十条第（八）项"));
        GK_T_OK(strstr(text, "未经复议直接起诉"));
        pages = pages_numbered(text);
        GK_T_OK(pages >= 3);
    }
    gk_free(text);
    gk_buf_release(&a);
    gk_report_free(r);
}

GK_TEST(render_pdf, fixtures_2019_and_collapsed)
{
    static const char *const names[] = {"tests/resources/render/report-2019.json",
                                        "tests/resources/render/report-collapsed.json"};
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(names); i++) {
        gk_report *r = load(names[i]);
        gk_buf a = GK_BUF_INIT;
        char *text;

        GK_T_OK(r);
        if (!r)
            continue;
        GK_T_CALL(render(&a, r));
        if (have_pdftotext()) {
            text = pdf_text(&a);
            GK_T_OK(text && in_order(r, text) && pages_numbered(text) > 0);
            gk_free(text);
        }
        gk_buf_release(&a);
        gk_report_free(r);
    }
}

static gk_section *section(gk_report *r, const char *no)
{
    size_t i;

    for (i = 0; i < r->nsections; i++)
        if (r->sections[i].no && !strcmp(r->sections[i].no, no))
            return &r->sections[i];
    return NULL;
}

/* A tall row in table 3 (a cell of 34 characters in a narrow column)
 * makes the table longer than a page: the page holding that row repeats
 * the header rows, and the row's label is on the same page as its text. */
GK_TEST(render_pdf, long_table_repeats_header)
{
    gk_report *r = load("tests/resources/seed-2024.json");
    gk_buf a = GK_BUF_INIT, s = GK_BUF_INIT;
    int row = gk_t3_row_from_key("CARRIED_OUT", 11), i;
    char *text = NULL, *page;

    GK_T_OK(r && row >= 0);
    if (!r || row < 0)
        goto done;
    for (i = 0; i < 8; i++)
        GK_T_CALL(gk_buf_puts(&s, "无法辨认"));
    GK_T_CALL(gk_buf_puts(&s, "尾标"));
    r->t3[row][0].state = GK_CELL_UNREADABLE;
    r->t3[row][0].text = gk_report_strdup(r, s.ptr, s.len);
    GK_T_CALL(render(&a, r));
    keep(&a, "long-table");
    if (!have_pdftotext())
        GK_T_SKIP("pdftotext (poppler-utils) not installed");
    text = pdf_text(&a);
    GK_T_OK(text);
    page = text ? page_with(text, "尾标") : NULL;
    GK_T_OK(page);
    if (page) {
        GK_T_OK(strstr(page, "四、结转下年度继续办理"));
        GK_T_OK(strstr(page, "申请人情况") && strstr(page, "法律服务机构"));
        /* and it is not the page where the table began */
        GK_T_OK(!strstr(page, "一、本年新收政府信息公开申请数量"));
    }
    gk_free(page);
    GK_T_OK(text && pages_numbered(text) > 0);
done:
    gk_free(text);
    gk_buf_release(&a);
    gk_buf_release(&s);
    gk_report_free(r);
}

GK_TEST(render_pdf, hostile_text)
{
    gk_report *r = load("tests/resources/seed-2024.json");
    gk_section *s1 = r ? section(r, "一") : NULL, *s5 = r ? section(r, "五") : NULL;
    gk_buf a = GK_BUF_INIT, w = GK_BUF_INIT;
    int row = gk_t3_row_from_key("R_GRANT", 7), i, reps;
    char *text = NULL, *joined = NULL, *p;
    clock_t t0;

    GK_T_OK(r && s1 && s5 && row >= 0);
    if (!r || !s1 || !s5 || row < 0)
        goto done;
    /* one 20,000-letter word, control characters (C0, DEL, C1 U+0085,
     * U+2028), invalid UTF-8, a tab */
    GK_T_CALL(gk_buf_puts(&w, "甲\x01\x02\x1b[31m乙\x7f丙\xc2\x85丁\xe2\x80\xa8戊\xff\xfe己\t庚 "));
    for (i = 0; i < 20000; i++)
        GK_T_CALL(gk_buf_putc(&w, 'W'));
    s1->text = gk_report_strdup(r, w.ptr, w.len);
    /* about 1 MB of section text in one paragraph */
    gk_buf_clear(&w);
    for (reps = 0; w.len < 1024 * 1024; reps++)
        GK_T_CALL(gk_buf_puts(&w, "本机关依法受理政府信息公开申请，按时答复，"));
    GK_T_CALL(gk_buf_puts(&w, "全文完"));
    s5->text = gk_report_strdup(r, w.ptr, w.len);
    /* a cell of 100,000 characters */
    gk_buf_clear(&w);
    for (i = 0; i < 100000; i++)
        GK_T_CALL(gk_buf_puts(&w, "格"));
    r->t3[row][3].state = GK_CELL_UNREADABLE;
    r->t3[row][3].text = gk_report_strdup(r, w.ptr, w.len);
    /* a section of its own whose title (an outline entry) has PDF string
     * delimiters */
    GK_T_CALL(gk_report_add_section(r, "七", "Extra (a) \\ ) ( end", "附加节正文", 15));

    t0 = clock();
    GK_T_CALL(render(&a, r));
    keep(&a, "hostile");
    fprintf(stderr, "  hostile report: %zu bytes of PDF in %.1f s CPU\n", a.len,
            (double)(clock() - t0) / CLOCKS_PER_SEC);
    if (!have_pdftotext())
        GK_T_SKIP("pdftotext (poppler-utils) not installed");
    text = pdf_text(&a);
    GK_T_OK(text);
    if (!text)
        goto done;
    GK_T_OK(strstr(text, "甲[31m乙丙丁戊\xef\xbf\xbd\xef\xbf\xbd己庚W"));
    p = strstr(text, "庚");
    GK_T_OK(p && count_char(p, 'W') == 20000);
    /* every sentence of the 1 MB paragraph (pages joined) */
    joined = unpaged(text);
    GK_T_OK(joined && count_str(joined, "按时答复") == (size_t)reps);
    GK_T_OK(strstr(text, "全文完"));
    GK_T_OK(strstr(text, "七、Extra(a)\\)(end附加节正文"));
    /* the cell is cut (and clipped to a page): some of it, not all */
    GK_T_OK(strstr(text, "格格格") && count_str(text, "格") < 1000);
    GK_T_OK(pages_numbered(text) > 100);
done:
    gk_free(text);
    gk_free(joined);
    gk_buf_release(&a);
    gk_buf_release(&w);
    gk_report_free(r);
}
