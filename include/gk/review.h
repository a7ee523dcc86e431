/*
 * review.h: the register of 行政复议 and 行政诉讼 cases about the agency's
 * information disclosure (spec §1.5, §3), the source of table 4. Each case
 * has a route (the table-4 group: 行政复议, 未经复议直接起诉, 复议后起诉), the
 * date it was filed, and a result (维持/纠正/其他) with the date it was
 * concluded, or 尚未审结 while pending. Pure model; storage is in store.h.
 */
#ifndef GK_REVIEW_H
#define GK_REVIEW_H

#include "common.h"
#include "buf.h"
#include "calendar.h"
#include "report.h"

GK_BEGIN_DECL

/* Route = the table-4 group (gk_t4_group): X(KEY, label) */
#define GK_REVIEW_ROUTES(X)                                                                        \
    X(REVIEW, "行政复议")                                                                          \
    X(LIT_DIRECT, "行政诉讼（未经复议直接起诉）")                                                  \
    X(LIT_AFTER_REVIEW, "行政诉讼（复议后起诉）")

/* Result = the table-4 column (gk_t4_col, without 总计): X(KEY, label) */
#define GK_REVIEW_RESULTS(X)                                                                       \
    X(UPHELD, "维持")                                                                              \
    X(CORRECTED, "纠正")                                                                           \
    X(OTHER, "其他")                                                                               \
    X(PENDING, "尚未审结")

GK_EXTERN(const char *) gk_review_route_key(int g);   /* "REVIEW"; NULL out of range */
GK_EXTERN(const char *) gk_review_route_label(int g);
GK_EXTERN(int) gk_review_route_from_label(const char *s, size_t n); /* key, label, "复议", "直接起诉", "复议后起诉"; -1 */
GK_EXTERN(const char *) gk_review_result_key(int c);  /* "UPHELD" */
GK_EXTERN(const char *) gk_review_result_label(int c);
GK_EXTERN(int) gk_review_result_from_label(const char *s, size_t n); /* -1 when unknown */

/* One case. Strings borrowed; dates with y == 0 unset. */
typedef struct {
    int64_t id;
    const char *agency;     /* the respondent agency's code */
    const char *case_no;    /* the review body's or court's case number, unique per agency */
    gk_t4_group route;
    gk_date filed;          /* 申请复议 / 起诉 date (required) */
    gk_t4_col result;       /* GK_T4_PENDING while pending */
    gk_date concluded;      /* set iff result != PENDING */
    const char *subject;    /* what was challenged (free text) */
    const char *case_ref;   /* related application tracking number (may be "") */
} gk_review_case;

GK_EXTERN(void) gk_review_case_init(gk_review_case *r);

/* Checks route, result, case_no, filed, and that concluded is set exactly
 * when the result is not 尚未审结 and is not before filed. GK_EINVALID. */
GK_EXTERN(int) gk_review_case_check(const gk_review_case *r) GK_WARN_UNUSED;

/*
 * The table-4 column of r in the report of year (UNVERIFIED reading, spec
 * §1.5: cases concluded in the year by their result, plus cases pending at
 * 12-31 under 尚未审结): the result when concluded in year; GK_T4_PENDING
 * when filed by 12-31 of year and not concluded by then; -1 when the case
 * does not count in that year.
 */
GK_EXTERN(int) gk_review_case_t4_col(const gk_review_case *r, int year);

GK_EXTERN(int) gk_review_case_to_json(gk_buf *b, const gk_review_case *r) GK_WARN_UNUSED;

GK_END_DECL

#endif
