/*
 * mask.c: masking rules per category, the log, re-screening the masked
 * copy, and the markup view of HTML and DOCX XML.
 */
#include <stdio.h>
#include <string.h>
#include "helpers.h"

static int mask_text(gk_buf *out, gk_buf *log, const char *in, const gk_screen_dict *d,
                     const char *view)
{
    gk_screen *s = NULL;
    gk_screen_findings fs = GK_SCREEN_FINDINGS_INIT;
    gk_screen_mask_rules r;
    int rc = gk_screen_new(&s, d, NULL);

    if (rc == 0)
        rc = gk_screen_buffer(s, view ? view : in, strlen(in), gk_screen_collect, &fs);
    gk_screen_mask_rules_default(&r);
    if (rc == 0)
        rc = gk_screen_mask(out, log, in, strlen(in), &fs, &r, view);
    gk_screen_findings_release(&fs);
    gk_screen_free(s);
    return rc;
}

GK_TEST(screen_mask, default_rules)
{
    gk_buf out = GK_BUF_INIT, log = GK_BUF_INIT;
    gk_screen_dict *d = NULL;
    static const char in[] = "身份证350102199003071234，电话138 0013 8000，"
                             "卡号6222021234567890128，邮箱zhang@example.com，联系人张三，"
                             "办公电话0591-87654321。";

    GK_T_CALL(gk_screen_dict_new(&d));
    GK_T_CALL(gk_screen_dict_add_name(d, "张三", strlen("张三")));
    GK_T_CALL(mask_text(&out, &log, in, d, NULL));
    GK_T_STR_EQ(gk_buf_cstr(&out), "身份证3501**********1234，电话138 **** 8000，"
                                   "卡号6222***********0128，邮箱z****@example.com，联系人张*，"
                                   "办公电话0591-87654321。");
    /* The log names positions and categories and never the original text. */
    GK_T_OK(strstr(gk_buf_cstr(&log), "\tid_card\t3501**********1234\n") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&log), "350102199003071234") == NULL);
    GK_T_OK(strstr(gk_buf_cstr(&log), "\tname\t张*\n") != NULL);
    gk_buf_release(&out);
    gk_buf_release(&log);
    gk_screen_dict_free(d);
}

GK_TEST(screen_mask, masked_copy_rescreens_clean)
{
    gk_buf out = GK_BUF_INIT;
    gk_screen *s = NULL;
    gk_screen_findings fs = GK_SCREEN_FINDINGS_INIT;
    size_t i;
    static const char in[] =
        "旧证350102900307123 新证11010519491231002X 错证110105194912310020 "
        "手机１３８００１３８０００ 护照E12345678 车牌闽A·12345 邮箱a.b-c@x.org.cn 卡6217001234567893";

    GK_T_CALL(mask_text(&out, NULL, in, NULL, NULL));
    GK_T_CALL(gk_screen_new(&s, NULL, NULL));
    GK_T_CALL(gk_screen_buffer(s, out.ptr, out.len, gk_screen_collect, &fs));
    for (i = 0; i < fs.count; i++)
        GK_T_OK(!gk_screen_category_is_personal(fs.items[i].category));
    GK_T_OK(strstr(gk_buf_cstr(&out), "闽A·****5") != NULL);
    gk_screen_findings_release(&fs);
    gk_screen_free(s);
    gk_buf_release(&out);
}

GK_TEST(screen_markup, html_view_keeps_offsets)
{
    gk_buf v = GK_BUF_INIT, out = GK_BUF_INIT;
    char got[256];
    static const char html[] = "<html><head><style>p{}</style><script>var t='13800138000';"
                               "</script></head><body><p>电话<b>138</b> 0013 8000</p>"
                               "<!-- 13900139000 --><td>身&nbsp;份证350102199003071234</td></body>";
    const char *p;

    GK_T_CALL(gk_screen_markup_view(&v, html, strlen(html), false));
    GK_T_INT_EQ(v.len, strlen(html));
    GK_T_CALL(screen_summary(got, sizeof got, v.ptr, v.len, NULL, GK_SCREEN_ENGINE_AUTO, 0));
    p = strstr(html, "<b>138") + 3;
    {
        char want[128];
        size_t a = (size_t)(p - html), idp = (size_t)(strstr(html, "3501") - html);
        snprintf(want, sizeof want, "mobile@%zu-%zu id_card@%zu-%zu", a,
                 (size_t)(strstr(html, "8000</p>") - html) + 4, idp, idp + 18);
        GK_T_STR_EQ(got, want);
    }
    /* Masking keeps the markup inside a masked span. */
    GK_T_CALL(mask_text(&out, NULL, html, NULL, v.ptr));
    GK_T_OK(strstr(gk_buf_cstr(&out), "<b>138</b> **** 8000") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&out), "var t='13800138000'") != NULL);
    gk_buf_release(&v);
    gk_buf_release(&out);
}

GK_TEST(screen_markup, docx_runs_are_joined)
{
    gk_buf v = GK_BUF_INIT;
    char got[256], want[64];
    static const char xml[] =
        "<?xml version=\"1.0\"?>\n<w:document><w:body><w:p><w:r><w:t>手机1380013</w:t></w:r>"
        "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">8000</w:t></w:r></w:p>"
        "<w:p><w:r><w:instrText>13900139000</w:instrText></w:r></w:p></w:body></w:document>";
    size_t a = (size_t)(strstr(xml, "1380013") - xml), z = (size_t)(strstr(xml, "8000<") - xml) + 4;

    GK_T_CALL(gk_screen_markup_view(&v, xml, strlen(xml), true));
    GK_T_CALL(screen_summary(got, sizeof got, v.ptr, v.len, NULL, GK_SCREEN_ENGINE_AUTO, 0));
    snprintf(want, sizeof want, "mobile@%zu-%zu", a, z);
    GK_T_STR_EQ(got, want);
    gk_buf_release(&v);
}
