/*
 * html_vs_gumbo.c: the table tokenizer (html_lex.c) against gumbo's full
 * HTML5 tree (html_gumbo.c), cell for cell, on every corpus HTML page and on
 * inputs that stress the tokenizer.
 */
#include <dirent.h>
#include <stdio.h>
#include "parse/parse_int.h"
#include "test.h"

/* Returns 0 when both grids have the same table rows; else prints both. */
static int compare(const char *what, const char *s, size_t len)
{
    gk_grid a, b;
    gk_buf da = GK_BUF_INIT, db = GK_BUF_INIT;
    int diff = -1;

    gk_grid_init(&a);
    gk_grid_init(&b);
    if (gk_parse__html_grid(&a, s, len) < 0 || gk_parse__gumbo_grid(&b, s, len) < 0 ||
        gk_grid_dump_tables(&da, &a) < 0 || gk_grid_dump_tables(&db, &b) < 0)
        goto done;
    diff = strcmp(gk_buf_cstr(&da), gk_buf_cstr(&db)) != 0;
    if (diff)
        fprintf(stderr, "# %s\n# ours:\n%s\n# gumbo:\n%s\n", what, gk_buf_cstr(&da),
                gk_buf_cstr(&db));
done:
    gk_buf_release(&da);
    gk_buf_release(&db);
    gk_grid_release(&a);
    gk_grid_release(&b);
    return diff;
}

GK_TEST(parse_html, grid_equals_gumbo_on_corpus_pages)
{
    const char *dir = gk_test_path("tests/resources/corpus/real");
    DIR *d = opendir(dir);
    struct dirent *e;
    int pages = 0, bad = 0;

    GK_T_OK(d);
    while ((e = readdir(d)) != NULL) {
        char path[1024];
        size_t len, n = strlen(e->d_name);
        char *data;
        gk_buf utf8 = GK_BUF_INIT;
        if (n < 5 || strcmp(e->d_name + n - 5, ".html"))
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        data = gk_test_slurp(path, &len);
        if (gk_parse__to_utf8(&utf8, data, len, true) < 0 ||
            compare(e->d_name, gk_buf_cstr(&utf8), utf8.len) != 0)
            bad++;
        pages++;
        gk_buf_release(&utf8);
        gk_free(data);
    }
    closedir(d);
    GK_T_OK(pages >= 2);
    GK_T_INT_EQ(bad, 0);
}

static const char *const cases[] = {
    "<table><tr><td>a</td><td colspan=2>b</td></tr><tr><td rowspan='3'>c&amp;d</td></tr></table>",
    "<table><tr><td>申请人情</span><span>况<o:p></o:p></td><td>&#20013;&#x6587;&nbsp;x</td></tr></table>",
    "<table><tr><td>outer<table><tr><td>inner</td></tr></table>tail</td><td>2</td></tr></table>",
    "<table><tr><td>1<td>2<tr><td>3</table>",                     /* implied ends */
    "<table><thead><tr><th>h</th></tr></thead><tbody><tr><td> x  y </td></tr></tbody></table>",
    "<table><tr><td>a<!-- </td> --></td><td><script>'</td>'</script>b</td></tr></table>",
    "<p>before</p><table><tr><td>truncated",                       /* truncated */
    "<table><tr><td>&unknown; &amp &lt;</td></tr></table>",
};

GK_TEST(parse_html, grid_equals_gumbo_on_markup_edges)
{
    size_t i;
    int bad = 0;

    for (i = 0; i < GK_ARRAY_LEN(cases); i++)
        if (compare(cases[i], cases[i], strlen(cases[i])) != 0)
            bad++;
    GK_T_INT_EQ(bad, 0);
}
