/*
 * deadline.c: working-day deadlines with pauses of the clock and their
 * explanation (spec §2.3, §2.4; 条例第三十三条第三款: time spent consulting
 * third parties and other agencies is not counted).
 *
 * gk_calendar_deadline is the fast path (a few binary searches per pause);
 * gk_calendar_explain walks the days one by one to describe them. The unit
 * tests check that both agree.
 */
#include <stdio.h>
#include <stdlib.h>
#include "calendar_int.h"

/* A pause as day numbers, after validation and merging. */
typedef struct {
    int32_t from, to;
    unsigned reasons;
} span;

static int span_cmp(const void *a, const void *b)
{
    const span *x = a, *y = b;

    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return x->to < y->to ? -1 : x->to > y->to;
}

/* Validates pauses, sorts them and merges overlapping or adjacent ones
 * into out (at least npauses entries); *nout = merged count. */
static int merge_pauses(span *out, size_t *nout, const gk_pause *pauses, size_t npauses)
{
    size_t i, m = 0;

    if (npauses > GK_MAX_PAUSES) {
        gk_error_set(GK_ERRCLASS_CALENDAR, "more than %d pauses", GK_MAX_PAUSES);
        return GK_EINVALID;
    }
    for (i = 0; i < npauses; i++) {
        const gk_pause *p = &pauses[i];
        if (!gk_date_valid(p->from) || !gk_date_valid(p->to) ||
            gk_date_cmp(p->from, p->to) > 0 || (unsigned)p->reason > GK_PAUSE_OTHER) {
            gk_error_set(GK_ERRCLASS_CALENDAR,
                         "pause %zu: needs valid dates with from <= to and a known reason",
                         i + 1);
            return GK_EINVALID;
        }
        out[i].from = gk_date_to_days(p->from);
        out[i].to = gk_date_to_days(p->to);
        out[i].reasons = 1u << p->reason;
    }
    qsort(out, npauses, sizeof *out, span_cmp);
    for (i = 0; i < npauses; i++) {
        if (m && out[i].from <= out[m - 1].to + 1) {
            if (out[i].to > out[m - 1].to)
                out[m - 1].to = out[i].to;
            out[m - 1].reasons |= out[i].reasons;
        } else {
            out[m++] = out[i];
        }
    }
    *nout = m;
    return 0;
}

int gk_calendar_deadline_mode(gk_date *out, gk_provisional *prov_out, const gk_calendar *cal,
                              gk_date start, int64_t n, const gk_pause *pauses, size_t npauses,
                              gk_calendar_mode mode)
{
    span sp[GK_MAX_PAUSES];
    size_t m = 0, i;
    gk_date cur = start, cand, res;
    gk_provisional scratch;
    int64_t rem = n, used;
    int error;

    GK_ASSERT_ARG(out && cal && (pauses || !npauses) &&
                  (prov_out || mode == GK_CALENDAR_STRICT));
    if (prov_out) {
        gk_provisional none = GK_PROVISIONAL_INIT;
        *prov_out = none;
    }
    if (n < 0) {
        gk_error_set(GK_ERRCLASS_CALENDAR, "a deadline needs n >= 0 working days");
        return GK_EINVALID;
    }
    error = merge_pauses(sp, &m, pauses, npauses);
    if (error < 0)
        return error;
    /* Invariant: rem working days remain to be counted after cur, and no
     * pause before sp[i] touches a day after cur. */
    for (i = 0; i < m && rem > 0; i++) {
        if (sp[i].to <= gk_date_to_days(cur))
            continue;
        error = gk_calendar_add_workdays_mode(&cand, &scratch, cal, cur, rem, mode);
        if (error < 0)
            return error;
        if (gk_date_to_days(cand) < sp[i].from)
            break; /* done before this (and every later) pause starts */
        used = 0;
        if (sp[i].from - 1 > gk_date_to_days(cur)) {
            error = gk_calendar_workdays_between_mode(&used, &scratch, cal, cur,
                                                      gk_date_from_days(sp[i].from - 1), mode);
            if (error < 0)
                return error;
        }
        /* used < rem: the rem-th working day after cur is on or after
         * sp[i].from. The paused days count nothing; resume after them. */
        rem -= used;
        cur = gk_date_from_days(sp[i].to);
    }
    error = gk_calendar_add_workdays_mode(&res, &scratch, cal, cur, rem, mode);
    if (error < 0)
        return error;
    /* Provisional when any year from start to the result has no data:
     * the pauses in between lie in that range too. */
    if (prov_out)
        gk_calendar_provisional_span(prov_out, cal, start, res);
    *out = res;
    return 0;
}

int gk_calendar_deadline(gk_date *out, const gk_calendar *cal, gk_date start, int64_t n,
                         const gk_pause *pauses, size_t npauses)
{
    return gk_calendar_deadline_mode(out, NULL, cal, start, n, pauses, npauses,
                                     GK_CALENDAR_STRICT);
}

/* ------------------------------------------------------------ explain */

#define EXPLAIN_MAX_N 3660

static int push_step(gk_deadline_explain *ex, const gk_deadline_step *st)
{
    gk_deadline_step *p = gk_realloc(ex->steps, (ex->nsteps + 1) * sizeof *p);

    if (!p)
        return gk__oom();
    ex->steps = p;
    ex->steps[ex->nsteps++] = *st;
    return 0;
}

/* The open run of rest days outside pauses, closed into a HOLIDAY step
 * when it contains a holiday row. */
typedef struct {
    int32_t from, to; /* day indices; from < 0 when no run is open */
    bool holiday;
    int32_t holiday_at;
} rest_run;

static int close_run(gk_deadline_explain *ex, const gk_calendar *cal, rest_run *run, int counted)
{
    gk_deadline_step st;
    int error = 0;

    if (run->from >= 0 && run->holiday) {
        memset(&st, 0, sizeof st);
        st.kind = GK_STEP_HOLIDAY;
        st.from = gk_calendar__date(cal, run->from);
        st.to = gk_calendar__date(cal, run->to);
        st.days = (int)(run->to - run->from + 1);
        st.counted = counted;
        st.name = gk_calendar_day_name(cal, gk_calendar__date(cal, run->holiday_at));
        error = push_step(ex, &st);
    }
    run->from = -1;
    run->holiday = false;
    return error;
}

/* Handles one day inside merged pause sp (index pi): extends or opens its
 * PAUSE step. */
static int pause_day(gk_deadline_explain *ex, const gk_calendar *cal, const span *sp,
                     int32_t idx, int counted, size_t *open_step)
{
    gk_deadline_step st;
    bool working = gk_calendar__working(cal, idx);
    int error;

    if (*open_step == SIZE_MAX) {
        memset(&st, 0, sizeof st);
        st.kind = GK_STEP_PAUSE;
        st.from = gk_calendar__date(cal, idx);
        st.reasons = sp->reasons;
        error = push_step(ex, &st);
        if (error < 0)
            return error;
        *open_step = ex->nsteps - 1;
    }
    ex->steps[*open_step].to = gk_calendar__date(cal, idx);
    ex->steps[*open_step].counted = counted;
    if (working) {
        ex->steps[*open_step].days++;
        ex->paused_workdays++;
    }
    return 0;
}

/* Walks the days after start until n are counted; under mode, a day of
 * a year without data is a plain Monday–Friday day. */
static int walk(gk_deadline_explain *ex, const gk_calendar *cal, gk_date start, int n,
                const span *sp, size_t m, gk_calendar_mode mode)
{
    gk_deadline_step st;
    rest_run run = {-1, -1, false, -1};
    size_t pi = 0, open_pause = SIZE_MAX;
    int32_t idx, day = gk_date_to_days(start);
    int counted = 0, error;

    while (counted < n) {
        day++;
        error = gk_calendar__index_mode(&idx, cal, gk_date_from_days(day), mode);
        if (error < 0)
            return error;
        while (pi < m && sp[pi].to < day) {
            pi++;
            open_pause = SIZE_MAX;
        }
        if (pi < m && sp[pi].from <= day) {
            error = close_run(ex, cal, &run, counted);
            if (error < 0)
                return error;
            error = pause_day(ex, cal, &sp[pi], idx, counted, &open_pause);
            if (error < 0)
                return error;
            continue;
        }
        if (!gk_calendar__working(cal, idx)) {
            if (cal->kind[idx] == GK_DAY_HOLIDAY) {
                ex->holiday_days++;
                if (!run.holiday)
                    run.holiday_at = idx;
                run.holiday = true;
            } else {
                ex->weekend_days++;
            }
            if (run.from < 0)
                run.from = idx;
            run.to = idx;
            continue;
        }
        error = close_run(ex, cal, &run, counted);
        if (error < 0)
            return error;
        counted++;
        if (cal->kind[idx] == GK_DAY_MAKEUP) {
            memset(&st, 0, sizeof st);
            st.kind = GK_STEP_MAKEUP;
            st.from = st.to = gk_calendar__date(cal, idx);
            st.days = 1;
            st.counted = counted;
            st.name = gk_calendar_day_name(cal, st.from);
            ex->makeup_days++;
            error = push_step(ex, &st);
            if (error < 0)
                return error;
        }
    }
    ex->deadline = gk_date_from_days(day);
    ex->calendar_days = (int)(day - gk_date_to_days(start));
    return 0;
}

/* Drops PAUSE steps that covered no working day: they pushed nothing. */
static void drop_empty_pauses(gk_deadline_explain *ex)
{
    size_t i, k = 0;

    for (i = 0; i < ex->nsteps; i++)
        if (!(ex->steps[i].kind == GK_STEP_PAUSE && ex->steps[i].days == 0))
            ex->steps[k++] = ex->steps[i];
    ex->nsteps = k;
}

int gk_calendar_explain_mode(gk_deadline_explain *out, const gk_calendar *cal, gk_date start,
                             int n, const gk_pause *pauses, size_t npauses, gk_calendar_mode mode)
{
    gk_deadline_explain ex = GK_DEADLINE_EXPLAIN_INIT;
    gk_deadline_step st;
    span sp[GK_MAX_PAUSES];
    size_t m = 0;
    int32_t idx;
    int error;

    GK_ASSERT_ARG(out && cal && (pauses || !npauses));
    *out = ex;
    if (n < 0 || n > EXPLAIN_MAX_N) {
        gk_error_set(GK_ERRCLASS_CALENDAR, "explain needs 0 <= n <= %d working days",
                     EXPLAIN_MAX_N);
        return GK_EINVALID;
    }
    error = merge_pauses(sp, &m, pauses, npauses);
    if (error < 0)
        goto done;
    error = gk_calendar__index_mode(&idx, cal, start, mode);
    if (error < 0)
        goto done;
    ex.n = n;
    memset(&st, 0, sizeof st);
    st.kind = GK_STEP_START;
    st.from = st.to = start;
    error = push_step(&ex, &st);
    if (error < 0)
        goto done;
    ex.deadline = start;
    error = walk(&ex, cal, start, n, sp, m, mode);
    if (error < 0)
        goto done;
    /* Strict mode has refused any year without data by now, so this is
     * off unless mode is provisional and such a day was walked. */
    gk_calendar_provisional_span(&ex.provisional, cal, start, ex.deadline);
    drop_empty_pauses(&ex);
    memset(&st, 0, sizeof st);
    st.kind = GK_STEP_DEADLINE;
    st.from = st.to = ex.deadline;
    st.counted = n;
    error = push_step(&ex, &st);
    if (error < 0)
        goto done;
    *out = ex;
    ex.steps = NULL;
done:
    gk_deadline_explain_release(&ex);
    return error;
}

int gk_calendar_explain(gk_deadline_explain *out, const gk_calendar *cal, gk_date start, int n,
                        const gk_pause *pauses, size_t npauses)
{
    return gk_calendar_explain_mode(out, cal, start, n, pauses, npauses, GK_CALENDAR_STRICT);
}

void gk_deadline_explain_release(gk_deadline_explain *ex)
{
    gk_deadline_explain empty = GK_DEADLINE_EXPLAIN_INIT;

    if (!ex)
        return;
    gk_free(ex->steps);
    *ex = empty;
}

/* ------------------------------------------------------------- format */

static const char *const weekday_zh[8] = {"", "星期一", "星期二", "星期三", "星期四",
                                          "星期五", "星期六", "星期日"};

/* Chinese labels of gk_pause_reason (bit i of reasons). */
static const char *const pause_zh[] = {
    "征求第三方意见",     /* 第三十二条 */
    "征求其他机关意见",   /* 第三十四条 */
    "收费通知至缴费",     /* 国办函〔2020〕109号 */
    "其他暂停",
};

static int put_reasons(gk_buf *b, unsigned reasons)
{
    size_t i;
    bool first = true;
    int error = 0;

    for (i = 0; i < GK_ARRAY_LEN(pause_zh) && error >= 0; i++) {
        if (!(reasons & (1u << i)))
            continue;
        error = gk_buf_printf(b, "%s%s", first ? "" : "、", pause_zh[i]);
        first = false;
    }
    return error;
}

static int format_step(gk_buf *b, const gk_deadline_step *st)
{
    char f[GK_DATE_BUFSZ], t[GK_DATE_BUFSZ];
    int error;

    gk_date_format(f, st->from);
    gk_date_format(t, st->to);
    switch (st->kind) {
    case GK_STEP_START:
        return gk_buf_printf(b, "起算日 %s（%s），当日不计入\n", f,
                             weekday_zh[gk_date_weekday(st->from)]);
    case GK_STEP_HOLIDAY:
        return gk_buf_printf(b, "%s 至 %s 休息 %d 天（%s），不计入\n", f, t, st->days,
                             st->name ? st->name : "节假日");
    case GK_STEP_MAKEUP:
        return gk_buf_printf(b, "%s（%s）调休上班（%s），计为第 %d 个工作日\n", f,
                             weekday_zh[gk_date_weekday(st->from)], st->name ? st->name : "",
                             st->counted);
    case GK_STEP_PAUSE:
        error = gk_buf_printf(b, "%s 至 %s 暂停计算（", f, t);
        if (error >= 0)
            error = put_reasons(b, st->reasons);
        if (error >= 0)
            error = gk_buf_printf(b, "），其间 %d 个工作日不计入\n", st->days);
        return error;
    case GK_STEP_DEADLINE:
        return gk_buf_printf(b, "期限届满日 %s（%s），第 %d 个工作日\n", f,
                             weekday_zh[gk_date_weekday(st->from)], st->counted);
    }
    GK_BUG("unknown step kind %d", (int)st->kind);
}

int gk_deadline_explain_format(gk_buf *b, const gk_deadline_explain *ex)
{
    size_t i;
    int error = 0;

    GK_ASSERT_ARG(b && ex);
    if (ex->provisional.on) {
        error = gk_buf_puts(b, "暂定：");
        if (error >= 0)
            error = gk_calendar_provisional_note(b, &ex->provisional);
        if (error >= 0)
            error = gk_buf_puts(b, "\n");
    }
    for (i = 0; i < ex->nsteps && error >= 0; i++)
        error = format_step(b, &ex->steps[i]);
    if (error >= 0)
        error = gk_buf_printf(b,
                              "共 %d 个自然日：周末 %d 天、节假日 %d 天不计入，调休上班 %d 天计入，"
                              "暂停期间 %d 个工作日不计入\n",
                              ex->calendar_days, ex->weekend_days, ex->holiday_days,
                              ex->makeup_days, ex->paused_workdays);
    return error;
}
