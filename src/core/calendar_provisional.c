/*
 * calendar_provisional.c: what a provisional count says about itself
 * (calendar.h PROVISIONAL MODE): which years had no data and the sentence
 * every display shows with such a date (spec §5: an unknown year is never
 * silently "no holidays").
 */
#include "calendar_int.h"

/* The sentence, by whether the years lie after the calendar's data (the
 * notice is not out yet, or not loaded) or before/between its years. */
static const char *const note_tail[] = {
    "年节假日安排未收入节假日日历，按周一至周五推算，仅供参考", /* before or in a gap */
    "年节假日安排尚未发布，按周一至周五推算，仅供参考",         /* after the last year */
};

void gk_calendar_provisional_span(gk_provisional *out, const gk_calendar *cal, gk_date d1,
                                  gk_date d2)
{
    gk_provisional none = GK_PROVISIONAL_INIT;
    int y, y0 = d1.y < d2.y ? d1.y : d2.y, y1 = d1.y < d2.y ? d2.y : d1.y;

    *out = none;
    for (y = y0; y <= y1; y++) {
        if (gk_calendar_covers(cal, y))
            continue;
        if (!out->on)
            out->from_year = y;
        out->on = true;
        out->to_year = y;
    }
    out->unpublished = out->on && out->from_year > cal->last_year;
}

void gk_calendar_provisional_merge(gk_provisional *into, const gk_provisional *p)
{
    if (!p->on)
        return;
    if (!into->on) {
        *into = *p;
        return;
    }
    if (p->from_year < into->from_year)
        into->from_year = p->from_year;
    if (p->to_year > into->to_year)
        into->to_year = p->to_year;
    /* Both ranges after the last covered year: so is their union. */
    into->unpublished = into->unpublished && p->unpublished;
}

int gk_calendar_provisional_note(gk_buf *b, const gk_provisional *p)
{
    GK_ASSERT_ARG(b && p);
    if (!p->on)
        return 0;
    if (p->from_year == p->to_year)
        return gk_buf_printf(b, "%d%s", p->from_year, note_tail[p->unpublished]);
    return gk_buf_printf(b, "%d至%d%s", p->from_year, p->to_year, note_tail[p->unpublished]);
}
