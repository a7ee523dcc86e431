/* Agency and year read from titles printed over several lines (PDF text,
 * Markdown exports) and from one-line titles, on the real corpus. */
#include <stdio.h>
#include "test.h"
#include "gk/parse.h"
#include "gk/errors.h"

static const struct {
    const char *file;
    const char *agency;
    int year;
} titles[] = {
    {"001_huaian_city_2024.txt", "淮安市人民政府", 2024},
    {"002_huaian_hongze_district_2023.txt", "洪泽区人民政府", 2023},
    {"022_shuyang_county_2025.md", "沐阳县人民政府", 2025}, /* 沐 as printed (沭阳县) */
    {"023_shanghai_stcsm_2024.md", "上海市科委", 2024},
    {"024_shanghai_gov_office_2025.md", "上海市人民政府办公厅", 2025},
    {"005_pingtan_zone_2021.txt", "平潭综合实验区", 2021},
    {"021_shuyang_drc_2023.html", "沭阳县发展和改革局", 2023},
};

GK_TEST(parse_title, agency_and_year_from_the_title)
{
    size_t i, len;

    for (i = 0; i < GK_ARRAY_LEN(titles); i++) {
        char rel[256];
        char *data;
        gk_report *r = NULL;

        snprintf(rel, sizeof rel, "tests/resources/corpus/real/%s", titles[i].file);
        data = gk_test_slurp(gk_test_path(rel), &len);
        if (gk_parse(&r, data, len, NULL) < 0) {
            gk_free(data);
            GK_T_FAIL("%s: %s", titles[i].file, gk_error_last()->message);
        }
        if (strcmp(r->agency, titles[i].agency) != 0 || r->year != titles[i].year)
            gk_test__fail(__FILE__, __LINE__, "%s: got '%s' %d, expected '%s' %d",
                          titles[i].file, r->agency, r->year, titles[i].agency, titles[i].year);
        gk_report_free(r);
        gk_free(data);
    }
}
