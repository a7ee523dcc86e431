/*
 * zipout.c: an in-memory ZIP writer over libzip (zip_source_buffer_create +
 * zip_open_from_source, as libzip's in-memory example does). The entry
 * bytes stay owned here until zip_close has compressed them, because libzip
 * reads its sources only then.
 */
#include <time.h>
#include <zip.h>
#include "zipout.h"

/* Every entry's modification time: 2021-09-26 12:00 (the date of
 * 国办公开办函〔2021〕30号) as a local time. libzip stores MS-DOS local time
 * via localtime(), so we build the time_t with mktime() from the same
 * broken-down local time: the stored fields are then the same in every
 * time zone, and the archive's bytes depend only on its contents. */
static time_t fixed_mtime(void)
{
    struct tm tm;

    memset(&tm, 0, sizeof tm);
    tm.tm_year = 2021 - 1900;
    tm.tm_mon = 8;
    tm.tm_mday = 26;
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    return mktime(&tm);
}

struct gk_zipout {
    zip_source_t *src; /* the archive's own buffer */
    zip_t *za;
    gk_buf data[GK_ZIPOUT_MAX_ENTRIES];
    size_t n;
};

static int zip_fail(zip_error_t *ze, const char *what)
{
    gk_error_set(GK_ERRCLASS_RENDER, "zip: %s: %s", what, zip_error_strerror(ze));
    return GK_ERROR;
}

int gk_zipout__new(gk_zipout **out)
{
    gk_zipout *z;
    zip_error_t ze;
    int error = 0;

    *out = NULL;
    z = gk_calloc(1, sizeof *z);
    if (!z)
        return gk__oom();
    zip_error_init(&ze);
    z->src = zip_source_buffer_create(NULL, 0, 0, &ze);
    if (!z->src) {
        error = zip_fail(&ze, "cannot create a buffer");
        goto done;
    }
    z->za = zip_open_from_source(z->src, ZIP_TRUNCATE, &ze);
    if (!z->za) {
        error = zip_fail(&ze, "cannot open the archive");
        goto done;
    }
    zip_source_keep(z->src); /* survives zip_close so we can read it */
    *out = z;
    z = NULL;
done:
    zip_error_fini(&ze);
    gk_zipout__free(z);
    return error;
}

int gk_zipout__add(gk_zipout *z, const char *name, gk_buf *data)
{
    gk_buf *slot;
    zip_source_t *s;
    zip_int64_t idx;

    if (z->n >= GK_ZIPOUT_MAX_ENTRIES) {
        gk_buf_release(data);
        gk_error_set(GK_ERRCLASS_RENDER, "zip: more than %d entries", GK_ZIPOUT_MAX_ENTRIES);
        return GK_ETOOBIG;
    }
    slot = &z->data[z->n++];
    *slot = *data;
    memset(data, 0, sizeof *data);
    data->max = slot->max;
    s = zip_source_buffer(z->za, slot->ptr ? slot->ptr : "", slot->len, 0);
    if (!s)
        goto fail;
    idx = zip_file_add(z->za, name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (idx < 0) {
        zip_source_free(s);
        goto fail;
    }
    if (zip_set_file_compression(z->za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 0) < 0 ||
        zip_file_set_mtime(z->za, (zip_uint64_t)idx, fixed_mtime(), 0) < 0)
        goto fail;
    return 0;
fail:
    gk_error_set(GK_ERRCLASS_RENDER, "zip: cannot add '%s': %s", name, zip_strerror(z->za));
    return GK_ERROR;
}

int gk_zipout__finish(gk_zipout *z, gk_buf *out)
{
    zip_stat_t st;
    char tmp[16384];
    zip_uint64_t left;
    int error = 0;

    if (zip_close(z->za) < 0) {
        gk_error_set(GK_ERRCLASS_RENDER, "zip: cannot close the archive: %s", zip_strerror(z->za));
        return GK_ERROR;
    }
    z->za = NULL;
    zip_stat_init(&st);
    if (zip_source_is_deleted(z->src) || zip_source_stat(z->src, &st) < 0 ||
        !(st.valid & ZIP_STAT_SIZE) || zip_source_open(z->src) < 0) {
        gk_error_set(GK_ERRCLASS_RENDER, "zip: cannot read the archive back");
        return GK_ERROR;
    }
    for (left = st.size; left > 0 && error == 0;) {
        zip_int64_t n = zip_source_read(z->src, tmp, left < sizeof tmp ? left : sizeof tmp);
        if (n <= 0) {
            gk_error_set(GK_ERRCLASS_RENDER, "zip: short read of the archive");
            error = GK_ERROR;
            break;
        }
        error = gk_buf_put(out, tmp, (size_t)n);
        left -= (zip_uint64_t)n;
    }
    zip_source_close(z->src);
    return error;
}

void gk_zipout__free(gk_zipout *z)
{
    size_t i;

    if (!z)
        return;
    if (z->za)
        zip_discard(z->za);
    if (z->src)
        zip_source_free(z->src);
    for (i = 0; i < z->n; i++)
        gk_buf_release(&z->data[i]);
    gk_free(z);
}
