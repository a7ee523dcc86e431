/*
 * cli_report.c: input and output of the report commands (see cli_report.h).
 */
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "cli_num.h"
#include "cli_report.h"

/* Why an input could not be read, by error code (one table, conventions C3). */
static const struct {
    int error;
    const char *why;
} load_reasons[] = {
    {GK_ENOTFOUND, "文件不存在"},
    {GK_ETOOBIG, "输入超过大小上限"},
    {GK_EINVALID, "不是可读取的年度报告"},
    {GK_EIO, "读取失败"},
    {GK_ENOMEM, "内存不足"},
};

static const char *reason(int error)
{
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(load_reasons); i++)
        if (load_reasons[i].error == error)
            return load_reasons[i].why;
    return "无法读取";
}

int cli_report_load(gk_report **out, const char *path, size_t max, const char *cmd)
{
    gk_buf data = GK_BUF_INIT;
    gk_parse_opts po = GK_PARSE_OPTS_INIT;
    int error;

    *out = NULL;
    error = gk_file_read(&data, path, max);
    if (error == 0) {
        po.source = strcmp(path, "-") ? path : NULL;
        /* gk_parse rejects an empty buffer; data.ptr is NULL then */
        error = gk_parse(out, data.ptr ? data.ptr : "", data.len, &po);
    }
    gk_buf_release(&data);
    if (error == 0)
        return 0;
    fprintf(stderr, "gongkai %s: '%s': %s: %s\n", cmd, path, reason(error),
            gk_error_last()->message);
    return cli_exit_for(error);
}

/* --max-size suffixes. */
static const struct {
    char suffix;
    int64_t mult;
} size_units[] = {{'K', 1024}, {'M', 1024 * 1024}, {'G', 1024 * 1024 * 1024}};

int cli_report_max_size(const char *value, size_t *out, const char *cmd)
{
    char digits[32];
    size_t n, i;
    int64_t v, mult = 1;

    *out = GK_MAX_INPUT;
    if (!value)
        return 0;
    n = strlen(value);
    for (i = 0; n > 0 && i < GK_ARRAY_LEN(size_units); i++)
        if (value[n - 1] == size_units[i].suffix || value[n - 1] == size_units[i].suffix + 32) {
            mult = size_units[i].mult;
            n--;
        }
    if (n == 0 || n >= sizeof digits)
        goto bad;
    memcpy(digits, value, n);
    digits[n] = '\0';
    if (cli_parse_i64(digits, &v) < 0 || v <= 0 || v > INT64_MAX / mult)
        goto bad;
    *out = (size_t)(v * mult);
    return 0;
bad:
    fprintf(stderr, "gongkai %s: --max-size '%s' 无效（应为正整数字节数，可带 K/M/G）\n", cmd,
            value);
    return CLI_EXIT_USAGE;
}

int cli_report_write(const char *path, const void *data, size_t len, bool binary,
                     const char *cmd)
{
    int error;

    if (!path)
        path = "-";
    if (binary && !strcmp(path, "-") && isatty(STDOUT_FILENO)) {
        fprintf(stderr, "gongkai %s: 不向终端输出二进制格式，请用 -o FILE 指定输出文件\n", cmd);
        return CLI_EXIT_USAGE;
    }
    error = gk_file_write_atomic(path, data, len);
    if (error == 0)
        return 0;
    fprintf(stderr, "gongkai %s: 无法写入 '%s': %s\n", cmd, path, gk_error_last()->message);
    return cli_exit_for(error);
}
