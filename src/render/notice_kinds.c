/*
 * notice_kinds.c: the table of notice kinds (spec §1.4 decisions → table-3
 * rows, spec §2.2 articles). Each row cites the article the notice answers
 * under; every citation is of 《中华人民共和国政府信息公开条例》 (2019) unless
 * it names another instrument. docs/notices.md explains each row and marks
 * what is customary rather than statutory.
 *
 * Remedy column (docs/notices.md "Remedies"):
 *   GENERAL       行政复议 within 60 days (行政复议法 2023 第二十条) or 行政诉讼
 *                 within 6 months (行政诉讼法 第四十六条);
 *   REVIEW_FIRST  行政复议 first (行政复议法 2023 第二十三条第一款第（四）项:
 *                 申请政府信息公开，行政机关不予公开), then suit within 15 days
 *                 of the review decision (行政诉讼法 第四十五条): every
 *                 不予公开 ground and the withheld part of 区分处理;
 *   FEE           the fee decision cannot be challenged alone (109号, spec §4.4);
 *   NONE          procedural letters (补正, extension, consultation).
 */
#include "notice_int.h"
#include "util/keytab.h"

#define TL     "《中华人民共和国政府信息公开条例》"
#define ANSWER "政府信息公开申请答复告知书"
#define GIVE   GK_NOTICE_REMEDY_GENERAL
#define FIRST  GK_NOTICE_REMEDY_REVIEW_FIRST

static const gk_notice_kind kinds[] = {
    /* 予以公开 */
    {"grant-public", ANSWER, "予以公开（已主动公开，告知获取的方式和途径）",
     TL "第三十六条第（一）项", true, "R_GRANT", false, GIVE},
    {"grant", ANSWER, "予以公开", TL "第三十六条第（二）项", true, "R_GRANT", false, GIVE},
    {"partial", ANSWER, "部分公开（区分处理）", TL "第三十七条", true, "R_PARTIAL", true, FIRST},
    /* 不予公开: 第三十六条第（三）项 with the ground of 第十四–十六条 */
    {"deny-secret", ANSWER, "不予公开（属于国家秘密）", TL "第十四条、第三十六条第（三）项", true,
     "R_DENY_SECRET", true, FIRST},
    {"deny-law", ANSWER, "不予公开（法律、行政法规禁止公开）", TL "第十四条、第三十六条第（三）项",
     true, "R_DENY_LAW", true, FIRST},
    {"deny-3s1w", ANSWER, "不予公开（公开后可能危及国家安全、公共安全、经济安全、社会稳定）",
     TL "第十四条、第三十六条第（三）项", true, "R_DENY_3S1W", true, FIRST},
    {"deny-third", ANSWER, "不予公开（公开会损害第三方合法权益）",
     TL "第十五条、第三十二条、第三十六条第（三）项", true, "R_DENY_THIRD", true, FIRST},
    {"deny-internal", ANSWER, "不予公开（属于人事管理、后勤管理、内部工作流程等内部事务信息）",
     TL "第十六条第一款、第三十六条第（三）项", true, "R_DENY_INTERNAL", true, FIRST},
    {"deny-process", ANSWER, "不予公开（属于讨论记录、过程稿、磋商信函、请示报告等过程性信息）",
     TL "第十六条第二款、第三十六条第（三）项", true, "R_DENY_PROCESS", true, FIRST},
    {"deny-casefile", ANSWER, "不予公开（属于行政执法案卷信息）",
     TL "第十六条第二款、第三十六条第（三）项", true, "R_DENY_CASEFILE", true, FIRST},
    /* 第三十六条第（七）项 is counted under 不予公开 (8.属于行政查询事项) but
     * the article only redirects; whether 复议前置 reaches it is unsettled,
     * so the default is GENERAL (docs/notices.md, UNVERIFIED). */
    {"deny-query", ANSWER, "告知按照有关法律、行政法规的规定办理（行政查询事项）",
     TL "第三十六条第（七）项", true, "R_DENY_QUERY", false, GIVE},
    /* 无法提供 */
    {"na-not-held", ANSWER, "无法提供（经检索没有所申请公开的信息）", TL "第三十六条第（四）项",
     true, "R_NA_NOTHELD", false, GIVE},
    {"na-other-agency", ANSWER, "无法提供（不属于本机关负责公开）", TL "第三十六条第（五）项", true,
     "R_NA_NOTHELD", true, GIVE},
    {"na-create", ANSWER, "无法提供（需要另行加工、分析制作）", TL "第三十八条", true,
     "R_NA_CREATE", false, GIVE},
    {"na-unclear", ANSWER, "无法提供（补正后申请内容仍不明确）", TL "第三十条", true,
     "R_NA_UNCLEAR", false, GIVE},
    /* 不予处理 */
    {"np-petition", ANSWER, "不予处理（信访、投诉、举报类申请）", TL "第三十九条第一款", true,
     "R_NP_PETITION", false, GIVE},
    {"np-repeat", ANSWER, "不予重复处理（重复申请）", TL "第三十六条第（六）项", true,
     "R_NP_REPEAT", false, GIVE},
    {"np-publication", ANSWER, "不予处理（要求提供公开出版物）", TL "第三十九条第二款", true,
     "R_NP_PUBLICATION", false, GIVE},
    {"np-massive", ANSWER, "不予处理（无正当理由大量、频繁申请）", TL "第三十五条", true,
     "R_NP_MASSIVE", false, GIVE},
    /* No article names this ground; the citation is the customary one. */
    {"np-confirm", ANSWER, "不予处理（要求确认或者重新出具已获取的信息）", TL "第二条、第三十八条",
     false, "R_NP_CONFIRM", false, GIVE},
    /* 其他处理: 视为放弃 */
    {"ot-no-correction", "政府信息公开申请终止处理告知书", "视为放弃申请（逾期未补正）",
     TL "第三十条", true, "R_OT_NOCORRECT", false, GIVE},
    {"ot-no-fee", "政府信息公开申请终止处理告知书", "视为放弃申请（逾期未缴纳信息处理费）",
     "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", true, "R_OT_NOFEE", false, GIVE},
    /* procedural letters */
    {"correction", "政府信息公开申请补正告知书", "一次性告知补正申请", TL "第三十条", true, NULL,
     false, GK_NOTICE_REMEDY_NONE},
    {"extension", "政府信息公开申请延期答复告知书", "延长答复期限", TL "第三十三条第二款", true,
     NULL, false, GK_NOTICE_REMEDY_NONE},
    {"consult-third", "政府信息公开征求第三方意见函", "书面征求第三方意见", TL "第三十二条", true,
     NULL, false, GK_NOTICE_REMEDY_NONE},
    {"fee", "政府信息公开信息处理费收费通知", "收取信息处理费",
     TL "第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", true, NULL, false,
     GK_NOTICE_REMEDY_FEE},
};

static const struct {
    const char *tmpl;
    const char *label;
} remedies[] = {
#define GK_X_(key, name, label) {name, label},
    GK_NOTICE_REMEDIES(GK_X_)
#undef GK_X_
};

const gk_notice_kind *gk_notice_kinds(size_t *n_out)
{
    if (n_out)
        *n_out = GK_ARRAY_LEN(kinds);
    return kinds;
}

const gk_notice_kind *gk_notice_kind_find(const char *id)
{
    size_t i;

    for (i = 0; id && i < GK_ARRAY_LEN(kinds); i++)
        if (strcmp(kinds[i].id, id) == 0)
            return &kinds[i];
    return NULL;
}

const char *gk_notice_remedy_label(int remedy)
{
    return gk_keytab_get(remedies, GK_NOTICE_NREMEDIES, label, remedy);
}

const char *gk_notice__remedy_tmpl(int remedy)
{
    return gk_keytab_get(remedies, GK_NOTICE_NREMEDIES, tmpl, remedy);
}

int gk_notice__remedy_by_tmpl(const char *name, size_t len)
{
    return gk_keytab_find(remedies, GK_NOTICE_NREMEDIES, tmpl, name, len);
}
