/*
 * office_util.c: see office_util.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include "gk/errors.h"
#include "gk/fileio.h"
#include "office_util.h"
#include "test.h"

gk_report *office_load(const char *name)
{
    char rel[256];
    size_t len;
    char *json;
    gk_report *r = NULL;

    snprintf(rel, sizeof rel, "tests/resources/%s", name);
    json = gk_test_slurp(gk_test_path(rel), &len);
    if (gk_report_from_json(&r, json, len) < 0) {
        printf("# cannot read %s: %s\n", name, gk_error_last()->message);
        r = NULL;
    }
    gk_free(json);
    return r;
}

int office_render(gk_buf *out, const gk_report *r, gk_render_format f)
{
    gk_buf_release(out);
    return gk_render(out, r, f);
}

char *office_unzip(const char *zip, size_t len, const char *entry, size_t *len_out)
{
    zip_error_t ze;
    zip_source_t *src;
    zip_t *za = NULL;
    zip_file_t *zf = NULL;
    zip_stat_t st;
    char *data = NULL;

    zip_error_init(&ze);
    src = zip_source_buffer_create(zip, len, 0, &ze);
    if (src)
        za = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (!za) {
        if (src)
            zip_source_free(src);
        printf("# not a zip archive: %s\n", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return NULL;
    }
    zip_error_fini(&ze);
    if (zip_stat(za, entry, 0, &st) == 0 && (zf = zip_fopen(za, entry, 0)) != NULL) {
        data = gk_malloc(st.size + 1);
        if (data && zip_fread(zf, data, st.size) == (zip_int64_t)st.size) {
            data[st.size] = '\0';
            if (len_out)
                *len_out = st.size;
        } else {
            gk_free(data);
            data = NULL;
        }
        zip_fclose(zf);
    }
    zip_discard(za);
    return data;
}

size_t office_count(const char *hay, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    const char *p = hay;

    while (k && (p = strstr(p, needle)) != NULL) {
        n++;
        p += k;
    }
    return n;
}

bool office_golden(const char *name, const char *data, size_t len)
{
    char rel[256];
    const char *path;
    const char *upd = getenv("GK_UPDATE_GOLDEN");
    gk_buf want = GK_BUF_INIT;
    size_t i;
    bool ok;

    snprintf(rel, sizeof rel, "tests/golden/office/%s", name);
    path = gk_test_path(rel);
    if (upd && !strcmp(upd, "1"))
        return gk_file_write_atomic(path, data, len) == 0;
    if (gk_file_read(&want, path, GK_MAX_INPUT) < 0) {
        printf("# golden %s: %s (GK_UPDATE_GOLDEN=1 writes it)\n", rel, gk_error_last()->message);
        return false;
    }
    ok = want.len == len && memcmp(want.ptr, data, len) == 0;
    if (!ok) {
        for (i = 0; i < len && i < want.len && want.ptr[i] == data[i]; i++)
            ;
        printf("# golden %s differs at byte %zu (got %zu bytes, expected %zu)\n", rel, i, len,
               want.len);
    }
    gk_buf_release(&want);
    return ok;
}
