/*
 * report.h: the statutory annual report (政府信息公开工作年度报告) model in the
 * national 2021 format (国办公开办函〔2021〕30号), and the 2019 trial format
 * (国办公开办函〔2019〕60号) for older reports. Spec §1.
 *
 * The model is a plain struct; strings live in the report's arena and are
 * freed with the report (conventions C4). Cells keep what the source said:
 * a value, a blank, an unreadable text, or nothing (row not in the source).
 * Nothing here repairs a total.
 */
#ifndef GK_REPORT_H
#define GK_REPORT_H

#include <stdbool.h>
#include "common.h"
#include "buf.h"

GK_BEGIN_DECL

typedef enum {
    GK_FORMAT_2021 = 0, /* 国办公开办函〔2021〕30号 */
    GK_FORMAT_2019 = 1  /* 国办公开办函〔2019〕60号 trial format */
} gk_report_format;

/* Where a value came from in the parsed source (1-based; 0 = unknown). */
typedef struct {
    uint32_t line;
    uint32_t col;
} gk_srcpos;

typedef enum {
    GK_CELL_ABSENT = 0,     /* not in the source at all (row or table missing) */
    GK_CELL_VALUE = 1,      /* a number */
    GK_CELL_BLANK = 2,      /* present but empty; arithmetic reads 0 (CELL.BLANK) */
    GK_CELL_UNREADABLE = 3  /* present, text not a number (CELL.UNREADABLE) */
} gk_cell_state;

typedef struct {
    double v;          /* the number as printed (counts should be whole) */
    uint8_t state;     /* gk_cell_state */
    gk_srcpos pos;
    const char *text;  /* UNREADABLE: the text seen (arena); else NULL */
} gk_cell;

/* ---- Table 3: 收到和处理政府信息公开申请情况 (spec §1.4) ---- */

/* X(KEY, label, group): rows in table order. group is the label of the
 * rowspan group ((三)…(六)) or NULL. Keys are the report-JSON row keys. */
#define GK_T3_ROWS(X)                                                                              \
    X(NEW, "一、本年新收政府信息公开申请数量", NULL)                                               \
    X(CARRIED_IN, "二、上年结转政府信息公开申请数量", NULL)                                        \
    X(R_GRANT, "（一）予以公开", NULL)                                                             \
    X(R_PARTIAL, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", NULL)                 \
    X(R_DENY_SECRET, "1.属于国家秘密", "（三）不予公开")                                           \
    X(R_DENY_LAW, "2.其他法律行政法规禁止公开", "（三）不予公开")                                  \
    X(R_DENY_3S1W, "3.危及“三安全一稳定”", "（三）不予公开")                                       \
    X(R_DENY_THIRD, "4.保护第三方合法权益", "（三）不予公开")                                      \
    X(R_DENY_INTERNAL, "5.属于三类内部事务信息", "（三）不予公开")                                 \
    X(R_DENY_PROCESS, "6.属于四类过程性信息", "（三）不予公开")                                    \
    X(R_DENY_CASEFILE, "7.属于行政执法案卷", "（三）不予公开")                                     \
    X(R_DENY_QUERY, "8.属于行政查询事项", "（三）不予公开")                                        \
    X(R_NA_NOTHELD, "1.本机关不掌握相关政府信息", "（四）无法提供")                                \
    X(R_NA_CREATE, "2.没有现成信息需要另行制作", "（四）无法提供")                                 \
    X(R_NA_UNCLEAR, "3.补正后申请内容仍不明确", "（四）无法提供")                                  \
    X(R_NP_PETITION, "1.信访举报投诉类申请", "（五）不予处理")                                     \
    X(R_NP_REPEAT, "2.重复申请", "（五）不予处理")                                                 \
    X(R_NP_PUBLICATION, "3.要求提供公开出版物", "（五）不予处理")                                  \
    X(R_NP_MASSIVE, "4.无正当理由大量反复申请", "（五）不予处理")                                  \
    X(R_NP_CONFIRM, "5.要求行政机关确认或重新出具已获取信息", "（五）不予处理")                    \
    X(R_OT_NOCORRECT,                                                                              \
      "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "（六）其他处理")        \
    X(R_OT_NOFEE,                                                                                  \
      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",                  \
      "（六）其他处理")                                                                            \
    X(R_OT_OTHER, "3.其他", "（六）其他处理")                                                      \
    X(R_TOTAL, "（七）总计", NULL)                                                                 \
    X(CARRIED_OUT, "四、结转下年度继续办理", NULL)

typedef enum {
#define GK_X_(key, label, group) GK_T3_##key,
    GK_T3_ROWS(GK_X_)
#undef GK_X_
    GK_T3_NROWS
} gk_t3_row;

/* The 21 result leaf rows (report-json.md §3 says 22; the format has 2+8+3+5+3) are GK_T3_R_GRANT .. GK_T3_R_OT_OTHER inclusive. */
#define GK_T3_FIRST_RESULT GK_T3_R_GRANT
#define GK_T3_LAST_RESULT  GK_T3_R_OT_OTHER
#define GK_T3_NCOLS        7 /* 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 */
#define GK_T3_COL_TOTAL    6

/* Label of the whole 三、 group and of the single （六） row of the 2019 format. */
#define GK_T3_RESULTS_LABEL   "三、本年度办理结果"
#define GK_T3_OTHER_ROW_LABEL "（六）其他处理"
#define GK_T3_CORNER_LABEL    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

GK_EXTERN(const char *) gk_t3_row_key(int row);   /* "R_GRANT"; NULL if out of range */
GK_EXTERN(const char *) gk_t3_row_label(int row); /* the official label */
GK_EXTERN(const char *) gk_t3_row_group(int row); /* "（三）不予公开" or NULL */
GK_EXTERN(int) gk_t3_row_from_key(const char *key, size_t len); /* -1 when unknown */
GK_EXTERN(const char *) gk_t3_col_label(int col); /* "自然人" … "总计" */

/* ---- Table 2: 主动公开政府信息情况 (spec §1.3) ---- */

/* One numeric cell of table 2, as the format lays it out. The same
 * descriptor drives JSON, validation and every renderer. */
typedef struct {
    const char *item;     /* caption row: "第二十条第（一）项" */
    const char *row;      /* row label: "规章" */
    const char *col;      /* column label: "本年制发件数" */
    const char *group;    /* report-JSON object: "rules" (under "proactive" or "proactive_2019") */
    const char *field;    /* report-JSON field: "issued" */
    bool is_amount;       /* money (万元): may have decimals */
} gk_t2_cell_desc;

#define GK_T2_MAX_CELLS 24
/* The cell layout of table 2 for a format; *n_out receives the count
 * (10 for 2021). Borrowed static data. */
GK_EXTERN(const gk_t2_cell_desc *) gk_t2_layout(gk_report_format f, size_t *n_out);

/* ---- Table 4: 行政复议、行政诉讼 (spec §1.5) ---- */
typedef enum { GK_T4_REVIEW, GK_T4_LIT_DIRECT, GK_T4_LIT_AFTER_REVIEW, GK_T4_NGROUPS } gk_t4_group;
typedef enum { GK_T4_UPHELD, GK_T4_CORRECTED, GK_T4_OTHER, GK_T4_PENDING, GK_T4_TOTAL, GK_T4_NCOLS } gk_t4_col;
GK_EXTERN(const char *) gk_t4_group_key(int g);   /* "review", "litigation_direct", … */
GK_EXTERN(const char *) gk_t4_group_label(int g); /* "行政复议", "未经复议直接起诉", "复议后起诉" */
GK_EXTERN(const char *) gk_t4_col_key(int c);     /* "upheld" … "total" */
GK_EXTERN(const char *) gk_t4_col_label(int c);   /* "结果维持" … "总计" */

/* ---- Sections ---- */
typedef struct {
    const char *no;    /* "一" … "六" */
    const char *title; /* "总体情况" */
    const char *text;  /* the section's text (may be "") */
    gk_srcpos pos;
} gk_section;

#define GK_MAX_SECTIONS 16
GK_EXTERN(const char *) gk_section_title(int i); /* official title of section i (0..5) */

typedef struct gk_report {
    gk_report_format format;
    const char *agency; /* "" when unknown */
    int year;           /* 0 when unknown */

    bool t2_present, t3_present, t4_present;
    gk_cell t2[GK_T2_MAX_CELLS];                  /* indexed as gk_t2_layout(format) */
    gk_cell t3[GK_T3_NROWS][GK_T3_NCOLS];
    gk_cell t4[GK_T4_NGROUPS][GK_T4_NCOLS];
    /* （六）其他处理 printed as one row (2019 format, and some 2021 reports):
     * its number is in R_OT_OTHER and R_OT_NOCORRECT/R_OT_NOFEE are ABSENT. */
    bool t3_other_collapsed;

    gk_section sections[GK_MAX_SECTIONS];
    size_t nsections;

    const char *source;    /* file name or "" */
    const char *preamble;  /* text before section 一 (parsed reports), or NULL */
    void *arena_;          /* private: owns every string above */
} gk_report;

/* Creates an empty report (no tables present, format 2021). Caller frees
 * with gk_report_free. */
GK_EXTERN(int) gk_report_new(gk_report **out) GK_WARN_UNUSED;
GK_EXTERN(void) gk_report_free(gk_report *r);
/* Copies s[0..n) into the report's arena (NUL-terminated); NULL on ENOMEM. */
GK_EXTERN(const char *) gk_report_strdup(gk_report *r, const char *s, size_t n);
/* Allocates n zeroed bytes from the report's arena; NULL on ENOMEM. */
GK_EXTERN(void *) gk_report_alloc(gk_report *r, size_t n);
/* Appends a section (strings copied). */
GK_EXTERN(int) gk_report_add_section(gk_report *r, const char *no, const char *title,
                                     const char *text, size_t text_len) GK_WARN_UNUSED;

/* Sets a cell to a value / blank. */
GK_EXTERN(void) gk_cell_set(gk_cell *c, double v);
GK_EXTERN(void) gk_cell_set_blank(gk_cell *c);
/* The value arithmetic uses: v for VALUE, 0 otherwise. */
GK_EXTERN(double) gk_cell_num(const gk_cell *c);
/* True when the cell holds a whole number (or is blank/absent). */
GK_EXTERN(bool) gk_cell_is_whole(const gk_cell *c);
/* Marks tables 2, 3 and 4 present with every cell 0 (a blank form). */
GK_EXTERN(void) gk_report_zero(gk_report *r);

/* ---- Report JSON (spec/report-json.md §1, "gongkai.report/1") ---- */

/* Reads report JSON. Rejects invalid UTF-8, duplicate keys, wrong types and
 * malformed JSON with GK_EINVALID; the message names the line/column or the
 * JSON path of the bad value ("applications.NEW[3]: …"). Caller frees *out. */
GK_EXTERN(int) gk_report_from_json(gk_report **out, const char *data, size_t len) GK_WARN_UNUSED;
/* Appends the report JSON (pretty, UTF-8, stable key order, trailing "\n"). */
GK_EXTERN(int) gk_report_to_json(gk_buf *out, const gk_report *r) GK_WARN_UNUSED;
/* Deep equality of two models (cells by state and value, texts); when not
 * equal and where != NULL, writes a short description of the first difference. */
GK_EXTERN(bool) gk_report_equal(const gk_report *a, const gk_report *b, gk_buf *where);

GK_END_DECL

#endif
