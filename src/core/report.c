/*
 * report.c: the annual-report model: label tables of the official format
 * (spec §1.3–1.5) and the report's lifecycle. Every label here is the exact
 * text of 国办公开办函〔2021〕30号 (2019 trial format for gk_t2_layout 2019).
 */
#include <math.h>
#include "gk/report.h"
#include "util/arena.h"
#include "util/keytab.h"
#include "util/util.h"

static const struct {
    const char *key;
    const char *label;
    const char *group;
} t3_rows[GK_T3_NROWS] = {
#define GK_X_(key, label, group) {#key, label, group},
    GK_T3_ROWS(GK_X_)
#undef GK_X_
};

static const char *const t3_cols[GK_T3_NCOLS] = {
    "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
};

const char *gk_t3_row_key(int row)
{
    return gk_keytab_get(t3_rows, GK_T3_NROWS, key, row);
}

const char *gk_t3_row_label(int row)
{
    return gk_keytab_get(t3_rows, GK_T3_NROWS, label, row);
}

const char *gk_t3_row_group(int row)
{
    return gk_keytab_get(t3_rows, GK_T3_NROWS, group, row);
}

int gk_t3_row_from_key(const char *s, size_t len)
{
    return gk_keytab_find(t3_rows, GK_T3_NROWS, key, s, len);
}

const char *gk_t3_col_label(int col)
{
    return col >= 0 && col < GK_T3_NCOLS ? t3_cols[col] : NULL;
}

/* Table 2 of the 2021 format: 4 blocks, 10 cells (spec §1.3). */
static const gk_t2_cell_desc t2_2021[] = {
    {"第二十条第（一）项", "规章", "本年制发件数", "rules", "issued", false},
    {"第二十条第（一）项", "规章", "本年废止件数", "rules", "repealed", false},
    {"第二十条第（一）项", "规章", "现行有效件数", "rules", "in_force", false},
    {"第二十条第（一）项", "行政规范性文件", "本年制发件数", "normative_docs", "issued", false},
    {"第二十条第（一）项", "行政规范性文件", "本年废止件数", "normative_docs", "repealed", false},
    {"第二十条第（一）项", "行政规范性文件", "现行有效件数", "normative_docs", "in_force", false},
    {"第二十条第（五）项", "行政许可", "本年处理决定数量", "licensing", "decisions", false},
    {"第二十条第（六）项", "行政处罚", "本年处理决定数量", "penalty", "decisions", false},
    {"第二十条第（六）项", "行政强制", "本年处理决定数量", "enforcement", "decisions", false},
    {"第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）", "fees", "amount_wan_yuan",
     true},
};

/* Table 2 of the 2019 trial format (国办公开办函〔2019〕60号, spec §1.3). */
static const gk_t2_cell_desc t2_2019[] = {
    {"第二十条第（一）项", "规章", "本年新制作数量", "rules", "made", false},
    {"第二十条第（一）项", "规章", "本年新公开数量", "rules", "published", false},
    {"第二十条第（一）项", "规章", "对外公开总数量", "rules", "total", false},
    {"第二十条第（一）项", "规范性文件", "本年新制作数量", "normative_docs", "made", false},
    {"第二十条第（一）项", "规范性文件", "本年新公开数量", "normative_docs", "published", false},
    {"第二十条第（一）项", "规范性文件", "对外公开总数量", "normative_docs", "total", false},
    {"第二十条第（五）项", "行政许可", "上一年项目数量", "licensing", "prev_items", false},
    {"第二十条第（五）项", "行政许可", "本年增/减", "licensing", "delta", false},
    {"第二十条第（五）项", "行政许可", "处理决定数量", "licensing", "decisions", false},
    {"第二十条第（五）项", "其他对外管理服务事项", "上一年项目数量", "other_services", "prev_items",
     false},
    {"第二十条第（五）项", "其他对外管理服务事项", "本年增/减", "other_services", "delta", false},
    {"第二十条第（五）项", "其他对外管理服务事项", "处理决定数量", "other_services", "decisions",
     false},
    {"第二十条第（六）项", "行政处罚", "上一年项目数量", "penalty", "prev_items", false},
    {"第二十条第（六）项", "行政处罚", "本年增/减", "penalty", "delta", false},
    {"第二十条第（六）项", "行政处罚", "处理决定数量", "penalty", "decisions", false},
    {"第二十条第（六）项", "行政强制", "上一年项目数量", "enforcement", "prev_items", false},
    {"第二十条第（六）项", "行政强制", "本年增/减", "enforcement", "delta", false},
    {"第二十条第（六）项", "行政强制", "处理决定数量", "enforcement", "decisions", false},
    {"第二十条第（八）项", "行政事业性收费", "上一年项目数量", "fees", "prev_items", false},
    {"第二十条第（八）项", "行政事业性收费", "本年增/减", "fees", "delta", false},
    {"第二十条第（九）项", "政府集中采购", "采购项目数量", "procurement", "items", false},
    {"第二十条第（九）项", "政府集中采购", "采购总金额", "procurement", "amount_wan_yuan", true},
};

const gk_t2_cell_desc *gk_t2_layout(gk_report_format f, size_t *n_out)
{
    if (f == GK_FORMAT_2019) {
        *n_out = GK_ARRAY_LEN(t2_2019);
        return t2_2019;
    }
    *n_out = GK_ARRAY_LEN(t2_2021);
    return t2_2021;
}

static const char *const t4_group_keys[GK_T4_NGROUPS] = {"review", "litigation_direct",
                                                         "litigation_after_review"};
static const char *const t4_group_labels[GK_T4_NGROUPS] = {"行政复议", "未经复议直接起诉",
                                                           "复议后起诉"};
static const char *const t4_col_keys[GK_T4_NCOLS] = {"upheld", "corrected", "other", "pending",
                                                     "total"};
static const char *const t4_col_labels[GK_T4_NCOLS] = {"结果维持", "结果纠正", "其他结果",
                                                       "尚未审结", "总计"};

const char *gk_t4_group_key(int g)
{
    return g >= 0 && g < GK_T4_NGROUPS ? t4_group_keys[g] : NULL;
}

const char *gk_t4_group_label(int g)
{
    return g >= 0 && g < GK_T4_NGROUPS ? t4_group_labels[g] : NULL;
}

const char *gk_t4_col_key(int c)
{
    return c >= 0 && c < GK_T4_NCOLS ? t4_col_keys[c] : NULL;
}

const char *gk_t4_col_label(int c)
{
    return c >= 0 && c < GK_T4_NCOLS ? t4_col_labels[c] : NULL;
}

/* The six sections of 条例第五十条 as the format heads them (spec §1.2). */
static const char *const section_titles[] = {
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
};

const char *gk_section_title(int i)
{
    return i >= 0 && i < (int)GK_ARRAY_LEN(section_titles) ? section_titles[i] : NULL;
}

/* Cap on one report's arena: a hostile input cannot make a model larger. */
#define REPORT_ARENA_MAX ((size_t)256 * 1024 * 1024)

int gk_report_new(gk_report **out)
{
    gk_report *r;
    gk_arena *a;

    *out = NULL;
    r = gk_calloc(1, sizeof *r);
    a = gk_calloc(1, sizeof *a);
    if (!r || !a) {
        gk_free(r);
        gk_free(a);
        return gk__oom();
    }
    a->max = REPORT_ARENA_MAX;
    r->arena_ = a;
    r->format = GK_FORMAT_2021;
    r->agency = "";
    r->source = "";
    *out = r;
    return 0;
}

void gk_report_free(gk_report *r)
{
    if (!r)
        return;
    gk_arena_release(r->arena_);
    gk_free(r->arena_);
    gk_free(r);
}

const char *gk_report_strdup(gk_report *r, const char *s, size_t n)
{
    return gk_arena_strndup(r->arena_, s, n);
}

void *gk_report_alloc(gk_report *r, size_t n)
{
    return gk_arena_alloc(r->arena_, n);
}

int gk_report_add_section(gk_report *r, const char *no, const char *title, const char *text,
                          size_t text_len)
{
    gk_section *s;

    if (r->nsections >= GK_MAX_SECTIONS) {
        gk_error_set(GK_ERRCLASS_INVALID, "more than %d sections", GK_MAX_SECTIONS);
        return GK_ETOOBIG;
    }
    s = &r->sections[r->nsections];
    s->no = gk_report_strdup(r, no, strlen(no));
    s->title = gk_report_strdup(r, title, strlen(title));
    s->text = gk_report_strdup(r, text, text_len);
    if (!s->no || !s->title || !s->text)
        return GK_ENOMEM;
    memset(&s->pos, 0, sizeof s->pos);
    r->nsections++;
    return 0;
}

void gk_cell_set(gk_cell *c, double v)
{
    c->v = v;
    c->state = GK_CELL_VALUE;
    c->text = NULL;
}

void gk_cell_set_blank(gk_cell *c)
{
    c->v = 0;
    c->state = GK_CELL_BLANK;
    c->text = NULL;
}

double gk_cell_num(const gk_cell *c)
{
    return c->state == GK_CELL_VALUE ? c->v : 0.0;
}

bool gk_cell_is_whole(const gk_cell *c)
{
    return c->state != GK_CELL_VALUE || (isfinite(c->v) && !(floor(c->v) < c->v) &&
                                         !(floor(c->v) > c->v));
}

void gk_report_zero(gk_report *r)
{
    size_t i, j, n;

    (void)gk_t2_layout(r->format, &n);
    for (i = 0; i < n; i++)
        gk_cell_set(&r->t2[i], 0);
    for (i = 0; i < GK_T3_NROWS; i++)
        for (j = 0; j < GK_T3_NCOLS; j++)
            gk_cell_set(&r->t3[i][j], 0);
    for (i = 0; i < GK_T4_NGROUPS; i++)
        for (j = 0; j < GK_T4_NCOLS; j++)
            gk_cell_set(&r->t4[i][j], 0);
    r->t2_present = r->t3_present = r->t4_present = true;
}
