/* The tables of every real report in tests/resources/corpus/expected.json
 * (copied from shared/corpus), converted to report JSON, must be flagged
 * exactly where their published_arithmetic_issues say, and nowhere else at
 * error severity (issue 2 "What it must show"). */
#include <jansson.h>
#include <stdio.h>
#include "test.h"
#include "gk/validate.h"
#include "gk/errors.h"

/* expected.json entry -> report JSON: applications and review_litigation
 * as they are (a row left null, a blank row, becomes 7 nulls),
 * table3_collapsed_other_row -> table3_other_collapsed. expected.json has
 * no table 2, so every converted report lacks it. */
static char *convert(json_t *entry)
{
    json_t *rep = json_object(), *apps = json_object(),
           *src = json_object_get(entry, "applications");
    const char *key;
    json_t *row;
    char *text;

    json_object_set_new(rep, "schema", json_string("gongkai.report/1"));
    json_object_set_new(rep, "format", json_string("2021"));
    json_object_set(rep, "table3_other_collapsed",
                    json_object_get(entry, "table3_collapsed_other_row"));
    json_object_foreach(src, key, row)
    {
        if (json_is_null(row)) {
            json_t *blank = json_array();
            int i;
            for (i = 0; i < GK_T3_NCOLS; i++)
                json_array_append_new(blank, json_null());
            json_object_set_new(apps, key, blank);
        } else {
            json_object_set(apps, key, row);
        }
    }
    json_object_set_new(rep, "applications", apps);
    json_object_set(rep, "review_litigation", json_object_get(entry, "review_litigation"));
    text = json_dumps(rep, JSON_SORT_KEYS);
    json_decref(rep);
    return text;
}

/* The error findings each entry must have, as "RULE@cell" in report order
 * (from published_arithmetic_issues; each converted report also lacks
 * table 2). */
static const struct {
    const char *key;
    const char *errors;
} flagged[] = {
    {"002_huaian_hongze_district_2023", "T4.SUM@review_litigation.review.total "
                                        "T4.SUM@review_litigation.litigation_after_review.total"},
    {"011_pingtan_public_security_2021",
     "T3.BALANCE@applications.CARRIED_OUT[0] T3.BALANCE@applications.CARRIED_OUT[6]"},
    {"017_pingtan_haitan_subdistrict_2022",
     "T3.BALANCE@applications.CARRIED_OUT[0] T3.BALANCE@applications.CARRIED_OUT[6] "
     "T3.RESULT_SUM@applications.R_TOTAL[0] T3.RESULT_SUM@applications.R_TOTAL[6]"},
    {"023_shanghai_stcsm_2024",
     "T3.BALANCE@applications.CARRIED_OUT[6] T3.ROW_TOTAL@applications.CARRIED_OUT[6]"},
};

GK_TEST(core_validate_corpus, expected_tables_flagged_exactly)
{
    size_t len, i, k;
    char *data = gk_test_slurp(gk_test_path("tests/resources/corpus/expected.json"), &len);
    json_error_t jerr;
    json_t *exp = json_loadb(data, len, 0, &jerr), *entry;
    const char *key;
    int checked = 0, with_issues = 0;

    GK_T_OK(exp != NULL);
    json_object_foreach(exp, key, entry)
    {
        char *rj = convert(entry), got[2048], want[1024];
        gk_report *r = NULL;
        gk_diag_list *l = NULL;
        gk_validate_opts o = GK_VALIDATE_OPTS_INIT;
        size_t gl = 0;

        o.narrative = false; /* tables only: expected.json has no text */
        GK_T_CALL(gk_report_from_json(&r, rj, strlen(rj)));
        GK_T_CALL(gk_diag_list_new(&l));
        GK_T_CALL(gk_validate(l, r, &o));
        got[0] = '\0';
        for (i = 0; i < gk_diag_list_count(l); i++) {
            const gk_diag *d = gk_diag_list_get(l, i);
            if (d->severity == GK_SEV_ERROR)
                gl += (size_t)snprintf(got + gl, sizeof got - gl, " %s@%s", d->rule,
                                       d->cell ? d->cell : "-");
        }
        snprintf(want, sizeof want, " STRUCT.MISSING_TABLE@proactive");
        for (k = 0; k < GK_ARRAY_LEN(flagged); k++)
            if (!strcmp(flagged[k].key, key))
                snprintf(want, sizeof want, " STRUCT.MISSING_TABLE@proactive %s",
                         flagged[k].errors);
        /* every entry with published issues is in the table above */
        if (json_array_size(json_object_get(entry, "published_arithmetic_issues")))
            with_issues++;
        if (strcmp(got, want) != 0)
            GK_T_FAIL("%s:\n  got:     %s\n  expected: %s", key, got, want);
        if (!strcmp(key, "023_shanghai_stcsm_2024"))
            GK_T_INT_EQ(gk_diag_list_count_rule(l, "CELL.BLANK"), 1);
        if (!strcmp(key, "013_pingtan_market_supervision_2022"))
            GK_T_INT_EQ(gk_diag_list_count_rule(l, "CELL.BLANK"), 2);
        gk_diag_list_free(l);
        gk_report_free(r);
        gk_free(rj);
        checked++;
    }
    GK_T_INT_EQ(checked, 24);
    GK_T_INT_EQ(with_issues, (int)GK_ARRAY_LEN(flagged));
    json_decref(exp);
    gk_free(data);
}
