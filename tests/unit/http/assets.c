/*
 * assets.c: the embedded copy of web/ (src/http/assets_data.c, generated
 * by scripts/gen-assets.sh) must match web/ byte for byte, both ways.
 */
#include <dirent.h>
#include <sys/stat.h>
#include "http_test.h"

GK_TEST(http_assets, embedded_match_web)
{
    size_t i;

    GK_T_OK(gk_http__nassets > 0);
    for (i = 0; i < gk_http__nassets; i++) {
        char rel[300];
        size_t len;
        char *disk;

        snprintf(rel, sizeof(rel), "web/%s", gk_http__assets[i].path);
        disk = gk_test_slurp(gk_test_path(rel), &len);
        if (len != gk_http__assets[i].len || memcmp(disk, gk_http__assets[i].data, len)) {
            gk_free(disk);
            GK_T_FAIL("%s differs from web/: run scripts/gen-assets.sh", rel);
        }
        gk_free(disk);
    }
}

/* Counts regular files under dir (recursively), skipping dot files. */
static size_t count_files(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    size_t n = 0;

    if (!d)
        return 0;
    while ((e = readdir(d)) != NULL) {
        char p[600];
        struct stat st;

        if (e->d_name[0] == '.')
            continue;
        snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
        if (stat(p, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            n += count_files(p);
        else if (S_ISREG(st.st_mode))
            n++;
    }
    closedir(d);
    return n;
}

GK_TEST(http_assets, every_web_file_embedded)
{
    GK_T_INT_EQ(count_files(gk_test_path("web")), gk_http__nassets);
}

GK_TEST(http_assets, mime_types)
{
    GK_T_STR_EQ(gk_http__mime_for("static/app.css"), "text/css; charset=utf-8");
    GK_T_STR_EQ(gk_http__mime_for("x.unknown"), "application/octet-stream");
}
