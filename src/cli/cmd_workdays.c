/*
 * cmd_workdays.c: `gongkai workdays add DATE N` and `gongkai workdays between
 * DATE1 DATE2` on the official calendar (spec/cli.md "Working days and
 * fees", spec §2.4). Long help: docs/cli/workdays.md.
 */
#include <string.h>
#include "cli.h"
#include "cli_calendar.h"
#include "cli_num.h"
#include "gk/calendar.h"

static const cli_opt opts[] = {
    CLI_CALENDAR_OPT,
    {"provisional", 0, OPT_FLAG, NULL,
     "日历未覆盖的年份按周一至周五推算，结果后加一行“暂定：…”说明（默认报错）"},
    {"pause", 0, OPT_MULTI, "FROM..TO[,REASON]",
     "add：暂停计算期间（含首尾两日），其间工作日不计入；REASON 为 third-party、other-agency、fee 或 "
     "other；可多次给出"},
    {"explain", 0, OPT_FLAG, NULL, "add：逐项说明跳过的节假日、调休上班日和暂停期间"},
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

#define SYNOPSIS                                                                                   \
    "add DATE N [--pause FROM..TO[,REASON]]... [--explain] | between DATE1 DATE2 [--provisional]"
#define SUMMARY                                                                                    \
    "按官方节假日安排计算工作日。add 输出 DATE 之后第 N 个工作日（DATE 当日不计入）；\n"           \
    "between 输出 DATE1 之后至 DATE2（含）的工作日数。日历未覆盖的年份报错；加 --provisional\n"    \
    "则按周一至周五推算（前后最多 5 年），并在结果后输出一行“暂定：…”。\n"                        \
    "N 为负数时向前推算，须在参数前加 --，例如 gongkai workdays add -- 2025-03-09 -1。"

/* --pause reasons (gk_pause_reason), by the word given on the command line. */
static const struct {
    const char *word;
    gk_pause_reason reason;
} pause_words[] = {
    {"third-party", GK_PAUSE_THIRD_PARTY},   /* 条例第三十二条 */
    {"other-agency", GK_PAUSE_OTHER_AGENCY}, /* 条例第三十四条 */
    {"fee", GK_PAUSE_FEE_NOTICE},            /* 国办函〔2020〕109号 收费通知 */
    {"other", GK_PAUSE_OTHER},
};

/* Parses "FROM..TO[,REASON]". Prints a message and returns -1 when bad. */
static int parse_pause(gk_pause *out, const char *s)
{
    const char *comma = strchr(s, ',');
    size_t span_len = comma ? (size_t)(comma - s) : strlen(s);
    size_t i;

    out->reason = GK_PAUSE_OTHER;
    if (span_len != 22 || memcmp(s + 10, "..", 2) || gk_date_parse(&out->from, s, 10) < 0 ||
        gk_date_parse(&out->to, s + 12, 10) < 0 || gk_date_cmp(out->from, out->to) > 0) {
        fprintf(stderr,
                "gongkai workdays: --pause '%s' 无效：应为 FROM..TO，两个 YYYY-MM-DD 日期且 "
                "FROM 不晚于 TO，例如 2025-03-10..2025-03-14,third-party\n",
                s);
        return -1;
    }
    if (!comma)
        return 0;
    for (i = 0; i < GK_ARRAY_LEN(pause_words); i++) {
        if (!strcmp(comma + 1, pause_words[i].word)) {
            out->reason = pause_words[i].reason;
            return 0;
        }
    }
    fprintf(stderr,
            "gongkai workdays: 暂停原因 '%s' 无效：应为 third-party、other-agency、fee 或 other\n",
            comma + 1);
    return -1;
}

/* The calendar of --calendar FILE / $GK_CALENDAR, else the built-in one. */
static int load_calendar(gk_calendar **cal, const cli_parsed *p)
{
    int rc = cli_calendar_use(p, opts, "workdays"), error;

    if (rc)
        return rc;
    error = gk_calendar_new_default(cal);
    return error < 0 ? cli_fail(error, "无法载入日历") : 0;
}

/* --provisional or not (calendar.h PROVISIONAL MODE). */
static gk_calendar_mode mode_of(const cli_parsed *p)
{
    return cli_has(p, opts, "provisional") ? GK_CALENDAR_PROVISIONAL : GK_CALENDAR_STRICT;
}

/* The line "暂定：…" after a provisional result; nothing otherwise. */
static int put_note(gk_buf *out, const gk_provisional *prov)
{
    int error;

    if (!prov->on)
        return 0;
    error = gk_buf_puts(out, "暂定：");
    if (error >= 0)
        error = gk_calendar_provisional_note(out, prov);
    if (error >= 0)
        error = gk_buf_puts(out, "\n");
    return error;
}

/* Prints out unless error < 0, releases it and gives the exit code. */
static int print_out(gk_buf *out, int error)
{
    if (error >= 0)
        fputs(gk_buf_cstr(out), stdout);
    gk_buf_release(out);
    return error < 0 ? cli_fail(error, "无法计算工作日") : CLI_EXIT_OK;
}

static int run_add(const gk_calendar *cal, const cli_parsed *p)
{
    gk_pause pauses[64];
    gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
    gk_provisional prov = GK_PROVISIONAL_INIT;
    gk_buf out = GK_BUF_INIT;
    char ds[GK_DATE_BUFSZ];
    gk_date start, got;
    int64_t n;
    int i, idx, error, npauses;

    if (cli_parse_date(p->args[1], &start, "workdays") < 0)
        return CLI_EXIT_USAGE;
    if (cli_parse_i64(p->args[2], &n) < 0 || n < -1000000 || n > 1000000) {
        fprintf(stderr, "gongkai workdays: N '%s' 无效：应为整数（-1000000 至 1000000）\n",
                p->args[2]);
        return CLI_EXIT_USAGE;
    }
    for (idx = 0; opts[idx].name && strcmp(opts[idx].name, "pause"); idx++)
        ;
    npauses = p->nmulti[idx];
    for (i = 0; i < npauses; i++)
        if (parse_pause(&pauses[i], p->multi[idx][i]) < 0)
            return CLI_EXIT_USAGE;
    if (cli_has(p, opts, "explain")) {
        /* The explanation starts with the "暂定：" line itself. */
        error = gk_calendar_explain_mode(&ex, cal, start, (int)n, pauses, (size_t)npauses,
                                         mode_of(p));
        if (error >= 0)
            error = gk_buf_printf(&out, "%s\n", gk_date_format(ds, ex.deadline));
        if (error >= 0)
            error = gk_deadline_explain_format(&out, &ex);
        gk_deadline_explain_release(&ex);
    } else {
        error = npauses ? gk_calendar_deadline_mode(&got, &prov, cal, start, n, pauses,
                                                    (size_t)npauses, mode_of(p))
                        : gk_calendar_add_workdays_mode(&got, &prov, cal, start, n, mode_of(p));
        if (error >= 0)
            error = gk_buf_printf(&out, "%s\n", gk_date_format(ds, got));
        if (error >= 0)
            error = put_note(&out, &prov);
    }
    return print_out(&out, error);
}

static int run_between(const gk_calendar *cal, const cli_parsed *p)
{
    gk_provisional prov = GK_PROVISIONAL_INIT;
    gk_buf out = GK_BUF_INIT;
    gk_date d1, d2;
    int64_t k;
    int error;

    if (cli_has(p, opts, "pause") || cli_has(p, opts, "explain")) {
        fprintf(stderr, "gongkai workdays: --pause 和 --explain 只用于 add\n");
        return CLI_EXIT_USAGE;
    }
    if (cli_parse_date(p->args[1], &d1, "workdays") < 0 ||
        cli_parse_date(p->args[2], &d2, "workdays") < 0)
        return CLI_EXIT_USAGE;
    error = gk_calendar_workdays_between_mode(&k, &prov, cal, d1, d2, mode_of(p));
    if (error >= 0)
        error = gk_buf_printf(&out, "%lld\n", (long long)k);
    if (error >= 0)
        error = put_note(&out, &prov);
    return print_out(&out, error);
}

/* The actions of `gongkai workdays`; each takes two arguments. */
static const struct {
    cli_sub sub;
    int (*run)(const gk_calendar *cal, const cli_parsed *p);
} actions[] = {
    {{"add", 3}, run_add},
    {{"between", 3}, run_between},
};

int cmd_workdays(int argc, char **argv)
{
    cli_parsed p;
    gk_calendar *cal = NULL;
    int i, rc;

    rc = cli_parse(&p, opts, argc, argv, "workdays");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "workdays", SYNOPSIS, SUMMARY, opts);
        return CLI_EXIT_OK;
    }
    i = cli_sub_find(&p, actions, GK_ARRAY_LEN(actions), sizeof actions[0], "workdays", SYNOPSIS);
    if (i < 0)
        return CLI_EXIT_USAGE;
    rc = load_calendar(&cal, &p);
    if (rc)
        return rc;
    rc = actions[i].run(cal, &p);
    gk_calendar_free(cal);
    return rc;
}
