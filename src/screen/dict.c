/*
 * dict.c: office dictionaries: sensitive words, typo pairs (wrong<TAB>right)
 * and names given by the caller. UTF-8, one entry per line, '#' comments.
 */
#include "screen_int.h"
#include "util/utf8.h"
#include "gk/fileio.h"

/* Dictionary files larger than this are refused (a 200,000-entry list is
 * about 2–4 MB). */
#define DICT_MAX_FILE ((size_t)64 * 1024 * 1024)

int gk_screen_dict_new(gk_screen_dict **out)
{
    gk_screen_dict *d = gk_calloc(1, sizeof *d);

    *out = NULL;
    if (!d)
        return gk__oom();
    gk_buf_init(&d->strings, (size_t)512 * 1024 * 1024);
    *out = d;
    return 0;
}

void gk_screen_dict_free(gk_screen_dict *d)
{
    if (!d)
        return;
    gk_free(d->items);
    gk_buf_release(&d->strings);
    gk_free(d);
}

size_t gk_screen_dict_count(const gk_screen_dict *d)
{
    return d ? d->count : 0;
}

/* Entries keep offsets into d->strings while loading (the buffer moves as it
 * grows); gk_screen_new resolves them. bytes holds the offset cast. */
int gk_screen__dict_push(gk_screen_dict *d, const char *w, size_t wl, unsigned cat,
                         const char *sugg, size_t sl)
{
    gk_screen_entry *e;
    size_t off = d->strings.len, soff = 0;
    int rc;

    if (d->count >= GK_SCREEN_MAX_ENTRIES) {
        gk_error_set(GK_ERRCLASS_SCREEN, "词条超过上限 %d 条", GK_SCREEN_MAX_ENTRIES);
        return GK_ETOOBIG;
    }
    if (d->count == d->cap) {
        size_t nc = d->cap ? d->cap * 2 : 256;
        e = gk_realloc(d->items, nc * sizeof *e);
        if (!e)
            return gk__oom();
        d->items = e;
        d->cap = nc;
    }
    rc = gk_buf_put(&d->strings, w, wl);
    if (rc == 0)
        rc = gk_buf_putc(&d->strings, '\0');
    if (rc == 0 && sugg) {
        soff = d->strings.len;
        rc = gk_buf_put(&d->strings, sugg, sl);
        if (rc == 0)
            rc = gk_buf_putc(&d->strings, '\0');
    }
    if (rc < 0)
        return rc;
    e = &d->items[d->count++];
    e->bytes = (const char *)(uintptr_t)off;
    e->len = (uint32_t)wl;
    e->category = (uint8_t)cat;
    e->suggestion = sugg ? (const char *)(uintptr_t)(soff + 1) : NULL; /* +1: 0 means none */
    return 0;
}

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static int add_lines(gk_screen_dict *d, const char *data, size_t len, const char *origin,
                     bool typos)
{
    size_t pos = 0, line = 0;
    int rc = 0;

    if (gk_utf8_invalid_at(data, len) != len) {
        gk_error_set(GK_ERRCLASS_SCREEN, "%s: 不是有效的 UTF-8（字节 %zu）", origin,
                     gk_utf8_invalid_at(data, len));
        return GK_EINVALID;
    }
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        pos = 3;
    while (pos < len) {
        const char *l = data + pos, *nl = memchr(l, '\n', len - pos);
        size_t ll = nl ? (size_t)(nl - l) : len - pos, a = 0, z = ll;
        const char *tab;

        pos += ll + (nl ? 1 : 0);
        line++;
        while (a < z && blank(l[a]))
            a++;
        while (z > a && blank(l[z - 1]))
            z--;
        if (a == z || l[a] == '#')
            continue;
        if (!typos) {
            if (z - a > GK_SCREEN_MAX_WORD_LEN) {
                gk_error_set(GK_ERRCLASS_SCREEN, "%s:%zu: 词条过长（最多 %d 字节）", origin, line,
                             GK_SCREEN_MAX_WORD_LEN);
                return GK_EINVALID;
            }
            rc = gk_screen__dict_push(d, l + a, z - a, GK_SCREEN_WORD, NULL, 0);
        } else {
            size_t w, r;
            tab = memchr(l + a, '\t', z - a);
            if (!tab) {
                gk_error_set(GK_ERRCLASS_SCREEN, "%s:%zu: 错别字条目应为 错误<TAB>正确", origin,
                             line);
                return GK_EINVALID;
            }
            w = (size_t)(tab - (l + a));
            while (w > 0 && blank(l[a + w - 1]))
                w--;
            r = (size_t)(tab - l) + 1;
            while (r < z && blank(l[r]))
                r++;
            if (w == 0 || r == z || w > GK_SCREEN_MAX_WORD_LEN || z - r > GK_SCREEN_MAX_WORD_LEN) {
                gk_error_set(GK_ERRCLASS_SCREEN, "%s:%zu: 错别字条目为空或过长", origin, line);
                return GK_EINVALID;
            }
            if (w == z - r && !memcmp(l + a, l + r, w)) {
                gk_error_set(GK_ERRCLASS_SCREEN, "%s:%zu: 错误写法与正确写法相同", origin, line);
                return GK_EINVALID;
            }
            rc = gk_screen__dict_push(d, l + a, w, GK_SCREEN_TYPO, l + r, z - r);
        }
        if (rc < 0) {
            gk_error_prefix("%s:%zu", origin, line);
            return rc;
        }
    }
    return 0;
}

int gk_screen_dict_add_words(gk_screen_dict *d, const char *data, size_t len, const char *origin)
{
    return add_lines(d, data, len, origin ? origin : "词表", false);
}

int gk_screen_dict_add_typos(gk_screen_dict *d, const char *data, size_t len, const char *origin)
{
    return add_lines(d, data, len, origin ? origin : "错别字表", true);
}

int gk_screen_dict_add_name(gk_screen_dict *d, const char *name, size_t len)
{
    if (len == 0 || len > GK_SCREEN_MAX_WORD_LEN || gk_utf8_invalid_at(name, len) != len) {
        gk_error_set(GK_ERRCLASS_SCREEN, "姓名为空、过长或不是 UTF-8");
        return GK_EINVALID;
    }
    return gk_screen__dict_push(d, name, len, GK_SCREEN_NAME, NULL, 0);
}

static int load(gk_screen_dict *d, const char *path, bool typos)
{
    gk_buf b;
    int rc;

    gk_buf_init(&b, DICT_MAX_FILE);
    rc = gk_file_read(&b, path, DICT_MAX_FILE);
    if (rc == 0)
        rc = add_lines(d, b.ptr ? b.ptr : "", b.len, path, typos);
    else
        gk_error_prefix("%s", path);
    gk_buf_release(&b);
    return rc;
}

int gk_screen_dict_load_words(gk_screen_dict *d, const char *path)
{
    return load(d, path, false);
}

int gk_screen_dict_load_typos(gk_screen_dict *d, const char *path)
{
    return load(d, path, true);
}
