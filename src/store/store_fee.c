/*
 * store_fee.c: fees on cases (国办函〔2020〕109号, spec §4) where the store
 * is needed: the 按件 件 number counted from the register, the amount from
 * fee.h, the payment window of 20 working days from the day after the
 * notice is delivered (spec §4.4), the payment, and the refusal of an
 * abandonment for non-payment (R_OT_NOFEE) before that window has ended.
 * The window is counted provisionally when it reaches a year without
 * holiday data (shown flagged), but the abandonment only strictly.
 */
#include <stdio.h>
#include "util/util.h"
#include "store_int.h"

static const char *const method_keys[] = {"GIVEN", "BY_COUNT", "BY_PAGES"};

const char *gk_store__fee_method_key(int m)
{
    return m >= 0 && m < (int)GK_ARRAY_LEN(method_keys) ? method_keys[m] : NULL;
}

int gk_store__fee_method_from_key(const char *s)
{
    int m;

    for (m = 0; m < (int)GK_ARRAY_LEN(method_keys); m++)
        if (!strcmp(method_keys[m], s))
            return m;
    return -1;
}

void gk_store_set_calendar(gk_store *st, const gk_calendar *cal)
{
    if (st)
        st->cal = cal;
}

static int calendar(gk_store *st, const gk_calendar **out)
{
    int error = 0;

    if (!st->cal && !st->own_cal)
        error = gk_calendar_new_default(&st->own_cal);
    *out = st->cal ? st->cal : st->own_cal;
    return error;
}

/* The payment window of a notice given on notice (spec §4.4: 20 working
 * days from the day after delivery), counted in mode. */
static int pay_due(gk_store *st, gk_date notice, gk_calendar_mode mode, gk_date *due,
                   gk_provisional *prov)
{
    const gk_calendar *cal;
    int error = calendar(st, &cal);

    if (error < 0)
        return error;
    *prov = (gk_provisional)GK_PROVISIONAL_INIT;
    return gk_calendar_add_workdays_mode(due, prov, cal, notice, GK_CASE_FEE_PAY_DAYS, mode);
}

int gk_store_case_fee(gk_store *st, int64_t case_id, gk_case_fee *out, bool *found)
{
    gk_date due;
    int error;

    GK_ASSERT_ARG(st && out && found);
    memset(out, 0, sizeof *out);
    error = st->be->fee_get(st, case_id, out, found);
    if (error < 0 || !*found)
        return error;
    /* Recounted with today's calendar: a window stored as provisional
     * becomes official once the year's holidays are loaded, and is
     * flagged while they are not (calendar.h PROVISIONAL MODE). Beyond the
     * provisional range the stored date stays, flagged. */
    if (pay_due(st, out->notice, GK_CALENDAR_PROVISIONAL, &due, &out->prov) == 0) {
        out->due = due;
        out->provisional = out->prov.on;
    } else {
        gk_error_clear();
        out->provisional = true;
    }
    return 0;
}

/* The amount of a fee notice and the units it was computed from. */
static int fee_amount(gk_store *st, const gk_case *c, const gk_case_event *ev, int64_t *units,
                      int64_t *amount)
{
    int error;

    *units = 0;
    *amount = ev->fee_yuan;
    switch (ev->fee_calc) {
    case GK_CASE_FEE_GIVEN:
        return 0;
    case GK_CASE_FEE_BY_COUNT:
        /* 第四条: the n-th 件 of the same applicant in the calendar month
         * (of the receipt date, spec §4.2) is charged at its bracket. */
        error = st->be->applicant_month_rank(st, c->id, units);
        if (error == 0)
            error = gk_fee_rate(amount, GK_FEE_BY_COUNT, *units);
        break;
    case GK_CASE_FEE_BY_PAGES:
        /* 第五条: the pages of this application, 超额累进. */
        *units = ev->fee_pages;
        error = gk_fee_total(amount, GK_FEE_BY_PAGES, ev->fee_pages);
        break;
    default:
        gk_error_set(GK_ERRCLASS_INVALID, "未知的计费方式 %d", ev->fee_calc);
        return GK_EINVALID;
    }
    if (error < 0)
        return error;
    if (*amount <= 0) {
        gk_error_set(GK_ERRCLASS_INVALID,
                     ev->fee_calc == GK_CASE_FEE_BY_COUNT
                         ? "该申请人本月第 %lld 件，在免费范围内（%s第四条：每月前 10 件免费），不应收费"
                         : "共 %lld 页，在免费范围内（%s第五条：30 页以内免费），不应收费",
                     (long long)*units, GK_FEE_SOURCE);
        return GK_EINVALID;
    }
    if (ev->fee_yuan > 0 && ev->fee_yuan != *amount) {
        gk_error_set(GK_ERRCLASS_INVALID, "收费金额 %lld 元与按%s计算的 %lld 元不符（%s）",
                     (long long)ev->fee_yuan,
                     ev->fee_calc == GK_CASE_FEE_BY_COUNT ? "件" : "量", (long long)*amount,
                     GK_FEE_SOURCE);
        return GK_EINVALID;
    }
    return 0;
}

int gk_store__fee_before(gk_store *st, const gk_case *c, const gk_case_event *ev,
                         gk_case_event *ev_out)
{
    gk_case_fee fee;
    gk_provisional prov;
    bool found = false;
    char due[GK_DATE_BUFSZ];
    int64_t units;
    int error;

    *ev_out = *ev;
    if (ev->kind == GK_CASE_EV_FEE_NOTICE && gk_case_can(c->state, ev->kind))
        return fee_amount(st, c, ev, &units, &ev_out->fee_yuan);
    if (ev->kind != GK_CASE_EV_FEE_LAPSED)
        return 0;
    error = st->be->fee_get(st, c->id, &fee, &found);
    if (error < 0 || !found)
        return error;
    /* Abandonment is a legal consequence (表三（六）2): the window's end is
     * counted on the official calendar only, never provisionally. */
    if (pay_due(st, fee.notice, GK_CALENDAR_STRICT, &fee.due, &prov) < 0) {
        char notice[GK_DATE_BUFSZ];
        gk_error_set(GK_ERRCLASS_STORE,
                     "收费通知（%s 送达）的缴费期限跨入尚未载入节假日安排的年份，"
                     "无法确定 20 个工作日何时届满（%s），不能按逾期未缴费视为放弃："
                     "请先载入新年度的节假日日历（--calendar FILE 或 $GK_CALENDAR，见 docs/calendar.md）",
                     gk_date_format(notice, fee.notice), GK_FEE_SOURCE);
        return GK_ECONFLICT;
    }
    /* 109号 (spec §4.4): pay within 20 working days from the day after the
     * notice is received; only after that is the application 视为放弃. */
    if (gk_date_cmp(ev->date, fee.due) <= 0) {
        gk_error_set(GK_ERRCLASS_STORE,
                     "缴费期限至 %s 才届满（%s：收到收费通知次日起 20 个工作日），此前不能按逾期未缴费视为放弃",
                     gk_date_format(due, fee.due), GK_FEE_SOURCE);
        return GK_ECONFLICT;
    }
    return 0;
}

int gk_store__fee_after(gk_store *st, const gk_case *c, const gk_case_event *ev)
{
    gk_case_fee fee;
    bool found = false;
    int error;

    memset(&fee, 0, sizeof fee);
    if (ev->kind == GK_CASE_EV_FEE_NOTICE) {
        fee.case_id = c->id;
        fee.method = ev->fee_calc;
        error = fee_amount(st, c, ev, &fee.units, &fee.amount);
        /* A notice near year end may have its window reach a year whose
         * holidays are not published yet: the notice is still given (the
         * fee is due either way), its window counted provisionally and
         * flagged on every read (gk_store_case_fee); FEE_LAPSED recounts
         * it strictly. */
        if (error == 0)
            error = pay_due(st, ev->date, GK_CALENDAR_PROVISIONAL, &fee.due, &fee.prov);
        fee.notice = ev->date;
        return error < 0 ? error : st->be->fee_put(st, &fee);
    }
    if (ev->kind != GK_CASE_EV_FEE_PAID)
        return 0;
    error = st->be->fee_get(st, c->id, &fee, &found);
    if (error < 0 || !found)
        return error;
    fee.paid = ev->date;
    return st->be->fee_put(st, &fee);
}
