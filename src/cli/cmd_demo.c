/*
 * cmd_demo.c: `gongkai demo [--db PATH | --dsn URL] [--password-stdin]
 * [--seed N]`:
 * fills a new database with a living system for `gongkai serve`: a
 * district government (区人民政府) with its 办公室, two 局 and a 街道;
 * a staff account for each role; and the applications of last year and of
 * this year up to today, handled along the paths the 条例 allows (受理,
 * 补正, 征求第三方意见, 延期, 收费, 撤回, 答复 with every kind of table-3
 * outcome), so that some are open, some overdue and some carried over
 * from last year.
 *
 * Everything is made through the store's public API (the same checks and
 * audit trail as real work) in one transaction, from a seeded generator,
 * so the same seed and the same day give the same database. Today is the
 * China date, or GK_TODAY=YYYY-MM-DD. Events that would fall after today
 * are not applied: the case stays where it is today.
 *
 * It also fills the proactive catalogue (items formed over the two years,
 * most published within the 20 working days of 第二十六条, some late, a few
 * not yet), items of 区教育局 in every state of the three-level review
 * (store_review3.h; after the main transaction, by the demo accounts),
 * last year's table-2 figures and a few 行政复议/行政诉讼 cases, so
 * the annual report has all its tables.
 */
#include <stdint.h>
#include <string.h>
#include <time.h>
#include "gk/http.h"
#include "cli_num.h"
#include "cli_store.h"
#include "demo_int.h"

static const cli_opt opts[] = {
    {"db", 0, OPT_VALUE, "PATH",
     "要创建的演示数据库（SQLite 文件，默认 ./gongkai.db；须为空库或不存在）"},
    {"dsn", 0, OPT_VALUE, "URL", "或 PostgreSQL 连接串（postgresql://…；须为空库）"},
    {"password-stdin", 0, OPT_FLAG, NULL,
     "从标准输入读取所有演示账号的密码（第一行），否则随机生成并打印一次"},
    {"seed", 0, OPT_VALUE, "N", "随机数种子（默认 2019；同一种子、同一日期生成相同数据）"},
    CLI_CALENDAR_OPT,
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

static int read_line(char *buf, size_t n)
{
    size_t len;

    if (!fgets(buf, (int)n, stdin))
        return -1;
    len = strlen(buf);
    while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
        buf[--len] = '\0';
    return len ? 0 : -1;
}

static gk_date today_cn(void)
{
    const char *fixed = getenv("GK_TODAY");
    gk_date d;

    if (fixed && gk_date_parse(&d, fixed, strlen(fixed)) == 0)
        return d;
    return gk_date_from_days((int32_t)(((int64_t)time(NULL) + 8 * 3600) / 86400));
}

static int count_agencies(const gk_agency *a, void *payload)
{
    (void)a;
    ++*(int *)payload;
    return 0;
}

int cmd_demo(int argc, char **argv)
{
    gk_store_opts so = GK_STORE_OPTS_INIT;
    gk_calendar *cal = NULL;
    demo_ctx x;
    cli_parsed p;
    const char *db, *where, *seed_s;
    char shared[1100] = "", pw[DEMO_NSTAFF][13];
    int64_t seed = 2019;
    gk_date last_jan1, jan1;
    int rc, error, existing = 0;
    size_t i;

    rc = cli_parse(&p, opts, argc, argv, "demo");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "demo", "[--db PATH | --dsn URL] [--password-stdin] [--seed N]",
                  "创建演示数据库：区政府及其部门、各角色账号、上一年度和本年度的依申请公开件，"
                  "供 gongkai serve 演示。",
                  opts);
        return CLI_EXIT_OK;
    }
    if (p.nargs) {
        fprintf(stderr, "gongkai demo: 多余的参数 '%s'\n", p.args[0]);
        return CLI_EXIT_USAGE;
    }
    seed_s = cli_get(&p, opts, "seed");
    if (seed_s && (cli_parse_i64(seed_s, &seed) < 0 || seed < 0)) {
        fprintf(stderr, "gongkai demo: --seed '%s' 无效\n", seed_s);
        return CLI_EXIT_USAGE;
    }
    if (cli_has(&p, opts, "password-stdin") && read_line(shared, sizeof(shared)) < 0) {
        fprintf(stderr, "gongkai demo: 无法从标准输入读取密码\n");
        return CLI_EXIT_USAGE;
    }
    if (shared[0] && strlen(shared) < 8) {
        fprintf(stderr, "gongkai demo: 密码至少 8 个字符\n");
        return CLI_EXIT_USAGE;
    }
    if (cli_has(&p, opts, "db") && cli_has(&p, opts, "dsn")) {
        fprintf(stderr, "gongkai demo: --db 与 --dsn 只能给出一个\n");
        return CLI_EXIT_USAGE;
    }
    db = cli_get(&p, opts, "dsn");
    if (!db)
        db = cli_get(&p, opts, "db");
    if (!db)
        db = "gongkai.db";
    /* A PostgreSQL URL may hold a password: never echoed. */
    where = cli_has(&p, opts, "dsn") ? "（PostgreSQL）" : db;
    demo_seed(seed);
    memset(&x, 0, sizeof(x));
    x.today = today_cn();
    so.actor = "演示数据";
    so.no_schema_check = true;
    /* The generated dates (strict arithmetic) and the store's fee windows
     * use --calendar / $GK_CALENDAR when given. */
    rc = cli_calendar_use(&p, opts, "demo");
    if (rc)
        goto done;
    error = gk_calendar_new_default(&cal);
    if (error == 0)
        error = gk_store_open(&x.st, db, &so);
    if (error == 0)
        error = gk_store_migrate(x.st, NULL, NULL);
    if (error == 0)
        error = gk_store_agency_foreach(x.st, count_agencies, &existing);
    if (error < 0) {
        rc = cli_store_fail(error, "demo");
        goto done;
    }
    if (existing) {
        fprintf(stderr, "gongkai demo: %s 已有数据（%d 个机关），请指定新的 --db 或 --dsn\n", where,
                existing);
        rc = CLI_EXIT_USAGE;
        goto done;
    }
    x.cal = cal;
    if (!gk_calendar_covers(cal, x.today.y) || !gk_calendar_covers(cal, x.today.y - 1)) {
        fprintf(stderr, "gongkai demo: 节假日安排未覆盖 %d–%d 年，无法生成演示数据\n",
                x.today.y - 1, x.today.y);
        rc = CLI_EXIT_USAGE;
        goto done;
    }
    last_jan1 = (gk_date){x.today.y - 1, 1, 1};
    jan1 = (gk_date){x.today.y, 1, 1};
    error = gk_store_tx_begin(x.st);
    for (i = 0; error == 0 && i < DEMO_NAGENCIES; i++)
        error = gk_store_agency_add(x.st, &demo_agencies[i], NULL);
    /* Last year in full, then this year up to today (weighted by how much
     * of it has passed). */
    if (error == 0)
        error = demo_cases(&x, last_jan1, (gk_date){x.today.y - 1, 12, 31}, 24);
    if (error == 0 && gk_date_cmp(x.today, jan1) > 0)
        error = demo_cases(&x, jan1, x.today,
                           1 + 24 * (gk_date_to_days(x.today) - gk_date_to_days(jan1)) / 365);
    if (error == 0)
        error = demo_catalogue(&x, last_jan1, x.today, 8);
    if (error == 0)
        error = demo_figures(&x, x.today.y - 1);
    if (error == 0)
        error = gk_store_tx_commit(x.st);
    else
        gk_store_tx_rollback(x.st);
    if (error == 0)
        error = demo_review3(&x);
    if (error < 0) {
        rc = cli_store_fail(error, "demo");
        goto done;
    }
    /* The accounts after the registers' transaction (argon2id is slow on
     * purpose: not under the write lock), each with its own audit event. */
    for (i = 0; i < DEMO_NSTAFF; i++) {
        if (!shared[0] && demo_random_password(pw[i]) < 0) {
            fprintf(stderr, "gongkai demo: 无法生成随机密码\n");
            rc = CLI_EXIT_INTERNAL;
            goto done;
        }
        error = gk_user_add_to(x.st, demo_staff[i].name, demo_staff[i].role, demo_staff[i].agency,
                               shared[0] ? shared : pw[i]);
        if (error < 0) {
            rc = cli_fail(error, "demo");
            goto done;
        }
    }
    printf("已创建演示数据库 %s（截至 %04d-%02d-%02d）\n", where, x.today.y, x.today.m, x.today.d);
    printf("机关 %zu 个；依申请公开件 %lld 件（办理中 %lld 件），办理事件 %lld 个\n",
           DEMO_NAGENCIES, (long long)x.cases, (long long)x.open, (long long)x.events);
    printf("主动公开目录 %lld 条；%d 年表二统计数字已录入；行政复议、诉讼案件 %lld 件\n",
           (long long)x.items, x.today.y - 1, (long long)x.reviews);
    printf("账号（密码只显示这一次）：\n");
    for (i = 0; i < DEMO_NSTAFF; i++)
        printf("  %s\t%s\t%s\t%s\n", demo_staff[i].name, gk_role_name(demo_staff[i].role),
               demo_staff[i].agency ? demo_staff[i].agency : "全部",
               shared[0] ? "（标准输入给出的密码）" : pw[i]);
    if (cli_has(&p, opts, "dsn"))
        printf("运行：gongkai serve --dsn URL（与本命令相同的连接串）\n");
    else
        printf("运行：gongkai serve --db %s\n", db);
    rc = CLI_EXIT_OK;
done:
    explicit_bzero(shared, sizeof(shared));
    explicit_bzero(pw, sizeof(pw));
    gk_store_close(x.st);
    gk_calendar_free(cal);
    return rc;
}
