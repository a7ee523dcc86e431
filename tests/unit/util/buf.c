/* Unit tests of util: buffers, UTF-8, arena, atomic files. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "test.h"
#include "gk/buf.h"
#include "gk/errors.h"
#include "gk/fileio.h"
#include "util/utf8.h"
#include "util/arena.h"

GK_TEST(util_buf, printf_and_take)
{
    gk_buf b = GK_BUF_INIT;
    size_t n;
    char *s;

    GK_T_CALL(gk_buf_printf(&b, "%d-%s", 42, "x"));
    GK_T_CALL(gk_buf_puts(&b, "yz"));
    s = gk_buf_take(&b, &n);
    GK_T_STR_EQ(s, "42-xyz");
    GK_T_INT_EQ(n, 6);
    gk_free(s);
}

GK_TEST(util_buf, cap_is_enforced)
{
    gk_buf b;

    gk_buf_init(&b, 4);
    GK_T_CALL(gk_buf_puts(&b, "abcd"));
    GK_T_INT_EQ(gk_buf_putc(&b, 'e'), GK_ETOOBIG);
    GK_T_INT_EQ(b.len, 4);
    gk_buf_release(&b);
}

GK_TEST(util_buf, alloc_failure_is_enomem)
{
    gk_buf b = GK_BUF_INIT;

    gk_alloc_fail_at(1);
    GK_T_INT_EQ(gk_buf_puts(&b, "abc"), GK_ENOMEM);
    gk_alloc_fail_at(0);
    gk_buf_release(&b);
}

GK_TEST(util_utf8, validates_strictly)
{
    GK_T_INT_EQ(gk_utf8_invalid_at("\xe6\x94\xbf", 3), 3);
    GK_T_INT_EQ(gk_utf8_invalid_at("ab\xc0\xafz", 5), 2);      /* overlong */
    GK_T_INT_EQ(gk_utf8_invalid_at("a\xed\xa0\x80", 4), 1);    /* surrogate */
    GK_T_INT_EQ(gk_utf8_invalid_at("\xe6\x94", 2), 0);         /* truncated */
    GK_T_INT_EQ(gk_utf8_invalid_at("\xf4\x90\x80\x80", 4), 0); /* > U+10FFFF */
}

GK_TEST(util_utf8, cjk_width)
{
    GK_T_INT_EQ(gk_utf8_width("总计", strlen("总计")), 4);
    GK_T_INT_EQ(gk_utf8_width("（一）a", strlen("（一）a")), 7);
}

GK_TEST(util_arena, allocates_and_releases)
{
    gk_arena a = GK_ARENA_INIT;
    char *s = gk_arena_strndup(&a, "hello", 5);
    void *big = gk_arena_alloc(&a, 100000);

    GK_T_STR_EQ(s, "hello");
    GK_T_OK(big != NULL);
    a.max = a.used + 10;
    GK_T_OK(gk_arena_alloc(&a, 1000) == NULL);
    gk_arena_release(&a);
}

GK_TEST(util_fileio, atomic_write_and_capped_read)
{
    char path[] = "/tmp/gk_fileio_XXXXXX";
    int fd = mkstemp(path);
    gk_buf b = GK_BUF_INIT;

    GK_T_OK(fd >= 0);
    close(fd);
    GK_T_CALL(gk_file_write_atomic(path, "0123456789", 10));
    GK_T_CALL(gk_file_read(&b, path, 100));
    GK_T_STR_EQ(gk_buf_cstr(&b), "0123456789");
    gk_buf_clear(&b);
    GK_T_INT_EQ(gk_file_read(&b, path, 5), GK_ETOOBIG);
    GK_T_INT_EQ(gk_file_read(&b, "/nonexistent/x", 5), GK_ENOTFOUND);
    gk_buf_release(&b);
    unlink(path);
}

GK_TEST(util_buf, json_string_escapes_and_replaces_invalid_utf8)
{
    gk_buf b = GK_BUF_INIT;
    const char in[] = "a\"b\\c\nd\x01" "总\xff";

    GK_T_CALL(gk_buf_put_json_string(&b, in, sizeof in - 1));
    GK_T_STR_EQ(gk_buf_cstr(&b), "\"a\\\"b\\\\c\\nd\\u0001总\\ufffd\"");
    gk_buf_release(&b);
}
