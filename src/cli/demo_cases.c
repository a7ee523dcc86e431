/*
 * demo_cases.c: the applications of `gongkai demo`: applicants, requests
 * and channels drawn by weight, each case registered and taken along one
 * of the handling paths of the 条例 (受理, 补正, 征求第三方意见, 延期,
 * 收费, 撤回, 答复 with every kind of table-3 outcome) through the
 * store's public API. Events that would fall after today are not
 * applied: the case stays where it is today (open, some overdue).
 */
#include <stdio.h>
#include "demo_int.h"

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
static const char *const given[] = {"伟", "芳", "娜", "敏",   "静",   "丽",  "强",
                                    "磊", "军", "洋", "勇",   "艳",   "杰",  "娟",
                                    "涛", "明", "超", "秀英", "建国", "桂兰"};
static const char *const orgs[GK_APPLICANT_NTYPES] = {NULL,
                                                      "某某科技有限公司",
                                                      "某某大学公共管理学院",
                                                      "某某环保公益服务中心",
                                                      "某某律师事务所",
                                                      "某某业主委员会"};
static const char *const forms[] = {"获取方式：电子数据；获取途径：电子邮件",
                                    "获取方式：纸质；获取途径：邮寄",
                                    "获取方式：纸质；获取途径：当面领取"};

/* Applicant classes: mostly people, then law firms and companies. */
static const weighted types[] = {
    {GK_APPLICANT_NATURAL, 70},  {GK_APPLICANT_COMMERCIAL, 10}, {GK_APPLICANT_RESEARCH, 3},
    {GK_APPLICANT_NONPROFIT, 3}, {GK_APPLICANT_LEGAL, 9},       {GK_APPLICANT_OTHER, 5},
};

static const weighted channels[] = {
    {GK_CHANNEL_ONLINE, 50},
    {GK_CHANNEL_IN_PERSON, 20},
    {GK_CHANNEL_POST, 25},
    {GK_CHANNEL_FAX, 5},
};

/* Answers, roughly as published reports show them. */
static const weighted outcomes[] = {
    {GK_T3_R_GRANT, 34},        {GK_T3_R_PARTIAL, 10},     {GK_T3_R_DENY_SECRET, 1},
    {GK_T3_R_DENY_LAW, 1},      {GK_T3_R_DENY_3S1W, 1},    {GK_T3_R_DENY_THIRD, 3},
    {GK_T3_R_DENY_INTERNAL, 2}, {GK_T3_R_DENY_PROCESS, 3}, {GK_T3_R_DENY_CASEFILE, 1},
    {GK_T3_R_DENY_QUERY, 2},    {GK_T3_R_NA_NOTHELD, 20},  {GK_T3_R_NA_CREATE, 5},
    {GK_T3_R_NP_PETITION, 5},   {GK_T3_R_NP_REPEAT, 4},    {GK_T3_R_NP_PUBLICATION, 1},
    {GK_T3_R_NP_MASSIVE, 1},    {GK_T3_R_NP_CONFIRM, 1},   {GK_T3_R_OT_OTHER, 2},
};

/* The handling paths of spec §2.3 and how often each is taken. */
typedef enum {
    PATH_PLAIN,         /* 受理 → 答复 */
    PATH_ON_THE_SPOT,   /* 当场答复 (第三十三条第一款) */
    PATH_CORRECTED,     /* 补正 → 收到补正 → 答复 (第三十条) */
    PATH_NO_CORRECTION, /* 补正 → 逾期未补正 */
    PATH_THIRD_PARTY,   /* 征求第三方意见 (第三十二条) → 答复 */
    PATH_EXTENDED,      /* 延期 (第三十三条第二款) → 答复 */
    PATH_FEE_PAID,      /* 收费通知 → 缴费 → 答复 */
    PATH_FEE_LAPSED,    /* 收费通知 → 逾期未缴费 */
    PATH_WITHDRAWN,     /* 撤回 */
    PATH_STUCK          /* 受理后无人答复: overdue on the dashboard */
} handling;

static const weighted paths[] = {
    {PATH_PLAIN, 62},      {PATH_ON_THE_SPOT, 4}, {PATH_CORRECTED, 8}, {PATH_NO_CORRECTION, 3},
    {PATH_THIRD_PARTY, 5}, {PATH_EXTENDED, 6},    {PATH_FEE_PAID, 2},  {PATH_FEE_LAPSED, 1},
    {PATH_WITHDRAWN, 3},   {PATH_STUCK, 2},
};

/* A 居民身份证 number with a valid GB 11643 check character. */
static void id_number(char out[19], gk_date born)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char check[] = "10X98765432";
    int i, sum = 0;

    snprintf(out, 19, "110105%04d%02d%02d%03u", born.y, born.m, born.d, 100 + demo_rnd(800));
    for (i = 0; i < 17; i++)
        sum += (out[i] - '0') * weights[i];
    out[17] = check[sum % 11];
    out[18] = '\0';
}

/* Applies ev unless it would happen after today. 1 = applied, 0 = not
 * yet (the case stays where it is), negative = error. */
static int step(demo_ctx *x, const char *code, gk_case_event *ev, gk_date base, int after)
{
    int error;

    if (!demo_workdays(x, base, after, &ev->date) || gk_date_cmp(ev->date, x->today) > 0)
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
    gk_date born = {1960 + (int)demo_rnd(40), 1 + (int)demo_rnd(12), 1 + (int)demo_rnd(28)};
    handling path = (handling)demo_pick(paths, GK_ARRAY_LEN(paths));
    int t = demo_pick(types, GK_ARRAY_LEN(types)), rc, error;
    gk_date d0 = received;
    gk_case c;

    gk_case_init(&c);
    c.agency = demo_agencies[agency].code;
    c.applicant_type = (gk_applicant_type)t;
    if (t == GK_APPLICANT_NATURAL) {
        snprintf(name, sizeof(name), "%s%s", surnames[demo_rnd(GK_ARRAY_LEN(surnames))],
                 given[demo_rnd(GK_ARRAY_LEN(given))]);
        id_number(idno, born);
    } else {
        snprintf(name, sizeof(name), "%s%s", surnames[demo_rnd(GK_ARRAY_LEN(surnames))], orgs[t]);
        idno[0] = '\0';
    }
    snprintf(contact, sizeof(contact), "电话：13%u%08u", 3 + demo_rnd(7), demo_rnd(100000000));
    snprintf(desc, sizeof(desc), "名称：%s", requests[agency][demo_rnd(4)]);
    c.applicant = name;
    c.applicant_id = idno;
    c.contact = contact;
    c.description = desc;
    c.form = forms[demo_rnd(GK_ARRAY_LEN(forms))];
    c.channel = (gk_channel)demo_pick(channels, GK_ARRAY_LEN(channels));
    c.arrival = received;
    c.received = received;
    error = gk_store_case_add(x->st, &c);
    if (error < 0)
        return error;
    x->cases++;
    ev.outcome = demo_pick(outcomes, GK_ARRAY_LEN(outcomes));
    switch (path) {
    case PATH_ON_THE_SPOT:
        STEP(GK_CASE_EV_ANSWER, d0, 0);
        break;
    case PATH_CORRECTED:
        STEP(GK_CASE_EV_REQUEST_CORRECTION, d0, 2 + (int)demo_rnd(4));
        STEP(GK_CASE_EV_CORRECTED, ev.date, 3 + (int)demo_rnd(8));
        STEP(GK_CASE_EV_ANSWER, ev.date, 5 + (int)demo_rnd(14));
        break;
    case PATH_NO_CORRECTION:
        STEP(GK_CASE_EV_REQUEST_CORRECTION, d0, 2 + (int)demo_rnd(4));
        STEP(GK_CASE_EV_CORRECTION_LAPSED, ev.date, 15);
        break;
    case PATH_THIRD_PARTY:
        STEP(GK_CASE_EV_ACCEPT, d0, 1);
        STEP(GK_CASE_EV_CONSULT_THIRD_PARTY, ev.date, 3 + (int)demo_rnd(5));
        STEP(GK_CASE_EV_CONSULT_DONE, ev.date, 5 + (int)demo_rnd(10));
        ev.outcome = demo_rnd(2) ? GK_T3_R_DENY_THIRD : GK_T3_R_PARTIAL;
        STEP(GK_CASE_EV_ANSWER, ev.date, 3 + (int)demo_rnd(8));
        break;
    case PATH_EXTENDED:
        STEP(GK_CASE_EV_ACCEPT, d0, 1);
        ev.days = 10 + (int)demo_rnd(11);
        ev.approver = "fuze";
        STEP(GK_CASE_EV_EXTEND, d0, 15 + (int)demo_rnd(4));
        STEP(GK_CASE_EV_ANSWER, d0, 22 + (int)demo_rnd(10));
        break;
    case PATH_FEE_PAID:
    case PATH_FEE_LAPSED:
        STEP(GK_CASE_EV_ACCEPT, d0, 1);
        ev.fee_yuan = 100 + 10 * (int64_t)demo_rnd(60);
        STEP(GK_CASE_EV_FEE_NOTICE, ev.date, 5 + (int)demo_rnd(5));
        if (path == PATH_FEE_LAPSED) {
            /* 国办函〔2020〕109号: 20 working days from the day after the
             * notice; it lapses the working day after that. */
            STEP(GK_CASE_EV_FEE_LAPSED, ev.date, 21);
            break;
        }
        STEP(GK_CASE_EV_FEE_PAID, ev.date, 3 + (int)demo_rnd(10));
        STEP(GK_CASE_EV_ANSWER, ev.date, 3 + (int)demo_rnd(6));
        break;
    case PATH_WITHDRAWN:
        STEP(GK_CASE_EV_WITHDRAW, d0, 1 + (int)demo_rnd(8));
        break;
    case PATH_STUCK:
        STEP(GK_CASE_EV_ACCEPT, d0, 1);
        break;
    case PATH_PLAIN:
    default:
        STEP(GK_CASE_EV_ACCEPT, d0, 1);
        /* Most within the 20 working days; a few late (超期). */
        STEP(GK_CASE_EV_ANSWER, d0, demo_rnd(20) ? 3 + (int)demo_rnd(17) : 21 + (int)demo_rnd(8));
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

/* Spread over the working days of [from, to], agency by agency. */
int demo_cases(demo_ctx *x, gk_date from, gk_date to, int per_agency)
{
    int64_t span;
    size_t a;
    int i, error = gk_calendar_workdays_between(&span, x->cal, from, to);

    for (a = 0; error == 0 && a < DEMO_NAGENCIES; a++)
        for (i = 0; error == 0 && i < per_agency; i++) {
            gk_date d;

            if (span < 1 || !demo_workdays(x, from, 1 + (int)demo_rnd((uint32_t)span), &d))
                break;
            error = one_case(x, a, d);
        }
    return error;
}
