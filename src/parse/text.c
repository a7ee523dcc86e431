/*
 * text.c: flattened text to grid. Three shapes share this front end:
 *  - the seed's scrape: one cell per line ending in " |", rows ended by
 *    lines made only of '|' (the scraper's padding of spanned cells);
 *  - PDF->text (pdftotext -layout): columns separated by runs of spaces,
 *    labels wrapped across lines, page footers "-4-" inside tables;
 *  - the crawler's page.txt: the whole body on one line, digits of
 *    adjacent cells run together (grid->runon).
 * Seed cells become bounded cells; every other line is one unbounded cell
 * that the recogniser splits into labels and numbers. Tables drawn with
 * rules (our text renderer, box-drawing tools) are read by text_table.c
 * into bounded cells with spans; a document that has them has no seed
 * cells, and a line indented with an ideographic space (a printed
 * paragraph) is never one: a paragraph line may end in '|'.
 */
#include "parse/text_table.h"
#include "util/utf8.h"

/* A line longer than this is a flattened page, not a layout line. */
#define RUNON_LINE_BYTES 1000

/* "-4-", "— 5 —", "- 12 -": a page number printed between two dashes. */
bool gk_parse__is_page_footer(const char *s, size_t len);
bool gk_parse__is_page_footer(const char *s, size_t len)
{
    size_t i = 0, ndash = 0, ndig = 0;
    int32_t cp;
    int state = 0; /* 0 leading dashes, 1 digits, 2 trailing dashes */

    while (i < len) {
        cp = gk_parse__cp(s, len, &i);
        if (gk_parse__is_space(cp))
            continue;
        if (cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0xFF0D || cp == 0x2212) {
            if (state == 1)
                state = 2;
            ndash++;
        } else if (cp >= '0' && cp <= '9' && state < 2) {
            state = 1;
            ndig++;
        } else {
            return false;
        }
    }
    return ndig > 0 && ndig <= 4 && ndash >= 2 && state == 2;
}

static bool only_pipes(const char *s, size_t len)
{
    size_t i;
    bool any = false;

    for (i = 0; i < len; i++) {
        if (s[i] == '|')
            any = true;
        else if (s[i] != ' ' && s[i] != '\t')
            return false;
    }
    return any;
}

/* A paragraph's printed indent: the line starts with U+3000. */
static bool is_indented(const char *s, size_t len)
{
    return len >= 3 && !memcmp(s, "\xE3\x80\x80", 3);
}

int gk_parse__text_grid(gk_grid *g, const char *s, size_t len)
{
    size_t pos = 0, lineno = 0, plain_until = 0;
    bool in_cells = false, ruled = gk_parse__has_ruled_table(s, len);
    int error = 0;

    while (pos < len && !error) {
        const char *line = s + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - line) : len - pos, e, used;
        uint32_t took;
        gk_srcpos sp;

        if (ruled && pos >= plain_until) {
            error = gk_parse__ruled_table(g, line, len - pos,
                                          (uint32_t)(lineno >= UINT32_MAX ? UINT32_MAX : lineno + 1),
                                          &used, &took);
            if (error < 0)
                break;
            if (error > 0) {
                error = 0;
                pos += used;
                lineno += took;
                in_cells = false;
                continue;
            }
            plain_until = pos + used; /* looked like a table, was not: plain lines */
        }

        pos += n + (nl ? 1 : 0);
        lineno++;
        sp.line = (uint32_t)(lineno > UINT32_MAX ? UINT32_MAX : lineno);
        sp.col = 1;
        e = n;
        while (e && (line[e - 1] == '\r' || line[e - 1] == ' ' || line[e - 1] == '\t'))
            e--;
        if (e >= RUNON_LINE_BYTES)
            g->runon = true;
        if (e == 0 || gk_parse__is_page_footer(line, e))
            continue;
        if (only_pipes(line, e)) {
            in_cells = false; /* the row of seed cells ends */
            continue;
        }
        if (line[e - 1] == '|' && !ruled && !is_indented(line, e)) {
            size_t c = e - 1;
            while (c && (line[c - 1] == ' ' || line[c - 1] == '\t'))
                c--;
            if (!in_cells) {
                error = gk_grid_row(g, 1, true);
                if (error < 0)
                    break;
                in_cells = true;
            }
            error = gk_grid_cell(g, line, c, sp, 1, 1, true);
            continue;
        }
        in_cells = false;
        error = gk_grid_row(g, 0, false);
        if (error < 0)
            break;
        error = gk_grid_cell(g, line, e, sp, 1, 1, false);
    }
    gk_grid_trim(g);
    return error;
}
