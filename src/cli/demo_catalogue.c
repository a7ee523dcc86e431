/*
 * demo_catalogue.c: the proactive catalogue of `gongkai demo`: items
 * formed over the two years, most published within the 20 working days of
 * 第二十六条, some late, a few not yet; and items of 区教育局 in every
 * state of the three-level review (store_review3.h), each step taken by
 * the demo account of its role.
 */
#include <stdio.h>
#include <string.h>
#include "gk/publish.h"
#include "gk/store_review3.h"
#include "demo_int.h"

/* Catalogue items each agency publishes (第二十条), with the kind that
 * table 2 counts. */
static const struct {
    const char *title;
    gk_doc_kind kind;
    int art20;
} items[] = {
    {"关于进一步规范行政执法公示工作的通知", GK_DOC_NORMATIVE, 1},
    {"年度部门预算公开", GK_DOC_OTHER, 7}, /* （七）财政预算、决算信息 */
    {"年度部门决算公开", GK_DOC_OTHER, 7},
    {"重点项目建设进展情况", GK_DOC_OTHER, 10}, /* （十）重大建设项目 */
    {"行政许可事项清单", GK_DOC_OTHER, 5},      /* （五）行政许可 */
    {"关于印发专项资金管理办法的通知", GK_DOC_NORMATIVE, 1},
    {"政府信息公开工作年度报告", GK_DOC_OTHER, 0},
    {"突发事件应急预案", GK_DOC_OTHER, 12},
};

/* n items per agency formed in [from, to]: published 1–19 working days
 * later, one in ten late, a few not yet published (第二十六条). */
int demo_catalogue(demo_ctx *x, gk_date from, gk_date to, int n)
{
    char index_no[GK_INDEX_NO_BUFSZ], title[160], doc_no[64];
    int64_t span;
    size_t a;
    int i, error = gk_calendar_workdays_between(&span, x->cal, from, to);

    for (a = 0; error == 0 && a < DEMO_NAGENCIES; a++)
        for (i = 0; error == 0 && i < n && span > 0; i++) {
            size_t k = demo_rnd(GK_ARRAY_LEN(items));
            gk_catalogue_item it;
            int late = demo_rnd(10) == 0 ? 20 + (int)demo_rnd(10) : 1 + (int)demo_rnd(19);

            gk_catalogue_item_init(&it);
            if (!demo_workdays(x, from, 1 + (int)demo_rnd((uint32_t)span), &it.formed))
                break;
            snprintf(title, sizeof(title), "%s%d年%s", demo_agencies[a].name, it.formed.y,
                     items[k].title);
            it.agency = demo_agencies[a].code;
            it.index_prefix = demo_index_prefixes[a];
            it.title = title;
            it.doc_kind = items[k].kind;
            it.art20_item = items[k].art20;
            it.written = it.formed;
            if (items[k].kind == GK_DOC_NORMATIVE) {
                snprintf(doc_no, sizeof(doc_no), "某%s规〔%d〕%u号", demo_agencies[a].kind,
                         it.formed.y, 1 + demo_rnd(20));
                it.doc_no = doc_no;
                it.effective_from = it.formed;
            }
            if (!demo_workdays(x, it.formed, late, &it.published) ||
                gk_date_cmp(it.published, x->today) > 0)
                it.published = (gk_date){0, 0, 0}; /* not yet: pending or overdue */
            error = gk_store_item_add(x->st, &it, index_no);
            x->items += error == 0;
        }
    return error;
}

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
    snprintf(title, sizeof(title), "%s%d年%s", demo_agencies[2].name, x->today.y,
             review_items[k].title);
    it.agency = demo_agencies[2].code;
    it.index_prefix = demo_index_prefixes[2];
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
int demo_review3(demo_ctx *x)
{
    size_t k;
    int error = 0;

    for (k = 0; error == 0 && k < GK_ARRAY_LEN(review_items); k++)
        error = review_one(x, k);
    if (error == 0)
        error = gk_store_set_actor(x->st, "演示数据");
    return error;
}
