/*
 * narrative.h: finding the counts that a report's text states (spec §1.2:
 * sections 一 to 六 are free text) so the NARR.* rules can compare them with
 * tables 3 and 4 (issue 3, "Narrative checks").
 *
 * The reader is deliberately conservative: it takes a count only from a
 * clause that names the thing counted (a trigger such as 收到/受理 plus 申请,
 * or 行政复议) followed closely by "N件" in the same clause, and skips
 * clauses about changes (同比增长27件) or mixed subjects (行政复议、行政诉讼
 * 共3件). A false warning on a correct report costs more than a missed one.
 */
#ifndef GK_CORE_NARRATIVE_H
#define GK_CORE_NARRATIVE_H

#include "util/util.h"

typedef enum {
    GK_NARR_RECEIVED = 0, /* applications received: 收到/受理/新收/接收 … 申请 N件 */
    GK_NARR_REVIEW,       /* 行政复议 … N件/起 */
    GK_NARR_LITIGATION,   /* 行政诉讼 … N件/起 */
    /* The result categories of table 3, 三、本年度办理结果 (一) to (六).
     * Taken only from a breakdown: a sentence that states at least two
     * different categories ("予以公开1件，不予公开2件"), so that a reason
     * on its own ("因涉及国家秘密不予公开1件", one row of a group) is not
     * read as the group's count. */
    GK_NARR_R_GRANT,   /* 予以公开/同意公开 N件: (一) */
    GK_NARR_R_PARTIAL, /* 部分公开/区分处理(后公开) N件: (二) */
    GK_NARR_R_DENY,    /* 不予公开 N件: (三) 1-8 */
    GK_NARR_R_UNABLE,  /* 无法提供 N件: (四) 1-3 */
    GK_NARR_R_NOPROC,  /* 不予处理 N件: (五) 1-5 */
    GK_NARR_R_OTHER,   /* 其他处理 N件: (六) */
    GK_NARR_CARRIED, /* carried over: 结转下年度N件, 1件结转下年度, 另有N件顺延到下年度 */
    GK_NARR_ALL_DONE, /* a claim without a number: 所有申请均已办结 (value 0 carried over) */
    GK_NARR_NKINDS
} gk_narr_kind;

#define GK_NARR_FIRST_RESULT GK_NARR_R_GRANT
#define GK_NARR_LAST_RESULT  GK_NARR_R_OTHER
#define GK_NARR_BIT(k)       (1u << (unsigned)(k))
#define GK_NARR_RESULTS                                                                            \
    (GK_NARR_BIT(GK_NARR_R_GRANT) | GK_NARR_BIT(GK_NARR_R_PARTIAL) | GK_NARR_BIT(GK_NARR_R_DENY) | \
     GK_NARR_BIT(GK_NARR_R_UNABLE) | GK_NARR_BIT(GK_NARR_R_NOPROC) | GK_NARR_BIT(GK_NARR_R_OTHER))

typedef struct {
    gk_narr_kind kind;
    double value;              /* the stated count (0 for GK_NARR_ALL_DONE) */
    size_t start, end;         /* the quoted sentence: text[start..end) */
    size_t num_start, num_end; /* the number itself (the claim's verb for ALL_DONE) */
} gk_narr_stmt;

/* Reads a count at s[0..n): ASCII or full-width digits (with "," between
 * thousands) or Chinese numerals (二十七, 两, 一百零五). Returns the bytes
 * consumed, 0 when s does not start with a number. */
size_t gk_narr_read_number(const char *s, size_t n, double *value);

/* Finds the statements of the kinds in the mask kinds (GK_NARR_BIT) in
 * text[0..len) in one pass, in text order, and stores up to max of them in
 * out. Returns how many were found (may exceed max). */
size_t gk_narr_find_kinds(const char *text, size_t len, unsigned kinds, gk_narr_stmt *out,
                          size_t max);

/* The statements of one kind (gk_narr_find_kinds with one bit). */
size_t gk_narr_find(const char *text, size_t len, gk_narr_kind kind, gk_narr_stmt *out, size_t max);

#endif
