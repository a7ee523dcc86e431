/*
 * docx.c: reading word/document.xml from a DOCX and writing a copy with it
 * replaced (libzip). Headers, footers and footnotes are other parts and are
 * not screened yet.
 */
#include <zip.h>
#include "screen_int.h"
#include "gk/fileio.h"

#define DOCX_PART    "word/document.xml"
#define DOCX_MAX_XML ((size_t)256 * 1024 * 1024)

static int zip_fail(const char *path, int ze)
{
    zip_error_t err;

    zip_error_init_with_code(&err, ze);
    gk_error_set(GK_ERRCLASS_SCREEN, "%s: 不是有效的 DOCX（%s）", path, zip_error_strerror(&err));
    zip_error_fini(&err);
    return GK_EINVALID;
}

int gk_screen_docx_read(gk_buf *out, const char *path)
{
    int ze = 0, rc = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY, &ze);
    zip_file_t *f = NULL;
    zip_stat_t st;
    char chunk[65536];

    if (!z)
        return zip_fail(path, ze);
    zip_stat_init(&st);
    if (zip_stat(z, DOCX_PART, 0, &st) < 0 || !(f = zip_fopen(z, DOCX_PART, 0))) {
        gk_error_set(GK_ERRCLASS_SCREEN, "%s: 缺少 %s，不是 Word 文档", path, DOCX_PART);
        rc = GK_EINVALID;
        goto done;
    }
    for (;;) {
        zip_int64_t r = zip_fread(f, chunk, sizeof chunk);
        if (r < 0) {
            gk_error_set(GK_ERRCLASS_SCREEN, "%s: 解压 %s 失败", path, DOCX_PART);
            rc = GK_EINVALID;
            goto done;
        }
        if (r == 0)
            break;
        if (out->len + (size_t)r > DOCX_MAX_XML) {
            gk_error_set(GK_ERRCLASS_SCREEN, "%s: %s 过大", path, DOCX_PART);
            rc = GK_ETOOBIG;
            goto done;
        }
        rc = gk_buf_put(out, chunk, (size_t)r);
        if (rc < 0)
            goto done;
    }
done:
    if (f)
        zip_fclose(f);
    zip_discard(z);
    return rc;
}

int gk_screen_docx_write(const char *src, const char *dst, const char *xml, size_t len)
{
    gk_buf copy = GK_BUF_INIT;
    zip_t *z = NULL;
    zip_source_t *s = NULL;
    zip_int64_t idx;
    int ze = 0, rc;

    gk_buf_init(&copy, (size_t)1 << 30);
    rc = gk_file_read(&copy, src, (size_t)1 << 30);
    if (rc == 0)
        rc = gk_file_write_atomic(dst, copy.ptr, copy.len);
    if (rc < 0)
        goto done;
    z = zip_open(dst, 0, &ze);
    if (!z) {
        rc = zip_fail(dst, ze);
        goto done;
    }
    idx = zip_name_locate(z, DOCX_PART, 0);
    s = zip_source_buffer(z, xml, len, 0);
    if (idx < 0 || !s || zip_file_replace(z, (zip_uint64_t)idx, s, 0) < 0) {
        gk_error_set(GK_ERRCLASS_SCREEN, "%s: 无法写回 %s", dst, DOCX_PART);
        if (s)
            zip_source_free(s);
        zip_discard(z);
        z = NULL;
        rc = GK_EIO;
        goto done;
    }
    if (zip_close(z) < 0) {
        gk_error_set(GK_ERRCLASS_SCREEN, "%s: 写入失败: %s", dst, zip_strerror(z));
        zip_discard(z);
        rc = GK_EIO;
    }
    z = NULL;
done:
    gk_buf_release(&copy);
    return rc;
}
