/* Unit tests of the audit pipeline and of report roll-ups. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "test.h"
#include "gk/audit.h"
#include "gk/errors.h"
#include "gk/fileio.h"

/* A complete balanced report of one agency and year: `in` carried in and
 * `out` carried out (natural persons), 10 new, the rest granted. */
static void write_report(const char *path, const char *agency, int year, int in, int out)
{
    gk_report *r = NULL;
    gk_buf b = GK_BUF_INIT;
    int total = 10 + in - out, col;

    if (gk_report_new(&r) < 0)
        abort();
    gk_report_zero(r);
    r->agency = agency;
    r->year = year;
    for (col = 0; col < GK_T3_NCOLS; col += GK_T3_COL_TOTAL) {
        gk_cell_set(&r->t3[GK_T3_NEW][col], 10);
        gk_cell_set(&r->t3[GK_T3_CARRIED_IN][col], in);
        gk_cell_set(&r->t3[GK_T3_R_GRANT][col], total);
        gk_cell_set(&r->t3[GK_T3_R_TOTAL][col], total);
        gk_cell_set(&r->t3[GK_T3_CARRIED_OUT][col], out);
    }
    if (gk_report_to_json(&b, r) < 0 || gk_file_write_atomic(path, b.ptr, b.len) < 0)
        abort();
    gk_buf_release(&b);
    gk_report_free(r);
}

typedef struct {
    size_t items, errors, unreadable, cross;
    char cross_cell[64];
    double cross_expected, cross_actual;
} tally;

static int on_item(const gk_audit_item *it, void *payload)
{
    tally *t = payload;

    t->items++;
    if (it->error < 0)
        t->unreadable++;
    else
        t->errors += it->n_error;
    return 0;
}

static int on_cross(const char *earlier, const char *later, const gk_diag *d, void *payload)
{
    tally *t = payload;

    (void)earlier;
    (void)later;
    t->cross++;
    snprintf(t->cross_cell, sizeof t->cross_cell, "%s", d->cell);
    t->cross_expected = d->expected;
    t->cross_actual = d->actual;
    return 0;
}

GK_TEST(audit_run, walks_checks_and_compares_years)
{
    char dir[] = "/tmp/gk_audit_XXXXXX";
    char p[4][512];
    const char *paths[1];
    gk_audit_opts o = GK_AUDIT_OPTS_INIT;
    tally t;

    GK_T_OK(mkdtemp(dir) != NULL);
    snprintf(p[0], sizeof p[0], "%s/a-2023.json", dir);
    snprintf(p[1], sizeof p[1], "%s/sub", dir);
    mkdir(p[1], 0700);
    snprintf(p[1], sizeof p[1], "%s/sub/a-2024.json", dir);
    snprintf(p[2], sizeof p[2], "%s/broken.json", dir);
    snprintf(p[3], sizeof p[3], "%s/ignored.bin", dir);
    write_report(p[0], "甲局", 2023, 0, 3);
    write_report(p[1], "甲局", 2024, 2, 0); /* 2023 carried out 3, 2024 carried in 2 */
    GK_T_CALL(gk_file_write_atomic(p[2], "{\"year\":", 8));
    GK_T_CALL(gk_file_write_atomic(p[3], "x", 1));
    memset(&t, 0, sizeof t);
    o.jobs = 2;
    o.cross = on_cross;
    o.payload = &t;
    paths[0] = dir;
    GK_T_CALL(gk_audit_run(paths, 1, &o, on_item));
    GK_T_INT_EQ(t.items, 3);
    GK_T_INT_EQ(t.unreadable, 1);
    GK_T_INT_EQ(t.errors, 0);
    /* natural-person column and total column differ: two findings */
    GK_T_INT_EQ(t.cross, 2);
    GK_T_INT_EQ(t.cross_expected, 3);
    GK_T_INT_EQ(t.cross_actual, 2);
    unlink(p[0]);
    unlink(p[1]);
    unlink(p[2]);
    unlink(p[3]);
    snprintf(p[1], sizeof p[1], "%s/sub", dir);
    rmdir(p[1]);
    rmdir(dir);
}

/* Copies of one agency-year are recorded once: the carry table grows with
 * distinct agency-years, not with files (flat memory over many copies). */
GK_TEST(audit_run, copies_of_an_agency_year_count_once)
{
    char dir[] = "/tmp/gk_audit_XXXXXX";
    char p[5][512];
    const char *paths[1];
    gk_audit_opts o = GK_AUDIT_OPTS_INIT;
    tally t;
    int i;

    GK_T_OK(mkdtemp(dir) != NULL);
    for (i = 0; i < 5; i++)
        snprintf(p[i], sizeof p[i], "%s/r%d.json", dir, i);
    write_report(p[0], "乙局", 2023, 0, 3);
    for (i = 1; i < 5; i++)
        write_report(p[i], "乙局", 2024, 2, 0);
    memset(&t, 0, sizeof t);
    o.jobs = 2;
    o.cross = on_cross;
    o.payload = &t;
    paths[0] = dir;
    GK_T_CALL(gk_audit_run(paths, 1, &o, on_item));
    GK_T_INT_EQ(t.items, 5);
    GK_T_INT_EQ(t.cross, 2);
    for (i = 0; i < 5; i++)
        unlink(p[i]);
    rmdir(dir);
}

GK_TEST(audit_run, missing_path_is_an_error)
{
    const char *paths[] = {"/nonexistent/gk/audit"};
    gk_audit_opts o = GK_AUDIT_OPTS_INIT;
    tally t;

    memset(&t, 0, sizeof t);
    o.payload = &t;
    GK_T_INT_EQ(gk_audit_run(paths, 1, &o, on_item), GK_ENOTFOUND);
}

GK_TEST(audit_run, wants_report_files_only)
{
    GK_T_OK(gk_audit_wants_file("a/b/report.HTML"));
    GK_T_OK(gk_audit_wants_file("x.md"));
    GK_T_OK(gk_audit_wants_file("x.txt"));
    GK_T_OK(!gk_audit_wants_file("x.pdf"));
    GK_T_OK(!gk_audit_wants_file(".json"));
}

static gk_report *from(const char *json)
{
    gk_report *r = NULL;

    if (gk_report_from_json(&r, json, strlen(json)) < 0)
        return NULL;
    return r;
}

GK_TEST(audit_sum, adds_cells_and_keeps_gaps)
{
    gk_report *a = from("{\"applications\":{\"NEW\":[1,2,null,0,0,0,3],"
                        "\"R_GRANT\":[1,0,0,0,0,0,1]},"
                        "\"review_litigation\":{\"review\":{\"upheld\":1,\"total\":1}}}");
    gk_report *b = from("{\"applications\":{\"NEW\":[4,0,null,0,0,1,5],"
                        "\"R_GRANT\":[2,0,0,0,0,0,2]},"
                        "\"unreadable\":[{\"cell\":\"applications.R_GRANT[1]\",\"text\":\"l\"}],"
                        "\"review_litigation\":{\"review\":{\"upheld\":2,\"total\":2}}}");

    GK_T_OK(a && b);
    GK_T_CALL(gk_report_add(a, b));
    GK_T_INT_EQ(gk_cell_num(&a->t3[GK_T3_NEW][0]), 5);
    GK_T_INT_EQ(gk_cell_num(&a->t3[GK_T3_NEW][GK_T3_COL_TOTAL]), 8);
    GK_T_INT_EQ(a->t3[GK_T3_NEW][2].state, GK_CELL_BLANK);
    GK_T_INT_EQ(a->t3[GK_T3_R_GRANT][1].state, GK_CELL_UNREADABLE);
    GK_T_STR_EQ(a->t3[GK_T3_R_GRANT][1].text, "l");
    GK_T_INT_EQ(a->t3[GK_T3_CARRIED_IN][0].state, GK_CELL_ABSENT);
    GK_T_INT_EQ(gk_cell_num(&a->t4[GK_T4_REVIEW][GK_T4_TOTAL]), 3);
    gk_report_free(b);
    b = from("{\"format\":\"2019\"}");
    GK_T_INT_EQ(gk_report_add(a, b), GK_EINVALID);
    gk_report_free(a);
    gk_report_free(b);
}
