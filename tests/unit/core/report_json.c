/* Unit tests of the report model and report JSON (spec/report-json.md §1). */
#include "test.h"
#include "gk/report.h"
#include "gk/errors.h"
#include "gk/buf.h"

static gk_report *load(const char *json)
{
    gk_report *r = NULL;

    if (gk_report_from_json(&r, json, strlen(json)) < 0)
        return NULL;
    return r;
}

GK_TEST(core_report_json, seed_reads_and_round_trips)
{
    size_t len;
    char *data = gk_test_slurp(gk_test_path("tests/resources/seed-2024.json"), &len);
    gk_report *r = NULL, *r2 = NULL;
    gk_buf out = GK_BUF_INIT, where = GK_BUF_INIT;

    GK_T_CALL(gk_report_from_json(&r, data, len));
    GK_T_STR_EQ(r->agency, "福州市鼓楼区人民政府");
    GK_T_INT_EQ(r->year, 2024);
    GK_T_INT_EQ(gk_cell_num(&r->t3[GK_T3_NEW][GK_T3_COL_TOTAL]), 25);
    GK_T_INT_EQ(gk_cell_num(&r->t3[GK_T3_R_NA_NOTHELD][0]), 8);
    GK_T_INT_EQ(gk_cell_num(&r->t4[GK_T4_REVIEW][GK_T4_TOTAL]), 2);
    GK_T_INT_EQ(gk_cell_num(&r->t2[5]), 25);
    GK_T_INT_EQ(r->nsections, 6);
    GK_T_CALL(gk_report_to_json(&out, r));
    GK_T_CALL(gk_report_from_json(&r2, out.ptr, out.len));
    GK_T_OK(gk_report_equal(r, r2, &where));
    gk_report_free(r);
    gk_report_free(r2);
    gk_buf_release(&out);
    gk_buf_release(&where);
    gk_free(data);
}

GK_TEST(core_report_json, blank_unreadable_and_decimals_round_trip)
{
    const char *j = "{\"schema\":\"gongkai.report/1\",\"year\":2023,"
                    "\"proactive\":{\"fees\":{\"amount_wan_yuan\":0.1234}},"
                    "\"applications\":{\"NEW\":[1,null,0,0,0,0,1]},"
                    "\"unreadable\":[{\"cell\":\"applications.NEW[2]\",\"text\":\"l\"}]}";
    gk_report *r = load(j), *r2 = NULL;
    gk_buf out = GK_BUF_INIT;

    GK_T_OK(r != NULL);
    GK_T_INT_EQ(r->t3[GK_T3_NEW][1].state, GK_CELL_BLANK);
    GK_T_INT_EQ(r->t3[GK_T3_NEW][2].state, GK_CELL_UNREADABLE);
    GK_T_STR_EQ(r->t3[GK_T3_NEW][2].text, "l");
    GK_T_INT_EQ(r->t3[GK_T3_CARRIED_IN][0].state, GK_CELL_ABSENT);
    GK_T_CALL(gk_report_to_json(&out, r));
    GK_T_OK(strstr(out.ptr, "0.1234") != NULL);
    GK_T_CALL(gk_report_from_json(&r2, out.ptr, out.len));
    GK_T_OK(gk_report_equal(r, r2, NULL));
    gk_report_free(r);
    gk_report_free(r2);
    gk_buf_release(&out);
}

/* Each bad document must fail with GK_EINVALID and a message naming where. */
GK_TEST(core_report_json, rejects_bad_input_with_path)
{
    static const struct {
        const char *json;
        const char *msg_part;
    } bad[] = {
        {"", "malformed JSON"},
        {"{\"applications\":{\"NEW\":[1,2,3,\"4\",5,6,7]}}", "applications.NEW[3]"},
        {"{\"applications\":{\"NEW\":[1,2]}}", "applications.NEW"},
        {"{\"applications\":{\"NEWX\":[1,2,3,4,5,6,7]}}", "unknown table-3 row"},
        {"{\"year\":2024,\"year\":2025}", "duplicate"},
        {"{\"agency\":\"\xff\"}", "malformed JSON"},
        {"{\"review_litigation\":{\"review\":{\"total\":true}}}", "review_litigation.review.total"},
        {"{\"proactive\":{\"rules\":{\"issued\":\"x\"}}}", "proactive.rules.issued"},
        {"[1,2]", "expected a JSON object"},
        {"{\"schema\":\"other/9\"}", "schema"},
        {"{\"applications\":{\"NEW\":[1e300,0,0,0,0,0,0]}}", "out of range"},
    };
    size_t i;

    for (i = 0; i < GK_ARRAY_LEN(bad); i++) {
        gk_report *r = NULL;
        int rc = gk_report_from_json(&r, bad[i].json, strlen(bad[i].json));
        if (rc != GK_EINVALID || r != NULL)
            GK_T_FAIL("case %zu: expected GK_EINVALID, got %d", i, rc);
        if (!strstr(gk_error_last()->message, bad[i].msg_part))
            GK_T_FAIL("case %zu: message '%s' lacks '%s'", i, gk_error_last()->message,
                      bad[i].msg_part);
    }
}

GK_TEST(core_report, labels_match_the_official_format)
{
    GK_T_STR_EQ(gk_t3_row_label(GK_T3_R_DENY_3S1W), "3.危及“三安全一稳定”");
    GK_T_STR_EQ(gk_t3_row_group(GK_T3_R_NA_CREATE), "（四）无法提供");
    GK_T_STR_EQ(gk_t3_row_key(GK_T3_CARRIED_OUT), "CARRIED_OUT");
    GK_T_INT_EQ(gk_t3_row_from_key("R_TOTAL", 7), GK_T3_R_TOTAL);
    /* report-json.md §3 says "22 result rows"; the table has 2 + 8 + 3 + 5 + 3 = 21 leaves */
    GK_T_INT_EQ(GK_T3_LAST_RESULT - GK_T3_FIRST_RESULT + 1, 21);
    GK_T_STR_EQ(gk_t4_col_label(GK_T4_PENDING), "尚未审结");
}
