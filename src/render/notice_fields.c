/*
 * notice_fields.c: the catalogue of placeholders a notice template may use
 * (docs/notices.md "Fields"). Inputs come from the caller's key/value
 * array; computed ones are filled by notice_expand.c from the kind table
 * and the other fields. A template naming anything else fails to load.
 */
#include "notice_int.h"

static const notice_field_def fields[] = {
    /* who and what (条例第二十九条 intake fields) */
    {"agency", NF_TEXT, "机关名称", NULL, 0},
    {"ref_prefix", NF_TEXT, "文号前缀", "依申请公开", 0},
    {"tracking_no", NF_TEXT, "申请编号", NULL, 0},
    {"applicant", NF_TEXT, "申请人姓名或者名称", NULL, 0},
    {"received_date", NF_DATE, "收到申请日期（条例第三十一条）", NULL, 0},
    {"requested_info", NF_TEXT, "申请公开的政府信息", NULL, 0},
    {"date", NF_DATE, "告知日期", NULL, 0},
    {"contact", NF_TEXT, "本机关联系方式", NULL, 0},
    /* the answer */
    {"decision_text", NF_TEXT, "答复内容（提供方式、途径等）", NULL, 0},
    {"reasons", NF_TEXT, "理由", NULL, 0},
    {"other_agency", NF_TEXT, "负责公开该信息的机关（第三十六条第（五）项）", NULL, 0},
    {"other_agency_contact", NF_TEXT, "该机关的联系方式", NULL, 0},
    /* remedies */
    {"review_body", NF_TEXT, "行政复议机关", NULL, 0},
    {"court", NF_TEXT, "人民法院", NULL, 0},
    /* 补正 (第三十条) */
    {"correction_items", NF_TEXT, "需要补正的事项", NULL, 0},
    {"correction_deadline", NF_DATE, "补正期限", NULL, 0},
    /* extension (第三十三条第二款) */
    /* 第三十三条第二款: 延长的期限最长不得超过20个工作日 */
    {"extension_days", NF_COUNT, "延长的工作日数", NULL, 20},
    {"extended_to", NF_DATE, "延长后的答复期限", NULL, 0},
    /* third-party consultation (第三十二条) */
    {"third_party", NF_TEXT, "第三方名称", NULL, 0},
    {"reply_deadline", NF_DATE, "第三方提出意见的期限", NULL, 0},
    /* fee notice (国办函〔2020〕109号) */
    {"fee_amount", NF_COUNT, "信息处理费金额（元）", NULL, 0},
    {"fee_basis", NF_TEXT, "计收方式、标准和计算过程", NULL, 0},
    {"payment_method", NF_TEXT, "缴纳方式", NULL, 0},
    /* computed */
    {"year", NF_COMPUTED, "告知年份（由 date 得出）", NULL, 0},
    {"ref_year", NF_COMPUTED, "文号年份（登记号 YYYY-NNNNNN 的年份，否则告知年份）", NULL, 0},
    {"ref_no", NF_COMPUTED, "文号序号（登记号的序号，去掉年份和前导零；否则登记号本身）", NULL, 0},
    {"legal_basis", NF_COMPUTED, "法律依据（由告知书种类得出）", NULL, 0},
    {"decision", NF_COMPUTED, "决定类型（由告知书种类得出）", NULL, 0},
    {"remedy", NF_COMPUTED, "救济途径段落（由告知书种类得出）", NULL, 0},
};

const notice_field_def *gk_notice__fields(size_t *n_out)
{
    *n_out = GK_ARRAY_LEN(fields);
    return fields;
}

int gk_notice__field_find(const char *key, size_t len)
{
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(fields); i++)
        if (strlen(fields[i].key) == len && memcmp(fields[i].key, key, len) == 0)
            return (int)i;
    return -1;
}
