/* Unit tests of finding lists and findings JSON (report-json.md §2). */
#include <jansson.h>
#include "test.h"
#include "gk/diag.h"
#include "gk/errors.h"

GK_TEST(core_diag, list_counts_and_copies_strings)
{
    gk_diag_list *l = NULL;
    gk_diag v;
    char cell[32] = "applications.NEW[6]";

    memset(&v, 0, sizeof v);
    v.has_values = true;
    v.expected = 27;
    v.actual = 25;
    GK_T_CALL(gk_diag_list_new(&l));
    GK_T_CALL(
        gk_diag_add(l, "NARR.T3_RECEIVED", GK_SEV_WARNING, cell, &v, "证据", "正文称%d件", 27));
    GK_T_CALL(gk_diag_add(l, "CELL.BLANK", GK_SEV_INFO, NULL, NULL, NULL, "空白"));
    cell[0] = 'X'; /* the list holds its own copy */
    GK_T_INT_EQ(gk_diag_list_count(l), 2);
    GK_T_STR_EQ(gk_diag_list_get(l, 0)->cell, "applications.NEW[6]");
    GK_T_STR_EQ(gk_diag_list_get(l, 0)->message, "正文称27件");
    GK_T_OK(gk_diag_list_get(l, 1)->cell == NULL);
    GK_T_OK(!gk_diag_list_get(l, 1)->has_values);
    GK_T_OK(gk_diag_list_get(l, 2) == NULL);
    GK_T_INT_EQ(gk_diag_list_count_severity(l, GK_SEV_WARNING), 1);
    GK_T_INT_EQ(gk_diag_list_count_severity(l, GK_SEV_ERROR), 0);
    GK_T_INT_EQ(gk_diag_list_count_rule(l, "CELL.BLANK"), 1);
    GK_T_STR_EQ(gk_severity_name(GK_SEV_ERROR), "error");
    gk_diag_list_free(l);
    gk_diag_list_free(NULL);
}

GK_TEST(core_diag, many_findings_grow_the_list)
{
    gk_diag_list *l = NULL;
    int i;

    GK_T_CALL(gk_diag_list_new(&l));
    for (i = 0; i < 1000; i++)
        GK_T_CALL(gk_diag_add(l, "T3.BALANCE", GK_SEV_ERROR, "applications.NEW[0]", NULL, NULL,
                              "第%d条", i));
    GK_T_INT_EQ(gk_diag_list_count(l), 1000);
    GK_T_STR_EQ(gk_diag_list_get(l, 999)->message, "第999条");
    gk_diag_list_free(l);
}

GK_TEST(core_diag, findings_json_has_the_contract_fields)
{
    gk_diag_list *l = NULL;
    gk_buf out = GK_BUF_INIT;
    gk_diag v;
    json_error_t jerr;
    json_t *root, *f;

    memset(&v, 0, sizeof v);
    v.has_values = true;
    v.expected = 27;
    v.actual = 25;
    GK_T_CALL(gk_diag_list_new(&l));
    GK_T_CALL(gk_diag_add(l, "NARR.T3_RECEIVED", GK_SEV_WARNING, "applications.NEW[6]", &v,
                          "共收到\"申请\"27件\n", "正文称共收到申请%d件", 27));
    GK_T_CALL(gk_diag_add(l, "STRUCT.MISSING_TABLE", GK_SEV_ERROR, "proactive", NULL, NULL, "x"));
    GK_T_CALL(gk_diag_list_to_json(&out, l, "seed.json", 2024));
    root = json_loadb(out.ptr, out.len, JSON_REJECT_DUPLICATES, &jerr);
    GK_T_OK(root != NULL);
    GK_T_STR_EQ(json_string_value(json_object_get(root, "schema")), "gongkai.findings/1");
    GK_T_STR_EQ(json_string_value(json_object_get(root, "source")), "seed.json");
    GK_T_INT_EQ(json_integer_value(json_object_get(root, "year")), 2024);
    GK_T_INT_EQ(json_array_size(json_object_get(root, "findings")), 2);
    f = json_array_get(json_object_get(root, "findings"), 0);
    GK_T_STR_EQ(json_string_value(json_object_get(f, "rule")), "NARR.T3_RECEIVED");
    GK_T_STR_EQ(json_string_value(json_object_get(f, "severity")), "warning");
    GK_T_STR_EQ(json_string_value(json_object_get(f, "cell")), "applications.NEW[6]");
    GK_T_INT_EQ(json_integer_value(json_object_get(f, "expected")), 27);
    GK_T_INT_EQ(json_integer_value(json_object_get(f, "actual")), 25);
    GK_T_STR_EQ(json_string_value(json_object_get(f, "message")), "正文称共收到申请27件");
    GK_T_STR_EQ(json_string_value(json_object_get(f, "evidence")), "共收到\"申请\"27件\n");
    f = json_array_get(json_object_get(root, "findings"), 1);
    GK_T_OK(json_is_null(json_object_get(f, "expected")));
    GK_T_OK(json_is_null(json_object_get(f, "evidence")));
    json_decref(root);
    gk_buf_clear(&out);
    gk_diag_list_free(l);
    l = NULL;
    /* an empty list and an unknown year */
    GK_T_CALL(gk_diag_list_new(&l));
    GK_T_CALL(gk_diag_list_to_json(&out, l, NULL, 0));
    root = json_loadb(out.ptr, out.len, 0, &jerr);
    GK_T_OK(root && json_is_null(json_object_get(root, "year")) &&
            json_array_size(json_object_get(root, "findings")) == 0);
    json_decref(root);
    gk_buf_release(&out);
    gk_diag_list_free(l);
}
