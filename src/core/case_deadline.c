/*
 * case_deadline.c: the answer deadline of an application (spec §2.3),
 * computed and explained with the calendar (calendar.h). The law is in
 * which start, length and pauses are handed to the calendar:
 *   - start: the receipt date (第三十一条), or the day the corrected
 *     application was received (第三十条);
 *   - length: 20 working days (第三十三条第二款) plus the one approved
 *     extension of at most 20 working days;
 *   - pauses: consultation of third parties and other agencies is not
 *     counted (第三十三条第三款), nor the fee-notice period (109号, spec
 *     §4.4); a pause still open runs up to the as-of day;
 *   - a 第三十五条 "reasonable later deadline" replaces the result.
 * Whether a year without holiday data is refused or counted Monday–Friday
 * (and flagged) is the caller's choice of gk_calendar_mode.
 */
#include <stdio.h>
#include "util/util.h"
#include "gk/case.h"

static void pauses_as_of(gk_pause *out, const gk_case *c, gk_date as_of)
{
    size_t i;

    for (i = 0; i < c->npauses; i++) {
        out[i] = c->pauses[i];
        if (c->pause_open && i + 1 == c->npauses && gk_date_cmp(as_of, out[i].from) > 0)
            out[i].to = as_of;
    }
}

int gk_case_deadline_mode(gk_deadline_explain *out, bool *deferred_out, const gk_case *c,
                          const gk_calendar *cal, gk_date as_of, gk_calendar_mode mode)
{
    gk_pause pauses[GK_CASE_MAX_PAUSES];

    GK_ASSERT_ARG(out && c && cal);
    if (deferred_out)
        *deferred_out = gk_date_valid(c->deferred_to);
    pauses_as_of(pauses, c, as_of);
    return gk_calendar_explain_mode(out, cal, c->clock_start, GK_CASE_REPLY_DAYS + c->ext_days,
                                    pauses, c->npauses, mode);
}

int gk_case_deadline(gk_deadline_explain *out, bool *deferred_out, const gk_case *c,
                     const gk_calendar *cal, gk_date as_of)
{
    return gk_case_deadline_mode(out, deferred_out, c, cal, as_of, GK_CALENDAR_STRICT);
}

int gk_case_correction_due_mode(gk_date *out, gk_provisional *prov_out, const gk_case *c,
                                const gk_calendar *cal, gk_calendar_mode mode)
{
    GK_ASSERT_ARG(out && c && cal);
    /* 第三十条: 自收到申请之日起7个工作日内一次性告知. */
    return gk_calendar_add_workdays_mode(out, prov_out, cal, c->received,
                                         GK_CASE_CORRECTION_DAYS, mode);
}

int gk_case_correction_due(gk_date *out, const gk_case *c, const gk_calendar *cal)
{
    return gk_case_correction_due_mode(out, NULL, c, cal, GK_CALENDAR_STRICT);
}

static const char *const pause_labels[] = {
    [GK_PAUSE_THIRD_PARTY] = "征求第三方意见（条例第三十二条、第三十三条第三款）",
    [GK_PAUSE_OTHER_AGENCY] = "征求其他机关意见（条例第三十四条、第三十三条第三款）",
    [GK_PAUSE_FEE_NOTICE] = "收费通知至缴费（国办函〔2020〕109号）",
    [GK_PAUSE_OTHER] = "其他中止",
};

int gk_case_deadline_format_mode(gk_buf *b, const gk_case *c, const gk_calendar *cal,
                                 gk_date as_of, gk_calendar_mode mode)
{
    gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
    char d1[GK_DATE_BUFSZ], d2[GK_DATE_BUFSZ];
    bool deferred = false;
    size_t i;
    int error;

    error = gk_case_deadline_mode(&ex, &deferred, c, cal, as_of, mode);
    if (error < 0)
        goto done;
    if (gk_date_cmp(c->clock_start, c->received) != 0)
        error = gk_buf_printf(b, "起算: %s 收到补正后的申请（条例第三十条，答复期限重新起算；原收到申请之日 %s）\n",
                              gk_date_format(d1, c->clock_start), gk_date_format(d2, c->received));
    else
        error = gk_buf_printf(b, "起算: %s 收到申请（条例第三十一条），当日不计入\n",
                              gk_date_format(d1, c->clock_start));
    if (error == 0)
        error = gk_buf_printf(b, "期限: %d 个工作日（条例第三十三条第二款）", GK_CASE_REPLY_DAYS);
    if (error == 0 && c->ext_days > 0)
        error = gk_buf_printf(b, " + 延长 %d 个工作日（经 %s 批准）", c->ext_days,
                              c->ext_approver ? c->ext_approver : "?");
    if (error == 0)
        error = gk_buf_puts(b, "\n");
    for (i = 0; error == 0 && i < c->npauses; i++) {
        bool open = c->pause_open && i + 1 == c->npauses;
        error = gk_buf_printf(b, "中止: %s 至 %s %s，不计入期限（条例第三十三条第三款）\n",
                              gk_date_format(d1, c->pauses[i].from),
                              open ? "今（未结束）" : gk_date_format(d2, c->pauses[i].to),
                              pause_labels[c->pauses[i].reason]);
    }
    if (error == 0)
        error = gk_deadline_explain_format(b, &ex);
    if (error == 0 && deferred)
        error = gk_buf_printf(b, "延迟答复: 依条例第三十五条确定的合理期限为 %s，取代上述期限\n",
                              gk_date_format(d1, c->deferred_to));
done:
    gk_deadline_explain_release(&ex);
    return error;
}

int gk_case_deadline_format(gk_buf *b, const gk_case *c, const gk_calendar *cal, gk_date as_of)
{
    return gk_case_deadline_format_mode(b, c, cal, as_of, GK_CALENDAR_STRICT);
}
