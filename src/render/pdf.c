/*
 * pdf.c: the annual report as a PDF in the layout of an official document
 * (GB/T 9704-2012, approximately: see pdf_int.h for the page): A4, the
 * title, the six sections of 条例第五十条 with their text, and tables 2–4
 * after sections 二–四 (pdf_table.c), in the order of gk_render__walk.
 *
 * Type (GB/T 9704 §5.2.2 and §7; the standard's fonts are not free, so
 * Noto CJK stands in): title 二号 (22 pt) 小标宋 → Noto Serif CJK SC Bold;
 * first-level headings 三号 (16 pt) 黑体 → Noto Sans CJK SC; body text
 * 三号 仿宋 → Noto Serif CJK SC, 22 lines to the page (a 29 pt line
 * pitch over the 225 mm text block), each paragraph indented two
 * characters (§7.3.3); page numbers 四号 (14 pt) as "— 1 —", 7 mm below the text
 * block, odd pages at the right and even pages at the left, one character
 * in from the edge (§7.5). Tables use 五号 (10.5 pt) Noto Sans CJK SC.
 *
 * A heading is held until what follows it is known, so that it never ends
 * a page alone (keep with next). Headings are also the PDF outline.
 *
 * Output is deterministic: the creation date is fixed (below), cairo's
 * font subsets are named from their glyphs, and nothing else depends on
 * the clock or the environment (fonts aside: another fontconfig set-up
 * gives other bytes).
 */
#include <stdio.h>
#include "pdf_int.h"

#define PITCH_BODY  (GK_PDF_BODY_H / 22) /* GB/T 9704 §5.2.3: 22 lines a page */
#define PITCH_TITLE 36.0
#define SIZE_TITLE  22.0
#define SIZE_TEXT   16.0
#define SIZE_CELL   10.5
#define SIZE_FOLIO  14.0
#define INDENT      (2 * SIZE_TEXT) /* two characters */
#define FOLIO_GAP   GK_PDF_MM(7.0)  /* 一字线上距版心下边缘 7 mm */

/* 2021-09-26, the date of 国办公开办函〔2021〕30号 (the report format), as
 * in the XLSX: a fixed creation date keeps two renders byte-identical. */
#define CREATE_DATE "2021-09-26T00:00:00Z"

#define FONT_SERIF "Noto Serif CJK SC"
#define FONT_SANS  "Noto Sans CJK SC"

/* ------------------------------------------------------------- text */

static bool is_dropped(gunichar c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
}

int gk_render__pdf_clean(gk_pdf_doc *d, const char *s, size_t len, size_t max_chars,
                         const char **out)
{
    size_t i = 0, nchars = 0;
    int error = 0;

    gk_buf_clear(&d->text);
    while (i < len && error == 0) {
        unsigned char ch = (unsigned char)s[i];
        size_t run = i;

        if (max_chars && nchars >= max_chars) {
            error = gk_buf_puts(&d->text, "…");
            break;
        }
        /* printable ASCII: copied as a run */
        while (run < len && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7F &&
               (!max_chars || nchars + (run - i) < max_chars))
            run++;
        if (run > i) {
            nchars += run - i;
            error = gk_buf_put(&d->text, s + i, run - i);
            i = run;
            continue;
        }
        if (ch < 0x80) {
            i++;
            if (ch == '\t' || ch == '\n' || ch == '\r') {
                error = gk_buf_putc(&d->text, ' ');
                nchars++;
            }
            continue;
        }
        {
            gunichar c = g_utf8_get_char_validated(s + i, (gssize)(len - i));

            if (c == (gunichar)-1 || c == (gunichar)-2) {
                error = gk_buf_puts(&d->text, "\xEF\xBF\xBD"); /* U+FFFD */
                i++;
                nchars++;
                continue;
            }
            run = (size_t)(g_utf8_next_char(s + i) - (s + i));
            if (c == 0x2028 || c == 0x2029) {
                error = gk_buf_putc(&d->text, ' ');
                nchars++;
            } else if (!is_dropped(c)) {
                error = gk_buf_put(&d->text, s + i, run);
                nchars++;
            }
            i += run;
        }
    }
    /* gk_buf_cstr gives "" for a buffer never appended to */
    *out = gk_buf_cstr(&d->text);
    return error;
}

PangoLayout *gk_render__pdf_layout(gk_pdf_doc *d, const PangoFontDescription *fd, const char *text,
                                   int len, double width, PangoAlignment align)
{
    PangoLayout *l = pango_layout_new(d->pc);

    pango_layout_set_font_description(l, fd);
    if (width > 0) {
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_alignment(l, align);
    pango_layout_set_attributes(l, d->attrs);
    pango_layout_set_text(l, text, len);
    return l;
}

void gk_render__pdf_size(PangoLayout *l, double *w, double *h)
{
    PangoRectangle log;

    pango_layout_get_extents(l, NULL, &log);
    if (w)
        *w = (double)log.width / PANGO_SCALE;
    if (h)
        *h = (double)log.height / PANGO_SCALE;
}

/* Draws the lines of l at a fixed pitch from d->y down, starting a new
 * page whenever the next line would pass the bottom of the text block;
 * each line is centred vertically in its pitch. */
static int flow(gk_pdf_doc *d, PangoLayout *l, double pitch)
{
    PangoLayoutIter *it = pango_layout_get_iter(l);
    int error = 0;

    do {
        PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
        PangoRectangle pos, ext;

        if (!d->fresh && d->y + pitch > GK_PDF_BODY_BOT + 0.01)
            error = gk_render__pdf_new_page(d);
        if (error < 0)
            break;
        pango_layout_iter_get_line_extents(it, NULL, &pos);
        pango_layout_line_get_extents(line, NULL, &ext);
        cairo_move_to(d->cr, GK_PDF_TEXT_X + (double)pos.x / PANGO_SCALE,
                      d->y + (pitch - (double)ext.height / PANGO_SCALE) / 2 -
                          (double)ext.y / PANGO_SCALE);
        pango_cairo_show_layout_line(d->cr, line);
        d->y += pitch;
        d->fresh = false;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return error;
}

/* Where to end the chunk of text t[0..len) that starts a layout: all of
 * it up to CHUNK_MAX bytes, else after the last "。" in the final quarter
 * of the window, else at the last character boundary. Pango 1.50 stops
 * wrapping a paragraph after about 256 KB (the rest came out as one line
 * of 786 KB, off the page), so a longer paragraph is laid out in chunks;
 * the only trace is a short line where a chunk ends, and no real
 * paragraph is that long. */
#define CHUNK_MAX ((size_t)32768)
static size_t chunk_len(const char *t, size_t len)
{
    size_t n = CHUNK_MAX, k;

    if (len <= CHUNK_MAX)
        return len;
    for (k = n; k >= 3 && k > n - n / 4; k--)
        if (!memcmp(t + k - 3, "\xE3\x80\x82", 3))
            return k;
    while (n > 1 && ((unsigned char)t[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* How a block of text is set: font, line pitch, first-line indent,
 * alignment, justification, and whether it is a heading (an entry of the
 * PDF outline, kept on one page with `keep` points of what follows). */
typedef struct {
    double pitch, indent;
    PangoAlignment align;
    bool justify, heading;
} block_style;

static const block_style st_title = {PITCH_TITLE, 0, PANGO_ALIGN_CENTER, false, false};
static const block_style st_heading = {PITCH_BODY, INDENT, PANGO_ALIGN_LEFT, false, true};
static const block_style st_body = {PITCH_BODY, INDENT, PANGO_ALIGN_LEFT, true, false};

/* Sets the cleaned text t[0..len) (d->text) in font fd. */
static int put_block(gk_pdf_doc *d, const PangoFontDescription *fd, const block_style *st,
                     const char *t, size_t len, double keep)
{
    size_t at = 0;
    int error = 0;

    do {
        size_t n = chunk_len(t + at, len - at);
        PangoLayout *l = gk_render__pdf_layout(d, fd, t + at, (int)n, GK_PDF_TEXT_W, st->align);
        char dest[96];

        if (at == 0)
            pango_layout_set_indent(l, (int)(st->indent * PANGO_SCALE));
        pango_layout_set_justify(l, st->justify);
        if (at == 0 && st->heading) {
            double h = pango_layout_get_line_count(l) * st->pitch;
            if (!d->fresh && d->y + h + keep > GK_PDF_BODY_BOT + 0.01)
                error = gk_render__pdf_new_page(d);
            snprintf(dest, sizeof dest, "page=%d pos=[%.1f %.1f]", d->page, GK_PDF_TEXT_X, d->y);
            if (error == 0)
                cairo_pdf_surface_add_outline(d->surface, CAIRO_PDF_OUTLINE_ROOT, t, dest, 0);
        }
        if (error == 0)
            error = flow(d, l, st->pitch);
        g_object_unref(l);
        at += n;
    } while (at < len && error == 0);
    return error;
}

/* A paragraph or a note (after a held heading). */
static int put_paragraph(gk_pdf_doc *d, const char *s, size_t len)
{
    const char *text;
    /* first: releasing a heading uses d->text */
    int error = gk_render__pdf_release_held(d, PITCH_BODY);

    if (error == 0)
        error = gk_render__pdf_clean(d, s, len, 0, &text);
    if (error == 0)
        error = put_block(d, d->f_body, &st_body, text, d->text.len, -1);
    return error;
}

/* -------------------------------------------------------------- pages */

/* The folio of the current page (GB/T 9704 §7.5). */
static void put_folio(gk_pdf_doc *d)
{
    char s[64];
    PangoLayout *l;
    double w, x;

    snprintf(s, sizeof s, "— %d —", d->page);
    l = gk_render__pdf_layout(d, d->f_folio, s, -1, 0, PANGO_ALIGN_LEFT);
    gk_render__pdf_size(l, &w, NULL);
    x = d->page % 2 ? GK_PDF_TEXT_X + GK_PDF_TEXT_W - SIZE_FOLIO - w : GK_PDF_TEXT_X + SIZE_FOLIO;
    cairo_move_to(d->cr, x, GK_PDF_BODY_BOT + FOLIO_GAP);
    pango_cairo_show_layout(d->cr, l);
    g_object_unref(l);
}

int gk_render__pdf_status(gk_pdf_doc *d)
{
    cairo_status_t st = cairo_status(d->cr);

    if (st == CAIRO_STATUS_SUCCESS)
        st = cairo_surface_status(d->surface);
    if (d->write_error)
        return d->write_error;
    if (st == CAIRO_STATUS_SUCCESS)
        return 0;
    if (st == CAIRO_STATUS_NO_MEMORY)
        return gk__oom();
    gk_error_set(GK_ERRCLASS_RENDER, "PDF: %s", cairo_status_to_string(st));
    return GK_ERROR;
}

int gk_render__pdf_new_page(gk_pdf_doc *d)
{
    put_folio(d);
    cairo_show_page(d->cr);
    d->page++;
    d->y = GK_PDF_BODY_TOP;
    d->fresh = true;
    /* a failed stream write shows here, so that a capped buffer stops a
     * runaway document at the page where it filled up */
    return gk_render__pdf_status(d);
}

double gk_render__pdf_held_height(gk_pdf_doc *d)
{
    const char *text;
    PangoLayout *l;
    double h;

    if (!d->holding || gk_render__pdf_clean(d, d->held.ptr, d->held.len, 0, &text) < 0)
        return 0;
    l = gk_render__pdf_layout(d, d->f_heading, text, (int)chunk_len(text, d->text.len),
                              GK_PDF_TEXT_W, st_heading.align);
    pango_layout_set_indent(l, (int)(st_heading.indent * PANGO_SCALE));
    h = pango_layout_get_line_count(l) * st_heading.pitch;
    g_object_unref(l);
    return h;
}

int gk_render__pdf_release_held(gk_pdf_doc *d, double next)
{
    const char *text;
    int error;

    if (!d->holding)
        return 0;
    d->holding = false;
    error = gk_render__pdf_clean(d, d->held.ptr, d->held.len, 0, &text);
    return error < 0 ? error : put_block(d, d->f_heading, &st_heading, text, d->text.len, next);
}

/* ------------------------------------------------------ walk callbacks */

/* GB/T 9704 §7.3.1: a title that takes two lines breaks where the sense
 * allows ("词意完整"). The walk's title is "<agency><year>年政府信息公开
 * 工作年度报告"; when it does not fit on one line, it is broken after
 * "<year>年", so that the agency and year make one line and the kind of
 * report the other, instead of wherever the line happens to end. */
static int on_begin(void *ctx, const gk_report *r, const char *title)
{
    gk_pdf_doc *d = ctx;
    const char *text, *cut = NULL;
    PangoLayout *l;
    gk_buf split = GK_BUF_INIT;
    char year[16];
    int error = gk_render__pdf_clean(d, title, strlen(title), 0, &text);

    if (error < 0)
        return error;
    cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, text);
    l = gk_render__pdf_layout(d, d->f_title, text, (int)chunk_len(text, d->text.len), GK_PDF_TEXT_W,
                              st_title.align);
    snprintf(year, sizeof year, "%d年", r->year);
    if (pango_layout_get_line_count(l) > 1 && r->year && (cut = strstr(text, year)) != NULL) {
        cut += strlen(year);
        if (*cut)
            error = gk_buf_printf(&split, "%.*s\n%s", (int)(cut - text), text, cut);
    }
    g_object_unref(l);
    if (error == 0 && split.len)
        error = put_block(d, d->f_title, &st_title, split.ptr, split.len, -1);
    else if (error == 0)
        error = put_block(d, d->f_title, &st_title, text, d->text.len, -1);
    gk_buf_release(&split);
    d->y += PITCH_BODY; /* one empty line under the title, where §7.3.2 puts the addressee */
    return error;
}

static int on_heading(void *ctx, const char *heading)
{
    gk_pdf_doc *d = ctx;
    int error = gk_render__pdf_release_held(d, 0);

    gk_buf_clear(&d->held);
    if (error == 0)
        error = gk_buf_puts(&d->held, heading);
    d->holding = error == 0;
    return error;
}

static int on_paragraph(void *ctx, const char *text, size_t len)
{
    return put_paragraph(ctx, text, len);
}

static int on_note(void *ctx, const char *text)
{
    return put_paragraph(ctx, text, strlen(text));
}

static int on_table(void *ctx, const gk_layout_table *t)
{
    gk_pdf_doc *d = ctx;
    int error = gk_render__pdf_table(d, t);

    d->y += PITCH_BODY / 2;
    return error;
}

static int on_end(void *ctx)
{
    gk_pdf_doc *d = ctx;
    int error = gk_render__pdf_release_held(d, 0);

    if (error == 0) {
        put_folio(d);
        cairo_show_page(d->cr);
        error = gk_render__pdf_status(d);
    }
    return error;
}

/* ------------------------------------------------------------ document */

static cairo_status_t write_cb(void *closure, const unsigned char *data, unsigned int len)
{
    gk_pdf_doc *d = closure;

    if (d->write_error == 0)
        d->write_error = gk_buf_put(d->out, data, len);
    return d->write_error ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

static PangoFontDescription *font(const char *family, PangoWeight weight, double size)
{
    PangoFontDescription *fd = pango_font_description_new();

    pango_font_description_set_family_static(fd, family);
    pango_font_description_set_weight(fd, weight);
    pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
    return fd;
}

/* The Pango context: a font map of the document's own (see below),
 * language zh-CN, unhinted metrics and unrounded positions (a PDF is
 * scaled, never drawn on a pixel grid). */
static void open_context(gk_pdf_doc *d)
{
    cairo_font_options_t *fo = cairo_font_options_create();

    d->fm = pango_cairo_font_map_new();
    d->pc = pango_font_map_create_context(d->fm);
    pango_context_set_language(d->pc, pango_language_from_string("zh-cn"));
    pango_context_set_round_glyph_positions(d->pc, FALSE);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(d->pc, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_update_context(d->cr, d->pc);
    /* a word broken for want of room is not hyphenated: a hyphen inside a
     * number or a file number would read as part of it */
    d->attrs = pango_attr_list_new();
    pango_attr_list_insert(d->attrs, pango_attr_insert_hyphens_new(FALSE));
    d->f_title = font(FONT_SERIF, PANGO_WEIGHT_BOLD, SIZE_TITLE);
    d->f_heading = font(FONT_SANS, PANGO_WEIGHT_NORMAL, SIZE_TEXT);
    d->f_body = font(FONT_SERIF, PANGO_WEIGHT_NORMAL, SIZE_TEXT);
    d->f_cell = font(FONT_SANS, PANGO_WEIGHT_NORMAL, SIZE_CELL);
    d->f_head = font(FONT_SANS, PANGO_WEIGHT_BOLD, SIZE_CELL);
    d->f_folio = font(FONT_SERIF, PANGO_WEIGHT_NORMAL, SIZE_FOLIO);
}

static void close_doc(gk_pdf_doc *d)
{
    PangoFontDescription **fds[] = {&d->f_title, &d->f_heading, &d->f_body,
                                    &d->f_cell,  &d->f_head,    &d->f_folio};
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(fds); i++)
        if (*fds[i])
            pango_font_description_free(*fds[i]);
    if (d->attrs)
        pango_attr_list_unref(d->attrs);
    if (d->pc)
        g_object_unref(d->pc);
    if (d->fm)
        g_object_unref(d->fm);
    cairo_destroy(d->cr);
    cairo_surface_destroy(d->surface);
    gk_buf_release(&d->text);
    gk_buf_release(&d->held);
}

int gk_render__pdf(gk_buf *out, const gk_report *r)
{
    static const gk_render_ops ops = {on_begin, on_heading, on_paragraph,
                                      on_table, on_note,    on_end};
    gk_pdf_doc d = {0};
    size_t start = out->len;
    int error;

    d.out = out;
    d.page = 1;
    d.y = GK_PDF_BODY_TOP;
    d.fresh = true;
    gk_buf_init(&d.text, GK_BUF_DEFAULT_MAX);
    gk_buf_init(&d.held, GK_BUF_DEFAULT_MAX);
    d.surface = cairo_pdf_surface_create_for_stream(write_cb, &d, GK_PDF_PAGE_W, GK_PDF_PAGE_H);
    cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_CREATOR, "gongkai");
    cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_CREATE_DATE, CREATE_DATE);
    d.cr = cairo_create(d.surface);
    error = gk_render__pdf_status(&d);
    if (error == 0) {
        open_context(&d);
        error = gk_render__walk(r, &ops, &d);
    }
    /* finishing writes the fonts and the cross-reference table */
    cairo_surface_finish(d.surface);
    if (error == 0)
        error = gk_render__pdf_status(&d);
    close_doc(&d);
    if (error < 0 && out->ptr) {
        out->len = start;
        out->ptr[start] = '\0';
    }
    return error;
}

/* gcc defines __SANITIZE_ADDRESS__; clang 14 (the fuzz build) only
 * answers __has_feature. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GK_PDF_LSAN_HOOKS 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(GK_PDF_LSAN_HOOKS)
/* LeakSanitizer (the Debug build) reports two leaks of the Debian 12
 * libraries behind this renderer, on every run that makes a PDF:
 * cairo 1.16.0 loses four arrays of its CFF font subsetter, one per
 * embedded font, under cairo_surface_finish; fontconfig 2.14 loses one
 * block of its configuration parser under FcInitLoadConfigAndFonts, which
 * Pango runs once. ASan's default (fast) unwinder stops at the first
 * frame of those libraries, built without frame pointers, so the only
 * thing a suppression can match is the library: any leak allocated
 * directly by libcairo or libfontconfig is suppressed. This code never
 * calls fontconfig; the cairo objects it makes (one surface, one context)
 * are freed unconditionally in close_doc, and the Pango objects it makes
 * are allocated by GLib and still reported. The list of suppressions
 * used is not printed at exit (it would follow every PDF the Debug build
 * makes; LSAN_OPTIONS=print_suppressions=1 shows it). The hooks have to
 * live here: only an object that the program links for another reason
 * is pulled out of the static library. */
__attribute__((visibility("default"))) const char *__lsan_default_suppressions(void);
__attribute__((visibility("default"))) const char *__lsan_default_suppressions(void)
{
    return "leak:libcairo.so.2\n"
           "leak:libfontconfig.so.1\n";
}

__attribute__((visibility("default"))) const char *__lsan_default_options(void);
__attribute__((visibility("default"))) const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}
#endif
