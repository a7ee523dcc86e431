/*
 * fuzz_html.c: libFuzzer target over the html parser (charset step, grid,
 * recogniser, sections). Invariants: fuzz_parse_check.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <strings.h>
#include "fuzz_parse_check.h"
#include "parse/parse_int.h"

/* Code points gumbo replaces with U+FFFD (its utf8.c: C0 controls but
 * whitespace, DEL, C1 controls, noncharacters) and html_lex.c keeps: either
 * way the cell is text that is no number. */
static int gumbo_replaces(int32_t c)
{
    return (c >= 0x1 && c <= 0x8) || c == 0xB || (c >= 0xE && c <= 0x1F) ||
           (c >= 0x7F && c <= 0x9F) || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

/* Markup where the HTML5 tree-building rules and the table tokenizer must
 * agree: one table, only table/tr/td/th tags (no attributes but spans), the
 * table opened before any row or cell, no code point gumbo replaces.
 * Elsewhere HTML5 foster-parents and re-parents, which html_lex.c does not
 * imitate on purpose. */
static int simple_markup(const char *s, size_t n)
{
    static const char *const ok[] = {"table", "/table", "tr", "/tr", "td", "/td", "th", "/th"};
    size_t i, k, tables = 0;
    int seen_table = 0;

    for (i = 0; i < n;)
        if (gumbo_replaces(gk_utf8_next(s, n, &i)))
            return 0;
    for (i = 0; i < n; i++) {
        if (s[i] == '&')
            return 0;
        if (s[i] != '<')
            continue;
        for (k = 0; k < sizeof(ok) / sizeof(ok[0]); k++) {
            size_t l = strlen(ok[k]);
            if (i + 1 + l < n && !strncasecmp(s + i + 1, ok[k], l) && s[i + 1 + l] == '>')
                break;
        }
        if (k == sizeof(ok) / sizeof(ok[0]))
            return 0;
        if (k == 0) {
            tables++;
            seen_table = 1;
        } else if (!seen_table) {
            return 0;
        }
    }
    return tables == 1;
}

/* On simple markup, the tokenizer's grid equals the one built from gumbo. */
static void fuzz_check_grids(const uint8_t *data, size_t size)
{
    gk_buf u = GK_BUF_INIT, da = GK_BUF_INIT, db = GK_BUF_INIT;
    gk_grid a, b;

    if (gk_parse__to_utf8(&u, (const char *)data, size, true) < 0 ||
        !simple_markup(gk_buf_cstr(&u), u.len)) {
        gk_buf_release(&u);
        return;
    }
    gk_grid_init(&a);
    gk_grid_init(&b);
    if (gk_parse__html_grid(&a, gk_buf_cstr(&u), u.len) == 0 &&
        gk_parse__gumbo_grid(&b, gk_buf_cstr(&u), u.len) == 0 &&
        gk_grid_dump_tables(&da, &a) == 0 && gk_grid_dump_tables(&db, &b) == 0 &&
        strcmp(gk_buf_cstr(&da), gk_buf_cstr(&db)) != 0) {
        fprintf(stderr, "html_lex grid:\n%s\ngumbo grid:\n%s\n", gk_buf_cstr(&da),
                gk_buf_cstr(&db));
        abort();
    }
    gk_grid_release(&a);
    gk_grid_release(&b);
    gk_buf_release(&da);
    gk_buf_release(&db);
    gk_buf_release(&u);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_check_parse(data, size, GK_INPUT_HTML);
    fuzz_check_grids(data, size);
    return 0;
}
