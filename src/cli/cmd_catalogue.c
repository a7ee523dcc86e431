/*
 * cmd_catalogue.c: `gongkai catalogue add|list|show|timeliness`: the
 * proactive-disclosure catalogue (主动公开目录, spec §6) with its 索引号
 * and the 条例第二十六条 20-working-day publication rule.
 */
#include <string.h>
#include "cli_store.h"
#include "cli_opts.h"
#include "cli_num.h"

static const cli_opt opts[] = {
    {"title", 0, OPT_VALUE, "TEXT", "add: 名称（必需）"},
    {"formed", 0, OPT_VALUE, "DATE", "add: 信息形成或者变更日期（必需，条例第二十六条）"},
    {"published", 0, OPT_VALUE, "DATE", "add: 发布日期"},
    {"written", 0, OPT_VALUE, "DATE", "add: 成文日期"},
    {"effective", 0, OPT_VALUE, "DATE", "add: 实施日期"},
    {"validity", 0, OPT_VALUE, "V", "add: 有效性：有效（默认）、失效、废止"},
    {"invalid-from", 0, OPT_VALUE, "DATE", "add: 失效或废止日期"},
    {"kind", 0, OPT_VALUE, "K", "add: 文件种类：规章、行政规范性文件、其他（默认）"},
    {"art20", 0, OPT_VALUE, "N", "add: 属于条例第二十条第（N）项（1–15）"},
    {"index-no", 0, OPT_VALUE, "NO", "add: 已有的索引号（默认自动编号）"},
    {"prefix", 0, OPT_VALUE, "CODE", "add: 索引号前段码（默认机关代码）"},
    {"doc-no", 0, OPT_VALUE, "TEXT", "add: 文号"},
    {"summary", 0, OPT_VALUE, "TEXT", "add: 内容概述"},
    {"category", 0, OPT_VALUE, "PATH", "add: 主题分类，如 综合政务\\政务公开"},
    {"keywords", 0, OPT_VALUE, "TEXT", "add: 关键词"},
    {"due-days", 0, OPT_VALUE, "N", "add: 法律法规另行规定的公开期限（工作日）"},
    {"due-basis", 0, OPT_VALUE, "TEXT", "add: 另行规定期限的法律、法规依据"},
    {"agency", 0, OPT_VALUE, "CODE", "发布机关（只有一个机关时可省略）"},
    {"search", 0, OPT_VALUE, "TEXT", "list: 按名称查找（任意长度的中文）"},
    {"year", 0, OPT_VALUE, "Y", "list/timeliness: 形成或者变更的年度"},
    {"as-of", 0, OPT_VALUE, "DATE", "timeliness: 统计日（默认今天）"},
    {"correction", 0, OPT_VALUE, "REASON", "更正已锁定年度的记录，并注明原因"},
    CLI_STORE_OPTS,
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

static const char *date_or_dash(char buf[GK_DATE_BUFSZ], gk_date d)
{
    return gk_date_valid(d) ? gk_date_format(buf, d) : "-";
}

static int print_item(const gk_catalogue_item *it, void *payload)
{
    char f[GK_DATE_BUFSZ], p[GK_DATE_BUFSZ];

    (void)payload;
    printf("%s\t%s\t%s\t%s\t%s\t%s\n", it->index_no, it->title, gk_doc_kind_label(it->doc_kind),
           gk_validity_label(it->validity), date_or_dash(f, it->formed),
           date_or_dash(p, it->published));
    return 0;
}

static int show_item(const gk_catalogue_item *it, void *payload)
{
    char a[GK_DATE_BUFSZ], b[GK_DATE_BUFSZ], c[GK_DATE_BUFSZ], d[GK_DATE_BUFSZ],
        e[GK_DATE_BUFSZ];

    (void)payload;
    printf("索引号\t%s\n名称\t%s\n发布机构\t%s\n文号\t%s\n主题分类\t%s\n内容概述\t%s\n关键词\t%s\n"
           "种类\t%s\n第二十条\t%d\n成文日期\t%s\n形成或变更\t%s\n发布日期\t%s\n实施日期\t%s\n"
           "有效性\t%s\n失效/废止\t%s\n",
           it->index_no, it->title, it->agency, it->doc_no, it->category, it->summary,
           it->keywords, gk_doc_kind_label(it->doc_kind), it->art20_item,
           date_or_dash(a, it->written), date_or_dash(b, it->formed),
           date_or_dash(c, it->published), date_or_dash(d, it->effective_from),
           gk_validity_label(it->validity), date_or_dash(e, it->invalid_from));
    if (it->due_days)
        printf("公开期限\t%d 个工作日（%s）\n", it->due_days, it->due_basis);
    return 1;
}

/* Fills it from the add options; -1 after printing the message. */
static int item_from_opts(gk_catalogue_item *it, const cli_parsed *p)
{
    int64_t art20 = 0, due = 0;
    int kind = GK_DOC_OTHER, validity = GK_VALIDITY_VALID;

    gk_catalogue_item_init(it);
    it->title = cli_opt_str(p, opts, "title", "");
    it->index_no = cli_opt_str(p, opts, "index-no", "");
    it->index_prefix = cli_opt_str(p, opts, "prefix", "");
    it->doc_no = cli_opt_str(p, opts, "doc-no", "");
    it->summary = cli_opt_str(p, opts, "summary", "");
    it->category = cli_opt_str(p, opts, "category", "");
    it->keywords = cli_opt_str(p, opts, "keywords", "");
    it->due_basis = cli_opt_str(p, opts, "due-basis", "");
    it->agency = cli_opt_str(p, opts, "agency", "");
    if (cli_opt_date(p, opts, "formed", &it->formed, "catalogue") < 0 ||
        cli_opt_date(p, opts, "published", &it->published, "catalogue") < 0 ||
        cli_opt_date(p, opts, "written", &it->written, "catalogue") < 0 ||
        cli_opt_date(p, opts, "effective", &it->effective_from, "catalogue") < 0 ||
        cli_opt_date(p, opts, "invalid-from", &it->invalid_from, "catalogue") < 0 ||
        cli_opt_label(p, opts, "kind", gk_doc_kind_from_label, &kind, "catalogue") < 0 ||
        cli_opt_label(p, opts, "validity", gk_validity_from_label, &validity, "catalogue") < 0 ||
        cli_opt_i64(p, opts, "art20", 1, 15, &art20, "catalogue") < 0 ||
        cli_opt_i64(p, opts, "due-days", 1, 366, &due, "catalogue") < 0)
        return -1;
    it->doc_kind = (gk_doc_kind)kind;
    it->validity = (gk_validity)validity;
    it->art20_item = (int)art20;
    it->due_days = (int)due;
    return 0;
}

typedef struct {
    const gk_calendar *cal;
    gk_date as_of;
} tl_ctx;

static int print_timeliness(const gk_catalogue_item *it, void *payload)
{
    tl_ctx *t = payload;
    char due_s[GK_DATE_BUFSZ], p[GK_DATE_BUFSZ];
    gk_timeliness k;
    gk_date due;
    int error = gk_catalogue_timeliness(&due, &k, it, t->cal, t->as_of);

    if (error < 0)
        return error;
    printf("%s\t%s\t%s\t%s\t%s\n", it->index_no, it->title, gk_date_format(due_s, due),
           date_or_dash(p, it->published), gk_timeliness_label(k));
    return 0;
}

static int timeliness(gk_store *st, const cli_parsed *p, int year, const char *agency)
{
    gk_item_query q = GK_ITEM_QUERY_INIT;
    gk_timeliness_stats s;
    gk_calendar *cal = NULL;
    tl_ctx t;
    char now[GK_DATE_BUFSZ];
    int error;

    t.as_of = cli_today();
    if (cli_opt_date(p, opts, "as-of", &t.as_of, "catalogue") < 0)
        return GK_EINVALID;
    error = gk_calendar_new_default(&cal);
    if (error < 0)
        return error;
    t.cal = cal;
    q.agency = agency;
    q.formed_year = year;
    printf("索引号\t名称\t应公开日期\t发布日期\t及时性（条例第二十六条，统计日 %s）\n",
           gk_date_format(now, t.as_of));
    error = gk_store_item_foreach(st, &q, print_timeliness, &t);
    if (error == 0)
        error = gk_store_item_timeliness(st, agency, year, cal, t.as_of, &s);
    if (error == 0)
        printf("%d 年 %s：共 %lld 条，按时 %lld，逾期发布 %lld，逾期未发布 %lld，期限内 %lld；"
               "及时率 %.1f%%\n",
               year, agency ? agency : "全部机关", (long long)s.items, (long long)s.on_time,
               (long long)s.late, (long long)s.overdue, (long long)s.pending, s.rate * 100.0);
    gk_calendar_free(cal);
    return error;
}

static bool usage_ok(const cli_parsed *p)
{
    static const struct {
        const char *verb;
        int nargs;
    } verbs[] = {{"add", 1}, {"list", 1}, {"show", 2}, {"timeliness", 1}};
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(verbs); i++)
        if (p->nargs == verbs[i].nargs && !strcmp(p->args[0], verbs[i].verb))
            return true;
    return false;
}

int cmd_catalogue(int argc, char **argv)
{
    gk_item_query q = GK_ITEM_QUERY_INIT;
    char no[GK_INDEX_NO_BUFSZ];
    const char *verb;
    cli_parsed p;
    gk_store *st = NULL;
    int64_t year = 0;
    int rc, error = 0;

    rc = cli_parse(&p, opts, argc, argv, "catalogue");
    if (rc)
        return rc;
    if (p.help) {
        cli_usage(stdout, "catalogue",
                  "add --title T --formed DATE [...] | list [--search T] [--year Y] | show 索引号 |"
                  " timeliness --year Y [--agency CODE] [--as-of DATE]",
                  "主动公开目录：索引号按前段码和年度自动编号、永不重编；有效性；"
                  "条例第二十六条 20 个工作日内公开的及时性和及时率。",
                  opts);
        return CLI_EXIT_OK;
    }
    if (!usage_ok(&p)) {
        fprintf(stderr, "用法: gongkai catalogue add|list|show 索引号|timeliness（见 --help）\n");
        return CLI_EXIT_USAGE;
    }
    verb = p.args[0];
    if (cli_opt_i64(&p, opts, "year", 2008, 9999, &year, "catalogue") < 0)
        return CLI_EXIT_USAGE;
    if (!strcmp(verb, "timeliness") && !year) {
        fprintf(stderr, "gongkai catalogue: timeliness 需要 --year YYYY\n");
        return CLI_EXIT_USAGE;
    }
    rc = cli_store_open(&st, &p, opts, "catalogue", false);
    if (rc)
        return rc;
    error = gk_store_set_correction(st, cli_get(&p, opts, "correction"));
    q.agency = cli_get(&p, opts, "agency");
    if (error < 0) {
        /* reported below */
    } else if (!strcmp(verb, "add")) {
        gk_catalogue_item it;
        if (item_from_opts(&it, &p) < 0) {
            rc = CLI_EXIT_USAGE;
            goto done;
        }
        error = gk_store_item_add(st, &it, no);
        if (error == 0)
            printf("已登记目录信息 %s\n", no);
    } else if (!strcmp(verb, "list")) {
        q.title = cli_get(&p, opts, "search");
        q.formed_year = (int)year;
        error = gk_store_item_foreach(st, &q, print_item, NULL);
    } else if (!strcmp(verb, "show")) {
        q.index_no = p.args[1];
        error = gk_store_item_foreach(st, &q, show_item, NULL);
        if (error == 0) {
            fprintf(stderr, "gongkai catalogue: 没有索引号为 '%s' 的目录信息\n", p.args[1]);
            rc = CLI_EXIT_USAGE;
        }
        error = error > 0 ? 0 : error;
    } else {
        error = timeliness(st, &p, (int)year, q.agency);
    }
    if (error < 0)
        rc = cli_store_fail(error, "catalogue");
done:
    gk_store_close(st);
    return rc;
}
