/*
 * fee.h: 信息处理费 (information-processing fees) under 《政府信息公开信息
 * 处理费管理办法》 (国办函〔2020〕109号), spec §4. Amounts are integer 元.
 *
 * Two methods, both 超额累进 (each unit is charged at the rate of its own
 * bracket); an agency picks one per application, never both (第三条):
 *   - GK_FEE_BY_COUNT, 按件计收 (第四条): the n-th 件 of one applicant in one
 *     calendar month. 1–10 free; 11–30 100 元/件; from 31 on, tiers of 10
 *     件 each 100 元/件 dearer (31–40 200, 41–50 300, …).
 *   - GK_FEE_BY_PAGES, 按量计收 (第五条): the pages of one application.
 *     1–30 free; 31–100 10 元/页; 101–200 20 元/页; from 201 40 元/页.
 * Whether to charge at all is the agency's discretion (条例第四十二条); these
 * functions only compute the amount.
 */
#ifndef GK_FEE_H
#define GK_FEE_H

#include "common.h"

GK_BEGIN_DECL

typedef enum {
    GK_FEE_BY_COUNT = 0, /* 按件计收, unit = 件 in the calendar month */
    GK_FEE_BY_PAGES = 1  /* 按量计收, unit = 页 of one application */
} gk_fee_method;

/* The legal source cited with every fee (and in messages and output). */
#define GK_FEE_SOURCE "国办函〔2020〕109号"

/* *out = the rate in 元 of the unit-th 件 (or page); unit >= 1.
 * GK_EINVALID for unit < 1, GK_ETOOBIG when the rate would overflow. */
GK_EXTERN(int) gk_fee_rate(int64_t *out, gk_fee_method method, int64_t unit) GK_WARN_UNUSED;

/* *out = the total in 元 for units 1..units (units >= 0): the month total of
 * N 件, or the fee of a P-page application. Errors as gk_fee_rate. */
GK_EXTERN(int) gk_fee_total(int64_t *out, gk_fee_method method, int64_t units) GK_WARN_UNUSED;

/* One part of a total: `units` units numbered first..last at `rate` 元. */
typedef struct {
    int64_t first;
    int64_t last;
    int64_t units;
    int64_t rate;
    int64_t amount;      /* units × rate */
    const char *article; /* "第四条" or "第五条" (static) */
} gk_fee_part;

/* Splits gk_fee_total into its parts at one rate each (a free bracket is a
 * part too; each 10-件 tier of 按件计收 is its own part), in order. Writes at
 * most cap parts; GK_ETOOBIG when more are needed. *nparts = parts written. */
GK_EXTERN(int)
gk_fee_breakdown(gk_fee_part *parts, size_t cap, size_t *nparts, gk_fee_method method,
                 int64_t units) GK_WARN_UNUSED;

/* The article of 国办函〔2020〕109号 that sets the method's brackets (static). */
GK_EXTERN(const char *) gk_fee_article(gk_fee_method method);

GK_END_DECL

#endif
