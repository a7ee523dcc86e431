/* helpers.c: see helpers.h. */
#include <stdio.h>
#include <string.h>
#include "helpers.h"

int screen_summary(char *out, size_t cap, const char *text, size_t len,
                   const gk_screen_dict *dict, gk_screen_engine engine, size_t window)
{
    gk_screen_options o = {engine, window};
    gk_screen *s = NULL;
    gk_screen_findings fs = GK_SCREEN_FINDINGS_INIT;
    size_t i, used = 0;
    int rc = gk_screen_new(&s, dict, &o);

    out[0] = '\0';
    if (rc < 0)
        return rc;
    rc = gk_screen_buffer(s, text, len, gk_screen_collect, &fs);
    for (i = 0; rc == 0 && i < fs.count && used < cap; i++) {
        int w = snprintf(out + used, cap - used, "%s%s@%llu-%llu", i ? " " : "",
                         gk_screen_category_name(fs.items[i].category),
                         (unsigned long long)fs.items[i].start,
                         (unsigned long long)fs.items[i].end);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    gk_screen_findings_release(&fs);
    gk_screen_free(s);
    return rc;
}
