/*
 * cmd_case.c: the application register from the command line.
 *   gongkai case add --applicant NAME --received DATE [--type T]
 *        [--channel C] [--arrival DATE] [--agency CODE] [--tracking-no NO]
 *        [--id-number ID] [--contact C] [--description D] [--form F]
 *   gongkai case event CODE EVENT --date DATE [--outcome ROW] [--days N]
 *        [--approver NAME] [--until DATE] [--fee YUAN]
 *   gongkai case show CODE [--as-of DATE]     (the case and its deadline)
 *   gongkai case list [--open] [--agency CODE]
 *   gongkai case split CODE --into N [--titles T …] [--date DATE]
 *        (一事一申请, 国办函〔2020〕109号第四条: N child 件, the parent no
 *        longer counted; prints the children's ledger numbers and codes)
 * `add` prints the tracking code only after the commit, so a printed code
 * is a registered case.
 */
#include <string.h>
#include "cli_store.h"
#include "cli_num.h"
#include "cli_opts.h"

static const cli_opt opts[] = {
    {"applicant", 0, OPT_VALUE, "NAME", "add: 申请人姓名或名称（条例第二十九条）"},
    {"type", 0, OPT_VALUE, "T", "add: 申请人类型（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）"},
    {"channel", 0, OPT_VALUE, "C", "add: 申请渠道（当面、邮寄、网络、传真、其他）"},
    {"received", 0, OPT_VALUE, "DATE", "add: 收到申请之日（条例第三十一条）"},
    {"arrival", 0, OPT_VALUE, "DATE", "add: 申请到达之日（默认同收到申请之日）"},
    {"agency", 0, OPT_VALUE, "CODE", "add/list: 机关代码（只有一个机关时可省略）"},
    {"tracking-no", 0, OPT_VALUE, "NO", "add: 本机关登记号（默认自动编号）"},
    {"id-number", 0, OPT_VALUE, "ID", "add: 身份证明或统一社会信用代码（用于识别同一申请人）"},
    {"contact", 0, OPT_VALUE, "C", "add: 联系方式"},
    {"description", 0, OPT_VALUE, "D", "add: 所需信息的名称、文号或特征性描述"},
    {"form", 0, OPT_VALUE, "F", "add: 形式要求（获取信息的方式、途径）"},
    {"date", 0, OPT_VALUE, "DATE", "event: 事件发生之日"},
    {"outcome", 0, OPT_VALUE, "ROW", "event ANSWER: 表三办理结果行（如 R_GRANT）"},
    {"decision", 0, OPT_VALUE, "ID",
     "event ANSWER: 决定类型（如 na-other-agency；按决定对应表计入表三，见 docs/decision-map.md）"},
    {"into", 0, OPT_VALUE, "N", "split: 拆分为几件（2–50）"},
    {"titles", 0, OPT_MULTI, "T", "split: 各件的标题（可重复，或用 | 分隔；默认沿用原描述）"},
    {"days", 0, OPT_VALUE, "N", "event EXTEND: 延长的工作日数（1–20）"},
    {"approver", 0, OPT_VALUE, "NAME", "event EXTEND: 批准延长的负责人"},
    {"until", 0, OPT_VALUE, "DATE", "event DEFER: 条例第三十五条的合理期限"},
    {"fee", 0, OPT_VALUE, "YUAN", "event FEE_NOTICE: 收费金额（元）"},
    {"fee-by", 0, OPT_VALUE, "件|量", "event FEE_NOTICE: 按件或按量计算金额（国办函〔2020〕109号第四、五条）"},
    {"pages", 0, OPT_VALUE, "N", "event FEE_NOTICE --fee-by 量: 页数"},
    {"as-of", 0, OPT_VALUE, "DATE", "show: 计算期限所依据的日期（默认最后事件日）"},
    {"open", 0, OPT_FLAG, NULL, "list: 只列出未办结的申请"},
    CLI_STORE_OPTS,
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

#define SYNOPSIS "add|event|show|list|split …（见下）"

static const char *opt(const cli_parsed *p, const char *name)
{
    return cli_get(p, opts, name);
}

/* Sets *out to an optional text option's value; leaves it when absent. */
static void text_opt(const cli_parsed *p, const char *name, const char **out)
{
    const char *v = opt(p, name);

    if (v)
        *out = v;
}

/* Parses an optional date option into *out; 0 when absent or valid. */
static int date_opt(const cli_parsed *p, const char *name, gk_date *out)
{
    const char *v = opt(p, name);

    return v ? cli_parse_date(v, out, "case") : 0;
}

static int lookup_opt(const cli_parsed *p, const char *name, int (*from)(const char *, size_t),
                      int *out)
{
    const char *v = opt(p, name);

    if (!v)
        return 0;
    *out = from(v, strlen(v));
    if (*out < 0) {
        fprintf(stderr, "gongkai case: --%s '%s' 无效\n", name, v);
        return -1;
    }
    return 0;
}

static int case_add(gk_store *st, const cli_parsed *p)
{
    gk_case c;
    int t = 0, ch = GK_CHANNEL_IN_PERSON;
    int error;

    gk_case_init(&c);
    if (!opt(p, "applicant") || !opt(p, "received")) {
        fprintf(stderr, "gongkai case add: 需要 --applicant 和 --received\n");
        return CLI_EXIT_USAGE;
    }
    if (lookup_opt(p, "type", gk_applicant_type_from_label, &t) < 0 ||
        lookup_opt(p, "channel", gk_channel_from_label, &ch) < 0 ||
        date_opt(p, "received", &c.received) < 0 || date_opt(p, "arrival", &c.arrival) < 0)
        return CLI_EXIT_USAGE;
    c.applicant_type = (gk_applicant_type)t;
    c.channel = (gk_channel)ch;
    c.applicant = opt(p, "applicant");
    text_opt(p, "agency", &c.agency);
    text_opt(p, "tracking-no", &c.tracking_no);
    text_opt(p, "id-number", &c.applicant_id);
    text_opt(p, "contact", &c.contact);
    text_opt(p, "description", &c.description);
    text_opt(p, "form", &c.form);
    error = gk_store_case_add(st, &c);
    if (error < 0)
        return cli_store_fail(error, "case add");
    printf("%s\n", c.tracking_code);
    return CLI_EXIT_OK;
}

static int case_event(gk_store *st, const cli_parsed *p)
{
    gk_case_event ev = GK_CASE_EVENT_INIT;
    int kind, error;
    int64_t n;

    kind = gk_case_event_from_key(p->args[2], strlen(p->args[2]));
    if (kind < 0) {
        fprintf(stderr, "gongkai case event: 未知事件 '%s'；可用:", p->args[2]);
        for (kind = 0; kind < GK_CASE_NEVENTS; kind++)
            fprintf(stderr, " %s", gk_case_event_key(kind));
        fprintf(stderr, "\n");
        return CLI_EXIT_USAGE;
    }
    ev.kind = (gk_case_event_kind)kind;
    if (!opt(p, "date")) {
        fprintf(stderr, "gongkai case event: 需要 --date\n");
        return CLI_EXIT_USAGE;
    }
    if (date_opt(p, "date", &ev.date) < 0 || date_opt(p, "until", &ev.until) < 0)
        return CLI_EXIT_USAGE;
    if (opt(p, "outcome")) {
        ev.outcome = gk_t3_row_from_key(opt(p, "outcome"), strlen(opt(p, "outcome")));
        if (ev.outcome < 0) {
            fprintf(stderr, "gongkai case event: 未知的办理结果 '%s'\n", opt(p, "outcome"));
            return CLI_EXIT_USAGE;
        }
    }
    if (opt(p, "days")) {
        if (cli_parse_i64(opt(p, "days"), &n) < 0 || n < 0 || n > 1000) {
            fprintf(stderr, "gongkai case event: --days '%s' 无效\n", opt(p, "days"));
            return CLI_EXIT_USAGE;
        }
        ev.days = (int)n;
    }
    if (opt(p, "fee")) {
        if (cli_parse_i64(opt(p, "fee"), &ev.fee_yuan) < 0) {
            fprintf(stderr, "gongkai case event: --fee '%s' 无效\n", opt(p, "fee"));
            return CLI_EXIT_USAGE;
        }
    }
    /* 109号: the amount computed by the store (按件 from the applicant's
     * month count, 按量 from the pages); a given --fee must then agree. */
    if (opt(p, "fee-by")) {
        ev.fee_calc = !strcmp(opt(p, "fee-by"), "件")   ? GK_CASE_FEE_BY_COUNT
                      : !strcmp(opt(p, "fee-by"), "量") ? GK_CASE_FEE_BY_PAGES
                                                        : -1;
        if (ev.fee_calc < 0 || (opt(p, "pages") && cli_parse_i64(opt(p, "pages"), &ev.fee_pages) < 0)) {
            fprintf(stderr, "gongkai case event: --fee-by 须为 件 或 量，--pages 须为整数\n");
            return CLI_EXIT_USAGE;
        }
    }
    ev.approver = opt(p, "approver");
    ev.decision = opt(p, "decision");
    error = gk_store_case_apply(st, p->args[1], &ev);
    if (error < 0)
        return cli_store_fail(error, "case event");
    printf("%s: %s\n", p->args[1], gk_case_event_label(ev.kind));
    return CLI_EXIT_OK;
}

typedef struct {
    gk_store *st;
    gk_date as_of;
    bool has_as_of;
    int error;
} show_ctx;

static int show_link(const gk_case_link *l, void *payload)
{
    int *n = payload;

    if (l->is_parent)
        printf("拆分自: %s（查询码 %s，国办函〔2020〕109号第四条）\n", l->tracking_no,
               l->tracking_code);
    else
        printf("%s%s（%s）", (*n)++ ? "，" : "拆分为: ", l->tracking_no, l->tracking_code);
    return 0;
}

/* The split links, the recorded decision and the fee notice of c (the
 * payment window flagged when counted provisionally). */
static int show_extras(gk_store *st, const gk_case *c)
{
    gk_buf b = GK_BUF_INIT;
    gk_case_fee fee;
    bool found = false;
    char d1[GK_DATE_BUFSZ], d2[GK_DATE_BUFSZ];
    int n = 0;
    int error = gk_store_case_links(st, c->id, show_link, &n);

    if (error == 0 && n)
        printf("\n");
    if (error == 0)
        error = gk_store_case_decision(st, c->id, &b, &found);
    if (error == 0 && found)
        printf("决定类型: %s\n", gk_buf_cstr(&b));
    gk_buf_clear(&b);
    if (error == 0)
        error = gk_store_case_fee(st, c->id, &fee, &found);
    if (error == 0 && found) {
        printf("收费通知: %lld 元，%s 送达，缴费期限至 %s", (long long)fee.amount,
               gk_date_format(d1, fee.notice), gk_date_format(d2, fee.due));
        if (fee.provisional && gk_calendar_provisional_note(&b, &fee.prov) == 0)
            printf("（暂定：%s）", gk_buf_cstr(&b));
        if (gk_date_valid(fee.paid))
            printf("，%s 已缴费", gk_date_format(d1, fee.paid));
        printf("\n");
    }
    gk_buf_release(&b);
    return error;
}

static int show_one(const gk_case *c, void *payload)
{
    show_ctx *s = payload;
    gk_calendar *cal = NULL;
    gk_buf text = GK_BUF_INIT;
    char d[GK_DATE_BUFSZ];
    int error;

    printf("查询码: %s\n登记号: %s\n机关: %s\n申请人: %s（%s）\n渠道: %s\n收到申请: %s\n状态: %s\n",
           c->tracking_code, c->tracking_no, c->agency, c->applicant,
           gk_applicant_type_label(c->applicant_type), gk_channel_label(c->channel),
           gk_date_format(d, c->received), gk_case_state_label(c->state));
    error = show_extras(s->st, c);
    if (error < 0 || c->outcome >= 0 || !gk_case_state_is_open(c->state)) {
        if (error == 0 && c->outcome >= 0)
            printf("办理结果: %s（%s）\n办结日期: %s\n", gk_t3_row_label(c->outcome),
                   gk_t3_row_key(c->outcome), gk_date_format(d, c->concluded));
        s->error = error;
        return error < 0 ? error : 1;
    }
    /* The calendar of --calendar / $GK_CALENDAR (cli_store_open) or the
     * built-in one; a year without data is counted provisionally and the
     * text says so ("暂定：…", calendar.h PROVISIONAL MODE). */
    error = gk_calendar_new_default(&cal);
    if (error == 0)
        error = gk_case_deadline_format_mode(&text, c, cal,
                                             s->has_as_of ? s->as_of : c->last_event,
                                             GK_CALENDAR_PROVISIONAL);
    if (error == 0)
        printf("答复期限:\n%s", gk_buf_cstr(&text));
    gk_buf_release(&text);
    gk_calendar_free(cal);
    s->error = error;
    return error < 0 ? error : 1;
}

static int case_show(gk_store *st, const cli_parsed *p)
{
    gk_case_query q = GK_CASE_QUERY_INIT;
    show_ctx s;
    int error;

    memset(&s, 0, sizeof s);
    s.st = st;
    if (date_opt(p, "as-of", &s.as_of) < 0)
        return CLI_EXIT_USAGE;
    s.has_as_of = opt(p, "as-of") != NULL;
    q.tracking_code = p->args[1];
    error = gk_store_case_foreach(st, &q, show_one, &s);
    if (error == 0) {
        q.tracking_code = NULL;
        q.tracking_no = p->args[1];
        error = gk_store_case_foreach(st, &q, show_one, &s);
    }
    if (error < 0)
        return cli_store_fail(error, "case show");
    if (error == 0) {
        fprintf(stderr, "gongkai case show: 没有查询码或登记号为 '%s' 的申请\n", p->args[1]);
        return CLI_EXIT_USAGE;
    }
    return CLI_EXIT_OK;
}

static int list_one(const gk_case *c, void *payload)
{
    char d[GK_DATE_BUFSZ];

    (void)payload;
    printf("%s\t%s\t%s\t%s\t%s\t%s\n", c->tracking_code, c->agency, c->tracking_no,
           gk_date_format(d, c->received), gk_case_state_key(c->state),
           c->outcome >= 0 ? gk_t3_row_key(c->outcome) : "-");
    return 0;
}

static int case_list(gk_store *st, const cli_parsed *p)
{
    gk_case_query q = GK_CASE_QUERY_INIT;
    int error;

    q.agency = opt(p, "agency");
    q.open_only = cli_has(p, opts, "open");
    error = gk_store_case_foreach(st, &q, list_one, NULL);
    return error < 0 ? cli_store_fail(error, "case list") : CLI_EXIT_OK;
}

/* Splits the --titles values at '|' into titles[] (pointers into buf). */
static int split_titles(const cli_parsed *p, char *buf, size_t bufsz, const char **titles,
                        int max, int *n)
{
    size_t i, used = 0;
    int k;

    for (i = 0; i < GK_ARRAY_LEN(opts) && opts[i].name; i++)
        if (!strcmp(opts[i].name, "titles"))
            break;
    *n = 0;
    for (k = 0; k < p->nmulti[i]; k++) {
        const char *v = p->multi[i][k];
        size_t len = strlen(v);
        char *t, *save = NULL;
        if (used + len + 1 > bufsz)
            return -1;
        memcpy(buf + used, v, len + 1);
        for (t = strtok_r(buf + used, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
            if (*n == max)
                return -1;
            titles[(*n)++] = t;
        }
        used += len + 1;
    }
    return 0;
}

static int case_split(gk_store *st, const cli_parsed *p)
{
    char codes[GK_SPLIT_MAX][GK_TRACKING_CODE_LEN + 1];
    const char *titles[GK_SPLIT_MAX];
    char buf[8192];
    gk_date date;
    int64_t n;
    int nt, i, error;

    if (!opt(p, "into") || cli_parse_i64(opt(p, "into"), &n) < 0 || n < 2 || n > GK_SPLIT_MAX) {
        fprintf(stderr, "gongkai case split: 需要 --into N（2–%d）\n", GK_SPLIT_MAX);
        return CLI_EXIT_USAGE;
    }
    if (split_titles(p, buf, sizeof buf, titles, GK_SPLIT_MAX, &nt) < 0 || (nt && nt != n)) {
        fprintf(stderr, "gongkai case split: --titles 应给出 %lld 个标题（可用 | 分隔）\n",
                (long long)n);
        return CLI_EXIT_USAGE;
    }
    date = cli_today();
    if (date_opt(p, "date", &date) < 0)
        return CLI_EXIT_USAGE;
    error = gk_store_case_split(st, p->args[1], date, (int)n, nt ? titles : NULL, codes);
    if (error < 0)
        return cli_store_fail(error, "case split");
    printf("%s 已按一事一申请拆分为 %lld 件（国办函〔2020〕109号第四条）:\n", p->args[1],
           (long long)n);
    for (i = 0; i < (int)n; i++)
        printf("%s\n", codes[i]);
    return CLI_EXIT_OK;
}

static const struct {
    cli_sub sub;
    int (*fn)(gk_store *st, const cli_parsed *p);
} subs[] = {
    {{"add", 1}, case_add},   {{"event", 3}, case_event}, {{"show", 2}, case_show},
    {{"list", 1}, case_list}, {{"split", 2}, case_split},
};

int cmd_case(int argc, char **argv)
{
    cli_parsed p;
    gk_store *st = NULL;
    int i, rc;

    rc = cli_parse(&p, opts, argc, argv, "case");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "case", SYNOPSIS,
                  "登记和办理依申请公开件。\n"
                  "  case add --applicant NAME --received DATE …   登记，输出查询码\n"
                  "  case event CODE EVENT --date DATE …            办理事件（状态表见 "
                  "docs/cli/case.md）\n"
                  "  case show CODE [--as-of DATE]                  显示申请及答复期限的计算过程\n"
                  "  case list [--open] [--agency CODE]             列出申请\n"
                  "  case split CODE --into N [--titles T …]        按一事一申请拆分为 N 件"
                  "（国办函〔2020〕109号第四条）",
                  opts);
        return CLI_EXIT_OK;
    }
    i = cli_sub_find(&p, subs, GK_ARRAY_LEN(subs), sizeof subs[0], "case", SYNOPSIS);
    if (i < 0)
        return CLI_EXIT_USAGE;
    rc = cli_store_open(&st, &p, opts, "case", false);
    if (rc)
        return rc;
    rc = subs[i].fn(st, &p);
    gk_store_close(st);
    return rc;
}
