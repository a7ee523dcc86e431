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
#include "gk/publish.h"
#include "gk/store_review3.h"
#include "cli_num.h"
#include "cli_store.h"

static const cli_opt opts[] = {
    {"db", 0, OPT_VALUE, "PATH", "要创建的演示数据库（SQLite 文件，默认 ./gongkai.db；须为空库或不存在）"},
    {"dsn", 0, OPT_VALUE, "URL", "或 PostgreSQL 连接串（postgresql://…；须为空库）"},
    {"password-stdin", 0, OPT_FLAG, NULL, "从标准输入读取所有演示账号的密码（第一行），否则随机生成并打印一次"},
    {"seed", 0, OPT_VALUE, "N", "随机数种子（默认 2019；同一种子、同一日期生成相同数据）"},
    CLI_CALENDAR_OPT,
    {NULL, 0, OPT_FLAG, NULL, NULL},
};

/* ---- the agency tree and the staff ------------------------------------ */

static const gk_agency agencies[] = {
    {0, "QZF", "某某区人民政府", "", "政府"},
    {0, "QZFB", "某某区人民政府办公室", "QZF", "部门"},
    {0, "QJYJ", "某某区教育局", "QZF", "部门"},
    {0, "QZJJ", "某某区住房和城乡建设局", "QZF", "部门"},
    {0, "QCGJD", "某某区城关街道办事处", "QZF", "街道"},
};

/* 前段码 of each agency's 索引号 (spec §6.3, the 2008 organisation-code
 * form), in the order of agencies[]. */
static const char *const index_prefixes[] = {"QZF00001-1", "QZFB0001-2", "QJYJ0001-3",
                                             "QZJJ0001-4", "QCGJD001-5"};

/* Catalogue items each agency publishes (第二十条), with the kind that
 * table 2 counts. */
static const struct {
    const char *title;
    gk_doc_kind kind;
    int art20;
} items[] = {
    {"关于进一步规范行政执法公示工作的通知", GK_DOC_NORMATIVE, 1},
    {"年度部门预算公开", GK_DOC_OTHER, 7},   /* （七）财政预算、决算信息 */
    {"年度部门决算公开", GK_DOC_OTHER, 7},
    {"重点项目建设进展情况", GK_DOC_OTHER, 10}, /* （十）重大建设项目 */
    {"行政许可事项清单", GK_DOC_OTHER, 5},     /* （五）行政许可 */
    {"关于印发专项资金管理办法的通知", GK_DOC_NORMATIVE, 1},
    {"政府信息公开工作年度报告", GK_DOC_OTHER, 0},
    {"突发事件应急预案", GK_DOC_OTHER, 12},
};

/* One account per role (issue 6); 管理员 and 督查 see every agency. */
static const struct {
    const char *name;
    gk_role role;
    const char *agency;
} staff[] = {
    {"dengji", GK_ROLE_CLERK, "QJYJ"},    {"chengban", GK_ROLE_HANDLER, "QJYJ"},
    {"shenhe", GK_ROLE_REVIEWER, "QJYJ"}, {"fuze", GK_ROLE_HEAD, "QJYJ"},
    {"admin", GK_ROLE_ADMIN, NULL},       {"ducha", GK_ROLE_SUPERVISOR, NULL},
    {"zjj", GK_ROLE_HEAD, "QZJJ"},        {"bgs", GK_ROLE_HEAD, "QZFB"},
    /* A second 审核人 so that 初审 and 复审 are different people, and the
     * supervising office of the district (its subtree). */
    {"fushen", GK_ROLE_REVIEWER, "QJYJ"}, {"quducha", GK_ROLE_SUPERVISOR, "QZF"},
};

/* What people ask each agency for (第二十九条（二）). */
static const char *const requests[][4] = {
    {"区人民政府2024年度重大行政决策事项目录", "区政府常务会议关于老旧小区改造的会议纪要",
     "区人民政府关于印发城市更新实施方案的通知", "区2024年财政预算执行情况报告"},
    {"区政府办公室2024年信息公开工作年度报告底稿", "区人民政府规范性文件清理结果",
     "区长信箱办理情况统计", "区政府办公室公务接待费用明细"},
    {"2024年义务教育学校划片招生方案", "某小学扩建工程立项批复", "民办学校年检结果",
     "校外培训机构审批名单"},
    {"某地块国有土地上房屋征收补偿方案", "某小区建设工程规划许可证及附图",
     "保障性住房分配名单及审核标准", "某路段道路改造工程招标文件"},
    {"街道2024年低保审批名单（去除个人隐私）", "某社区拆违整治决定书", "街道办事处年度预算",
     "老旧小区加装电梯补贴发放情况"},
};

static const char *const surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴",
                                       "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
static const char *const given[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
                                    "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "建国", "桂兰"};
static const char *const orgs[GK_APPLICANT_NTYPES] = {
    NULL, "某某科技有限公司", "某某大学公共管理学院", "某某环保公益服务中心", "某某律师事务所",
    "某某业主委员会"};
static const char *const forms[] = {"获取方式：电子数据；获取途径：电子邮件",
                                    "获取方式：纸质；获取途径：邮寄",
                                    "获取方式：纸质；获取途径：当面领取"};

/* Weighted choices: {value, weight}. */
typedef struct {
    int v;
    int w;
} weighted;

/* Applicant classes: mostly people, then law firms and companies. */
static const weighted types[] = {
    {GK_APPLICANT_NATURAL, 70}, {GK_APPLICANT_COMMERCIAL, 10}, {GK_APPLICANT_RESEARCH, 3},
    {GK_APPLICANT_NONPROFIT, 3}, {GK_APPLICANT_LEGAL, 9},      {GK_APPLICANT_OTHER, 5},
};

static const weighted channels[] = {
    {GK_CHANNEL_ONLINE, 50}, {GK_CHANNEL_IN_PERSON, 20}, {GK_CHANNEL_POST, 25}, {GK_CHANNEL_FAX, 5},
};

/* Answers, roughly as published reports show them. */
static const weighted outcomes[] = {
    {GK_T3_R_GRANT, 34},          {GK_T3_R_PARTIAL, 10},       {GK_T3_R_DENY_SECRET, 1},
    {GK_T3_R_DENY_LAW, 1},        {GK_T3_R_DENY_3S1W, 1},      {GK_T3_R_DENY_THIRD, 3},
    {GK_T3_R_DENY_INTERNAL, 2},   {GK_T3_R_DENY_PROCESS, 3},   {GK_T3_R_DENY_CASEFILE, 1},
    {GK_T3_R_DENY_QUERY, 2},      {GK_T3_R_NA_NOTHELD, 20},    {GK_T3_R_NA_CREATE, 5},
    {GK_T3_R_NP_PETITION, 5},     {GK_T3_R_NP_REPEAT, 4},      {GK_T3_R_NP_PUBLICATION, 1},
    {GK_T3_R_NP_MASSIVE, 1},      {GK_T3_R_NP_CONFIRM, 1},     {GK_T3_R_OT_OTHER, 2},
};

/* The handling paths of spec §2.3 and how often each is taken. */
typedef enum {
    PATH_PLAIN,            /* 受理 → 答复 */
    PATH_ON_THE_SPOT,      /* 当场答复 (第三十三条第一款) */
    PATH_CORRECTED,        /* 补正 → 收到补正 → 答复 (第三十条) */
    PATH_NO_CORRECTION,    /* 补正 → 逾期未补正 */
    PATH_THIRD_PARTY,      /* 征求第三方意见 (第三十二条) → 答复 */
    PATH_EXTENDED,         /* 延期 (第三十三条第二款) → 答复 */
    PATH_FEE_PAID,         /* 收费通知 → 缴费 → 答复 */
    PATH_FEE_LAPSED,       /* 收费通知 → 逾期未缴费 */
    PATH_WITHDRAWN,        /* 撤回 */
    PATH_STUCK             /* 受理后无人答复: overdue on the dashboard */
} handling;

static const weighted paths[] = {
    {PATH_PLAIN, 62}, {PATH_ON_THE_SPOT, 4}, {PATH_CORRECTED, 8}, {PATH_NO_CORRECTION, 3},
    {PATH_THIRD_PARTY, 5}, {PATH_EXTENDED, 6}, {PATH_FEE_PAID, 2}, {PATH_FEE_LAPSED, 1},
    {PATH_WITHDRAWN, 3}, {PATH_STUCK, 2},
};

/* ---- a small deterministic generator (xorshift64*) -------------------- */

static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

static int pick(const weighted *w, size_t n)
{
    int total = 0, r;
    size_t i;

    for (i = 0; i < n; i++)
        total += w[i].w;
    r = (int)rnd((uint32_t)total);
    for (i = 0; i < n; i++) {
        if (r < w[i].w)
            return w[i].v;
        r -= w[i].w;
    }
    return w[0].v;
}

/* A 居民身份证 number with a valid GB 11643 check character. */
static void id_number(char out[19], gk_date born)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char check[] = "10X98765432";
    int i, sum = 0;

    snprintf(out, 19, "110105%04d%02d%02d%03u", born.y, born.m, born.d, 100 + rnd(800));
    for (i = 0; i < 17; i++)
        sum += (out[i] - '0') * weights[i];
    out[17] = check[sum % 11];
    out[18] = '\0';
}

/* ---- making the cases ------------------------------------------------- */

typedef struct {
    gk_store *st;
    const gk_calendar *cal;
    gk_date today;
    int64_t cases, events, open, items, reviews;
} demo_ctx;

/* d + n working days; false when the calendar does not cover it. */
static bool wd(const demo_ctx *x, gk_date d, int n, gk_date *out)
{
    if (gk_calendar_add_workdays(out, x->cal, d, n) < 0) {
        gk_error_clear();
        return false;
    }
    return true;
}

/* Applies ev unless it would happen after today. 1 = applied, 0 = not
 * yet (the case stays where it is), negative = error. */
static int step(demo_ctx *x, const char *code, gk_case_event *ev, gk_date base, int after)
{
    int error;

    if (!wd(x, base, after, &ev->date) || gk_date_cmp(ev->date, x->today) > 0)
        return 0;
    error = gk_store_case_apply(x->st, code, ev);
    if (error < 0)
        return error;
    x->events++;
    return 1;
}

#define STEP(kind_, base_, after_)                                                                 \
    do {                                                                                           \
        ev.kind = (kind_);                                                                         \
        rc = step(x, c.tracking_code, &ev, (base_), (after_));                                     \
        if (rc <= 0)                                                                               \
            goto stop;                                                                             \
    } while (0)

/* Registers one case received on `received` and takes it along a path. */
static int one_case(demo_ctx *x, size_t agency, gk_date received)
{
    gk_case_event ev = GK_CASE_EVENT_INIT;
    char name[64], idno[19], contact[64], desc[256];
    gk_date born = {1960 + (int)rnd(40), 1 + (int)rnd(12), 1 + (int)rnd(28)};
    handling path = (handling)pick(paths, GK_ARRAY_LEN(paths));
    int t = pick(types, GK_ARRAY_LEN(types)), rc, error;
    gk_date d0 = received;
    gk_case c;

    gk_case_init(&c);
    c.agency = agencies[agency].code;
    c.applicant_type = (gk_applicant_type)t;
    if (t == GK_APPLICANT_NATURAL) {
        snprintf(name, sizeof(name), "%s%s", surnames[rnd(GK_ARRAY_LEN(surnames))],
                 given[rnd(GK_ARRAY_LEN(given))]);
        id_number(idno, born);
    } else {
        snprintf(name, sizeof(name), "%s%s", surnames[rnd(GK_ARRAY_LEN(surnames))], orgs[t]);
        idno[0] = '\0';
    }
    snprintf(contact, sizeof(contact), "电话：13%u%08u", 3 + rnd(7), rnd(100000000));
    snprintf(desc, sizeof(desc), "名称：%s", requests[agency][rnd(4)]);
    c.applicant = name;
    c.applicant_id = idno;
    c.contact = contact;
    c.description = desc;
    c.form = forms[rnd(GK_ARRAY_LEN(forms))];
    c.channel = (gk_channel)pick(channels, GK_ARRAY_LEN(channels));
    c.arrival = received;
    c.received = received;
    error = gk_store_case_add(x->st, &c);
    if (error < 0)
        return error;
    x->cases++;
    ev.outcome = pick(outcomes, GK_ARRAY_LEN(outcomes));
    switch (path) {
    case PATH_ON_THE_SPOT:
        STEP(GK_CASE_EV_ANSWER, d0, 0);
        break;
    case PATH_CORRECTED:
        STEP(GK_CASE_EV_REQUEST_CORRECTION, d0, 2 + (int)rnd(4));
        STEP(GK_CASE_EV_CORRECTED, ev.date, 3 + (int)rnd(8));
        STEP(GK_CASE_EV_ANSWER, ev.date, 5 + (int)rnd(14));
        break;
    case PATH_NO_CORRECTION:
        STEP(GK_CASE_EV_REQUEST_CORRECTION, d0, 2 + (int)rnd(4));
        STEP(GK_CASE_EV_CORRECTION_LAPSED, ev.date, 15);
        break;
    case PATH_THIRD_PARTY:
        STEP(GK_CASE_EV_ACCEPT, d0, 1);
        STEP(GK_CASE_EV_CONSULT_THIRD_PARTY, ev.date, 3 + (int)rnd(5));
        STEP(GK_CASE_EV_CONSULT_DONE, ev.date, 5 + (int)rnd(10));
        ev.outcome = rnd(2) ? GK_T3_R_DENY_THIRD : GK_T3_R_PARTIAL;
        STEP(GK_CASE_EV_ANSWER, ev.date, 3 + (int)rnd(8));
        break;
    case PATH_EXTENDED:
        STEP(GK_CASE_EV_ACCEPT, d0, 1);
        ev.days = 10 + (int)rnd(11);
        ev.approver = "fuze";
        STEP(GK_CASE_EV_EXTEND, d0, 15 + (int)rnd(4));
        STEP(GK_CASE_EV_ANSWER, d0, 22 + (int)rnd(10));
        break;
    case PATH_FEE_PAID:
    case PATH_FEE_LAPSED:
        STEP(GK_CASE_EV_ACCEPT, d0, 1);
        ev.fee_yuan = 100 + 10 * (int64_t)rnd(60);
        STEP(GK_CASE_EV_FEE_NOTICE, ev.date, 5 + (int)rnd(5));
        if (path == PATH_FEE_LAPSED) {
            /* 国办函〔2020〕109号: 20 working days from the day after the
             * notice; it lapses the working day after that. */
            STEP(GK_CASE_EV_FEE_LAPSED, ev.date, 21);
            break;
        }
        STEP(GK_CASE_EV_FEE_PAID, ev.date, 3 + (int)rnd(10));
        STEP(GK_CASE_EV_ANSWER, ev.date, 3 + (int)rnd(6));
        break;
    case PATH_WITHDRAWN:
        STEP(GK_CASE_EV_WITHDRAW, d0, 1 + (int)rnd(8));
        break;
    case PATH_STUCK:
        STEP(GK_CASE_EV_ACCEPT, d0, 1);
        break;
    case PATH_PLAIN:
    default:
        STEP(GK_CASE_EV_ACCEPT, d0, 1);
        /* Most within the 20 working days; a few late (超期). */
        STEP(GK_CASE_EV_ANSWER, d0, rnd(20) ? 3 + (int)rnd(17) : 21 + (int)rnd(8));
        break;
    }
    if (path == PATH_STUCK)
        x->open++; /* accepted and left: overdue once its 20 days pass */
    return 0;
stop:
    if (rc < 0)
        return rc;
    x->open++;
    return 0;
}

/* n cases per agency spread over the working days of [from, to]. */
static int year_of_cases(demo_ctx *x, gk_date from, gk_date to, int per_agency)
{
    int64_t span;
    size_t a;
    int i, error = gk_calendar_workdays_between(&span, x->cal, from, to);

    for (a = 0; error == 0 && a < GK_ARRAY_LEN(agencies); a++)
        for (i = 0; error == 0 && i < per_agency; i++) {
            gk_date d;

            if (span < 1 || !wd(x, from, 1 + (int)rnd((uint32_t)span), &d))
                break;
            error = one_case(x, a, d);
        }
    return error;
}

/* ---- the catalogue, table-2 figures, review cases ------------------------ */

/* n items per agency formed in [from, to]: published 1–19 working days
 * later, one in ten late, a few not yet published (第二十六条). */
static int catalogue(demo_ctx *x, gk_date from, gk_date to, int n)
{
    char index_no[GK_INDEX_NO_BUFSZ], title[160], doc_no[64];
    int64_t span;
    size_t a;
    int i, error = gk_calendar_workdays_between(&span, x->cal, from, to);

    for (a = 0; error == 0 && a < GK_ARRAY_LEN(agencies); a++)
        for (i = 0; error == 0 && i < n && span > 0; i++) {
            size_t k = rnd(GK_ARRAY_LEN(items));
            gk_catalogue_item it;
            int late = rnd(10) == 0 ? 20 + (int)rnd(10) : 1 + (int)rnd(19);

            gk_catalogue_item_init(&it);
            if (!wd(x, from, 1 + (int)rnd((uint32_t)span), &it.formed))
                break;
            snprintf(title, sizeof(title), "%s%d年%s", agencies[a].name, it.formed.y, items[k].title);
            it.agency = agencies[a].code;
            it.index_prefix = index_prefixes[a];
            it.title = title;
            it.doc_kind = items[k].kind;
            it.art20_item = items[k].art20;
            it.written = it.formed;
            if (items[k].kind == GK_DOC_NORMATIVE) {
                snprintf(doc_no, sizeof(doc_no), "某%s规〔%d〕%u号", agencies[a].kind, it.formed.y,
                         1 + rnd(20));
                it.doc_no = doc_no;
                it.effective_from = it.formed;
            }
            if (!wd(x, it.formed, late, &it.published) || gk_date_cmp(it.published, x->today) > 0)
                it.published = (gk_date){0, 0, 0}; /* not yet: pending or overdue */
            error = gk_store_item_add(x->st, &it, index_no);
            x->items += error == 0;
        }
    return error;
}

/* ---- the three-level review of catalogue items (store_review3.h) ---------- */

/* Items of 区教育局 under review, one per state, by the demo accounts (the
 * audit actor is the account's name, so the console's one-person-one-step
 * rule binds to them). The 待终审 one holds an identity number: the 终审
 * is refused until someone presses 脱敏. steps = how many steps were
 * taken (1 submitted … 4 published); returned: the last of them (here
 * the 复审) sent it back to the draft. */
static const struct {
    const char *title;
    const char *body;
    int steps;
    bool returned;
} review_items[] = {
    {"关于秋季学期义务教育招生工作的通知", "咨询电话：区教育局招生办，联系人手机 13912345678。", 0,
     false},
    {"校外培训机构白名单", "经审核，以下机构符合办学条件（名单略）。", 1, false},
    {"学生资助资金发放情况", "本学期共资助学生 1,204 人，发放资金 96.3 万元。", 2, false},
    {"教师资格认定结果公示", "张某某，身份证号 110105198503071230，认定学科：初中数学。", 3, false},
    {"部门决算", "本部门决算收入、支出情况如下（表略）。", 4, false},
    {"学区划分调整征求意见稿", "拟调整部分小学学区范围（附图略）。", 3, true},
};

/* Who takes each step: the 登记员 drafts, the two 审核人 the 初审 and 复审,
 * the 负责人 the 终审. */
static const char *const review_actors[] = {"dengji", "shenhe", "fushen", "fuze"};

static int review_one(demo_ctx *x, size_t k)
{
    gk_catalogue_item it;
    gk_review3_decision d;
    char index_no[GK_INDEX_NO_BUFSZ], title[160];
    int i, error;

    gk_catalogue_item_init(&it);
    snprintf(title, sizeof(title), "%s%d年%s", agencies[2].name, x->today.y, review_items[k].title);
    it.agency = agencies[2].code;
    it.index_prefix = index_prefixes[2];
    it.title = title;
    it.summary = review_items[k].title;
    it.formed = x->today;
    error = gk_store_set_actor(x->st, review_actors[0]);
    if (error == 0)
        error = gk_store_item_add(x->st, &it, index_no);
    if (error == 0)
        error = gk_store_review3_set_body(x->st, it.id, review_items[k].body);
    if (error == 0 && review_items[k].steps > 0)
        error = gk_store_review3_submit(x->st, it.id, "请审核");
    for (i = 1; error == 0 && i < review_items[k].steps; i++) {
        memset(&d, 0, sizeof(d));
        d.item_id = it.id;
        d.step = (gk_review3_step)i;
        d.pass = !(review_items[k].returned && i == review_items[k].steps - 1);
        d.comment = d.pass ? "同意" : "请补充征求意见的起止时间和反馈方式";
        d.published_on = x->today;
        d.gate = gk_publish_gate;
        error = gk_store_set_actor(x->st, review_actors[i]);
        if (error == 0)
            error = gk_store_review3_decide(x->st, &d);
    }
    x->items += error == 0;
    return error;
}

/* Each item in its own transactions (the actor changes between steps). */
static int review_demo(demo_ctx *x)
{
    size_t k;
    int error = 0;

    for (k = 0; error == 0 && k < GK_ARRAY_LEN(review_items); k++)
        error = review_one(x, k);
    if (error == 0)
        error = gk_store_set_actor(x->st, "演示数据");
    return error;
}

/* Last year's table-2 figures and a few review/litigation cases. */
static int figures_and_reviews(demo_ctx *x, int year)
{
    static const gk_t4_group routes[] = {GK_T4_REVIEW, GK_T4_REVIEW, GK_T4_LIT_DIRECT,
                                         GK_T4_LIT_AFTER_REVIEW};
    static const gk_t4_col results[] = {GK_T4_UPHELD, GK_T4_CORRECTED, GK_T4_UPHELD,
                                        GK_T4_PENDING};
    char case_no[64];
    size_t a, i;
    int error = 0;

    for (a = 0; error == 0 && a < GK_ARRAY_LEN(agencies); a++) {
        gk_year_figures f = {agencies[a].code, year, 20 + (int64_t)rnd(400),
                             5 + (int64_t)rnd(200), (int64_t)rnd(30), 10000 * (int64_t)rnd(50)};

        error = gk_store_figures_set(x->st, &f);
    }
    for (i = 0; error == 0 && i < GK_ARRAY_LEN(routes); i++) {
        gk_review_case r;

        gk_review_case_init(&r);
        r.agency = agencies[1 + i % (GK_ARRAY_LEN(agencies) - 1)].code;
        snprintf(case_no, sizeof(case_no), "%s〔%d〕%zu号",
                 routes[i] == GK_T4_REVIEW ? "某复" : "某行初", year, 10 + i);
        r.case_no = case_no;
        r.route = routes[i];
        r.filed = (gk_date){year, 3 + (int)i * 2, 10};
        r.result = results[i];
        if (results[i] != GK_T4_PENDING)
            r.concluded = (gk_date){year, 5 + (int)i * 2, 20};
        r.subject = "不服政府信息公开申请答复";
        r.case_ref = "";
        error = gk_store_review_add(x->st, &r);
        x->reviews += error == 0;
    }
    return error;
}

/* ---- passwords ---------------------------------------------------------- */

/* A random password of 12 characters without look-alikes (/dev/urandom). */
static int random_password(char out[13])
{
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    unsigned char raw[12];
    FILE *f = fopen("/dev/urandom", "rb");
    size_t i;

    if (!f || fread(raw, 1, sizeof(raw), f) != sizeof(raw)) {
        if (f)
            fclose(f);
        return -1;
    }
    fclose(f);
    for (i = 0; i < sizeof(raw); i++)
        out[i] = alphabet[raw[i] % (sizeof(alphabet) - 1)];
    out[12] = '\0';
    return 0;
}

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
    char shared[1100] = "", pw[GK_ARRAY_LEN(staff)][13];
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
    rng_state = 0x9E3779B97F4A7C15ULL ^ (uint64_t)seed;
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
        fprintf(stderr, "gongkai demo: %s 已有数据（%d 个机关），请指定新的 --db 或 --dsn\n",
                where, existing);
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
    for (i = 0; error == 0 && i < GK_ARRAY_LEN(agencies); i++)
        error = gk_store_agency_add(x.st, &agencies[i], NULL);
    /* Last year in full, then this year up to today (weighted by how much
     * of it has passed). */
    if (error == 0)
        error = year_of_cases(&x, last_jan1, (gk_date){x.today.y - 1, 12, 31}, 24);
    if (error == 0 && gk_date_cmp(x.today, jan1) > 0)
        error = year_of_cases(&x, jan1, x.today,
                              1 + 24 * (gk_date_to_days(x.today) - gk_date_to_days(jan1)) / 365);
    if (error == 0)
        error = catalogue(&x, last_jan1, x.today, 8);
    if (error == 0)
        error = figures_and_reviews(&x, x.today.y - 1);
    if (error == 0)
        error = gk_store_tx_commit(x.st);
    else
        gk_store_tx_rollback(x.st);
    if (error == 0)
        error = review_demo(&x);
    if (error < 0) {
        rc = cli_store_fail(error, "demo");
        goto done;
    }
    /* The accounts after the registers' transaction (argon2id is slow on
     * purpose: not under the write lock), each with its own audit event. */
    for (i = 0; i < GK_ARRAY_LEN(staff); i++) {
        if (!shared[0] && random_password(pw[i]) < 0) {
            fprintf(stderr, "gongkai demo: 无法生成随机密码\n");
            rc = CLI_EXIT_INTERNAL;
            goto done;
        }
        error = gk_user_add_to(x.st, staff[i].name, staff[i].role, staff[i].agency,
                               shared[0] ? shared : pw[i]);
        if (error < 0) {
            rc = cli_fail(error, "demo");
            goto done;
        }
    }
    printf("已创建演示数据库 %s（截至 %04d-%02d-%02d）\n", where, x.today.y, x.today.m, x.today.d);
    printf("机关 %zu 个；依申请公开件 %lld 件（办理中 %lld 件），办理事件 %lld 个\n",
           GK_ARRAY_LEN(agencies), (long long)x.cases, (long long)x.open, (long long)x.events);
    printf("主动公开目录 %lld 条；%d 年表二统计数字已录入；行政复议、诉讼案件 %lld 件\n",
           (long long)x.items, x.today.y - 1, (long long)x.reviews);
    printf("账号（密码只显示这一次）：\n");
    for (i = 0; i < GK_ARRAY_LEN(staff); i++)
        printf("  %s\t%s\t%s\t%s\n", staff[i].name, gk_role_name(staff[i].role),
               staff[i].agency ? staff[i].agency : "全部", shared[0] ? "（标准输入给出的密码）" : pw[i]);
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
