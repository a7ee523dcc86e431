/*
 * torture.c: allocation-failure torture of screening (torture.h): a
 * dictionary (words, typos, a name), the screener compiled with each
 * engine, a text with planted items screened in small windows (the
 * overlap logic), the findings as gongkai.screen/1 JSON, and the masked
 * copy with its log. A failing allocation must be reported or change
 * nothing: a finding silently missed is exactly what screening must never
 * do.
 */
#include <stdio.h>
#include <string.h>
#include "gk/errors.h"
#include "gk/screen.h"
#include "test.h"
#include "torture.h"

static const char planted[] =
    "某区人民政府办公室关于某某事项的答复。申请人张三（身份证350102199003071234），"
    "电话138 0013 8000，卡号6222021234567890128，邮箱zhang@example.com，"
    "新证11010519491231002X，护照E12345678，车牌闽A·12345。本文件属机密，"
    "请勿外传。其中“钩稽关系”应为勾稽关系，内部敏感词甲乙丙出现一次。"
    "办公电话0591-87654321，统一社会信用代码91350100M000100Y43。";

static int screen_pipeline(gk_buf *digest, void *ctx)
{
    const gk_screen_engine *engine = ctx;
    static const char words[] = "# torture\n甲乙丙\n外传\n";
    static const char typos[] = "钩稽\t勾稽\n";
    gk_screen_dict *d = NULL;
    gk_screen *s = NULL;
    gk_screen_options o;
    gk_screen_findings fs = GK_SCREEN_FINDINGS_INIT;
    gk_screen_mask_rules rules;
    gk_buf log = GK_BUF_INIT;
    size_t i;
    int error;

    memset(&o, 0, sizeof(o));
    o.engine = *engine;
    o.window = 4096;
    error = gk_screen_dict_new(&d);
    if (error == 0)
        error = gk_screen_dict_add_words(d, words, sizeof(words) - 1, "words.txt");
    if (error == 0)
        error = gk_screen_dict_add_typos(d, typos, sizeof(typos) - 1, "typos.txt");
    if (error == 0)
        error = gk_screen_dict_add_name(d, "张三", strlen("张三"));
    if (error == 0)
        error = gk_screen_new(&s, d, &o);
    if (error == 0)
        error = gk_screen_buffer(s, planted, sizeof(planted) - 1, gk_screen_collect, &fs);
    if (error == 0)
        error = gk_screen_json_open(digest, "planted.txt");
    for (i = 0; i < fs.count && error == 0; i++)
        error = gk_screen_finding_json(digest, &fs.items[i]);
    gk_screen_mask_rules_default(&rules);
    if (error == 0)
        error = gk_buf_puts(digest, "\n");
    if (error == 0)
        error = gk_screen_mask(digest, &log, planted, sizeof(planted) - 1, &fs, &rules, NULL);
    if (error == 0)
        error = gk_buf_put(digest, log.ptr ? log.ptr : "", log.len);
    gk_buf_release(&log);
    gk_screen_findings_release(&fs);
    gk_screen_free(s);
    gk_screen_dict_free(d);
    return error;
}

GK_TEST(screen_torture, aho_corasick)
{
    gk_screen_engine e = GK_SCREEN_ENGINE_AC;
    char why[512];
    gk_buf clean = GK_BUF_INIT;

    /* the planted items are found (else the torture proves nothing) */
    GK_T_CALL(screen_pipeline(&clean, &e));
    GK_T_OK(strstr(gk_buf_cstr(&clean), "\tid_card\t3501**********1234\n") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&clean), "\tname\t张*\n") != NULL);
    GK_T_OK(strstr(gk_buf_cstr(&clean), "勾稽") != NULL);
    gk_buf_release(&clean);

    if (gk_torture__run("screen-ac", screen_pipeline, &e, 1, why, sizeof(why)) != 0)
        GK_T_FAIL("%s", why);
}

/* The default engine (Vectorscan where it is built in). */
GK_TEST(screen_torture, default_engine)
{
    gk_screen_engine e = GK_SCREEN_ENGINE_AUTO;
    char why[512];

    if (gk_torture__run("screen-auto", screen_pipeline, &e, 1, why, sizeof(why)) != 0)
        GK_T_FAIL("%s", why);
}
