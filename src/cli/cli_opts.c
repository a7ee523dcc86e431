/*
 * cli_opts.c: see cli_opts.h.
 */
#include <string.h>
#include <time.h>
#include "cli_opts.h"
#include "cli_num.h"

int cli_opt_date(const cli_parsed *p, const cli_opt *opts, const char *name, gk_date *out,
                 const char *cmd)
{
    const char *v = cli_get(p, opts, name);

    return v ? cli_parse_date(v, out, cmd) : 0;
}

int cli_opt_i64(const cli_parsed *p, const cli_opt *opts, const char *name, int64_t lo, int64_t hi,
                int64_t *out, const char *cmd)
{
    const char *v = cli_get(p, opts, name);
    int64_t x = 0;

    if (!v)
        return 0;
    if (cli_parse_i64(v, &x) < 0 || x < lo || x > hi) {
        fprintf(stderr, "gongkai %s: --%s '%s' 无效：应为 %lld 至 %lld 的整数\n", cmd, name, v,
                (long long)lo, (long long)hi);
        return -1;
    }
    *out = x;
    return 0;
}

int cli_opt_label(const cli_parsed *p, const cli_opt *opts, const char *name,
                  int (*from_label)(const char *s, size_t n), int *out, const char *cmd)
{
    const char *v = cli_get(p, opts, name);
    int x;

    if (!v)
        return 0;
    x = from_label(v, strlen(v));
    if (x < 0) {
        fprintf(stderr, "gongkai %s: --%s '%s' 无效（见 --help）\n", cmd, name, v);
        return -1;
    }
    *out = x;
    return 0;
}

const char *cli_opt_str(const cli_parsed *p, const cli_opt *opts, const char *name,
                        const char *dflt)
{
    const char *v = cli_get(p, opts, name);

    return v ? v : dflt;
}

gk_date cli_today(void)
{
    int64_t secs = (int64_t)time(NULL) + 8 * 3600; /* 北京时间 */

    return gk_date_from_days((int32_t)(secs / 86400));
}
