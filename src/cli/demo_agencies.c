/*
 * demo_agencies.c: the agency tree of `gongkai demo` (a district
 * government with its 办公室, two 局 and a 街道) and a staff account for
 * each role, with their random passwords.
 */
#include <stdio.h>
#include "demo_int.h"

const gk_agency demo_agencies[DEMO_NAGENCIES] = {
    {0, "QZF", "某某区人民政府", "", "政府"},
    {0, "QZFB", "某某区人民政府办公室", "QZF", "部门"},
    {0, "QJYJ", "某某区教育局", "QZF", "部门"},
    {0, "QZJJ", "某某区住房和城乡建设局", "QZF", "部门"},
    {0, "QCGJD", "某某区城关街道办事处", "QZF", "街道"},
};

/* 前段码 of each agency's 索引号 (spec §6.3, the 2008 organisation-code
 * form), in the order of agencies[]. */
const char *const demo_index_prefixes[DEMO_NAGENCIES] = {"QZF00001-1", "QZFB0001-2", "QJYJ0001-3",
                                                         "QZJJ0001-4", "QCGJD001-5"};

/* One account per role (issue 6); 管理员 and 督查 see every agency. */
const demo_account demo_staff[DEMO_NSTAFF] = {
    {"dengji", GK_ROLE_CLERK, "QJYJ"},
    {"chengban", GK_ROLE_HANDLER, "QJYJ"},
    {"shenhe", GK_ROLE_REVIEWER, "QJYJ"},
    {"fuze", GK_ROLE_HEAD, "QJYJ"},
    {"admin", GK_ROLE_ADMIN, NULL},
    {"ducha", GK_ROLE_SUPERVISOR, NULL},
    {"zjj", GK_ROLE_HEAD, "QZJJ"},
    {"bgs", GK_ROLE_HEAD, "QZFB"},
    /* A second 审核人 so that 初审 and 复审 are different people, and the
     * supervising office of the district (its subtree). */
    {"fushen", GK_ROLE_REVIEWER, "QJYJ"},
    {"quducha", GK_ROLE_SUPERVISOR, "QZF"},
};

/* From /dev/urandom, each byte mapped onto the alphabet. */
int demo_random_password(char out[13])
{
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    unsigned char raw[12];
    FILE *f = fopen("/dev/urandom", "rb");
    size_t i;

    if (!f || fread(raw, 1, sizeof(raw), f) != sizeof(raw)) {
        if (f)
            fclose(f);
        return -1;
    }
    fclose(f);
    for (i = 0; i < sizeof(raw); i++)
        out[i] = alphabet[raw[i] % (sizeof(alphabet) - 1)];
    out[12] = '\0';
    return 0;
}
