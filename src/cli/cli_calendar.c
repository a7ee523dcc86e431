/*
 * cli_calendar.c: see cli_calendar.h.
 */
#include <stdlib.h>
#include "cli_calendar.h"
#include "gk/calendar.h"

/* Warns when the replacement lacks years the built-in calendar covers:
 * their deadlines would turn provisional or fail, which is never what an
 * office adding next year's notice wants (docs/calendar.md: copy the
 * shipped file and append). */
static void warn_missing_years(const char *cmd, const char *path)
{
    gk_calendar *builtin = NULL, *now = NULL;
    const char *csv;
    size_t len;
    int y, first, last, from = 0, to = 0;

    csv = gk_calendar_default_csv(&len);
    if (gk_calendar_new(&builtin, csv, len, NULL) < 0 || gk_calendar_new_default(&now) < 0)
        goto done;
    gk_calendar_range(builtin, &first, &last);
    for (y = first; y <= last; y++) {
        if (!gk_calendar_covers(builtin, y) || gk_calendar_covers(now, y))
            continue;
        if (!from)
            from = y;
        to = y;
    }
    if (from)
        fprintf(stderr,
                "gongkai %s: 警告：日历文件 %s 缺少内置日历已有的 %d–%d 年数据，这些年份的期限将"
                "无法计算或仅能暂定（日历文件替换内置日历，应包含全部年份，见 docs/calendar.md）\n",
                cmd, path, from, to);
done:
    gk_calendar_free(builtin);
    gk_calendar_free(now);
    gk_error_clear();
}

int cli_calendar_use(const cli_parsed *p, const cli_opt *opts, const char *cmd)
{
    const char *path = cli_get(p, opts, "calendar");
    gk_buf b = GK_BUF_INIT;
    int error;

    if (!path) {
        path = getenv("GK_CALENDAR");
        if (!path || !*path)
            return 0;
    }
    error = gk_file_read(&b, path, GK_MAX_INPUT);
    if (error < 0) {
        fprintf(stderr, "gongkai %s: 无法读取日历文件: %s\n", cmd, gk_error_last()->message);
        gk_buf_release(&b);
        return CLI_EXIT_USAGE;
    }
    error = gk_calendar_set_default(b.ptr, b.len, path);
    gk_buf_release(&b);
    if (error < 0) {
        fprintf(stderr, "gongkai %s: 日历文件有误: %s\n", cmd, gk_error_last()->message);
        return cli_exit_for(error);
    }
    warn_missing_years(cmd, path);
    return 0;
}
