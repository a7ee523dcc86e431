/*
 * cli_num.c: command-line numbers and dates (see cli_num.h).
 */
#include <stdio.h>
#include <string.h>
#include "cli_num.h"

int cli_parse_i64(const char *s, int64_t *out)
{
    uint64_t v = 0, limit;
    size_t i = 0;
    int neg = 0;

    if (s[0] == '-') {
        neg = 1;
        i = 1;
    }
    if (!s[i])
        return -1;
    limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    for (; s[i]; i++) {
        unsigned d = (unsigned)(unsigned char)s[i] - '0';
        if (d > 9 || v > (limit - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    if (neg)
        *out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
    else
        *out = (int64_t)v;
    return 0;
}

int cli_parse_date(const char *s, gk_date *out, const char *cmd)
{
    if (gk_date_parse(out, s, strlen(s)) == 0)
        return 0;
    fprintf(stderr, "gongkai %s: 日期 '%s' 无效：应为 YYYY-MM-DD 格式的真实日期，例如 2025-01-20\n",
            cmd, s);
    return -1;
}
