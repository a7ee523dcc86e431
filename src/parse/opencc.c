/*
 * opencc.c: Traditional to Simplified Chinese with OpenCC's t2s config,
 * opened once, lazily, by the first caller (pthread_once). When the config
 * is not installed, conversion is skipped (stack.md T10: opencc_open
 * returns (opencc_t)-1 on error, not NULL).
 */
#include <opencc/opencc.h>
#include <pthread.h>
#include "parse/parse_int.h"

static pthread_once_t t2s_once = PTHREAD_ONCE_INIT;
static opencc_t t2s_handle = (opencc_t)-1;
static pthread_mutex_t t2s_lock = PTHREAD_MUTEX_INITIALIZER;

static void t2s_open(void)
{
    t2s_handle = opencc_open("t2s.json");
}

int gk_parse__t2s(gk_buf *out, const char *s, size_t len)
{
    char *conv;
    int error;

    pthread_once(&t2s_once, t2s_open);
    if (t2s_handle == (opencc_t)-1)
        return 0;
    /* One converter object; OpenCC does not document it as thread-safe. */
    pthread_mutex_lock(&t2s_lock);
    conv = opencc_convert_utf8(t2s_handle, s, len);
    pthread_mutex_unlock(&t2s_lock);
    if (!conv) {
        /* OpenCC failed (its own allocation): converting nothing would
         * hand Traditional text to the recogniser as if it were read */
        gk_error_set(GK_ERRCLASS_PARSE, "OpenCC t2s: %s", opencc_error());
        return GK_ERROR;
    }
    error = gk_buf_puts(out, conv);
    opencc_convert_utf8_free(conv);
    return error < 0 ? error : 1;
}
