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
    GK_NARR_NKINDS
} gk_narr_kind;

typedef struct {
    double value;              /* the stated count */
    size_t start, end;         /* the quoted sentence: text[start..end) */
    size_t num_start, num_end; /* the number itself */
} gk_narr_stmt;

/* Reads a count at s[0..n): ASCII or full-width digits (with "," between
 * thousands) or Chinese numerals (二十七, 两, 一百零五). Returns the bytes
 * consumed, 0 when s does not start with a number. */
size_t gk_narr_read_number(const char *s, size_t n, double *value);

/* Finds the statements of kind in text[0..len) in text order and stores up
 * to max of them in out. Returns how many were found (may exceed max). */
size_t gk_narr_find(const char *text, size_t len, gk_narr_kind kind, gk_narr_stmt *out, size_t max);

#endif
