/*
 * store_catalogue.c: the proactive catalogue through the store (issue 4
 * item 4): adding and changing items with their 索引号 (spec §6.3, never
 * renumbered), the year lock, the audit trail, and the 第二十六条
 * timeliness of an agency's year.
 */
#include <stdio.h>
#include "util/util.h"
#include "store_int.h"
#include "search_int.h"

/* The years whose reports an item's dates touch: 成文, 发布, 实施 and
 * 失效/废止 feed table 2; 形成 is the item's own year. */
static size_t item_years(int *years, const gk_catalogue_item *it)
{
    const gk_date d[] = {it->written, it->formed, it->published, it->effective_from,
                         it->invalid_from};
    size_t i, n = 0;

    for (i = 0; i < GK_ARRAY_LEN(d); i++)
        if (gk_date_valid(d[i]))
            years[n++] = d[i].y;
    return n;
}

/* The 索引号 of a new item: the given one validated, or the next serial of
 * the prefix and year (one more than the highest ever given, so a number
 * is never handed out twice even if items are abolished). */
static int number_item(gk_store *st, gk_catalogue_item *it, char out[GK_INDEX_NO_BUFSZ],
                       gk_index_no_parts *idx)
{
    const char *prefix = it->index_prefix && *it->index_prefix ? it->index_prefix : it->agency;
    int64_t max = 0;
    int error;

    if (it->index_no && *it->index_no) {
        error = gk_index_no_parse(idx, it->index_no);
        if (error == 0 && it->index_no != out) /* out may be the caller's own number */
            snprintf(out, GK_INDEX_NO_BUFSZ, "%s", it->index_no);
        return error;
    }
    if (!gk_index_prefix_valid(prefix)) {
        gk_error_set(GK_ERRCLASS_INVALID,
                     "机关代码 '%s' 不能作索引号前段码：请给出 9 位组织机构代码或 18 位统一社会信用代码（--prefix）",
                     prefix);
        return GK_EINVALID;
    }
    error = st->be->item_max_serial(st, prefix, gk_catalogue_item_year(it), &max);
    if (error == 0)
        error = gk_index_no_format(out, GK_INDEX_NO_BUFSZ, prefix, gk_catalogue_item_year(it),
                                   (int)(max + 1 > 99999 ? 100000 : max + 1));
    if (error == 0)
        error = gk_index_no_parse(idx, out);
    return error;
}

int gk_store_item_add(gk_store *st, gk_catalogue_item *it, char index_no_out[GK_INDEX_NO_BUFSZ])
{
    const char *given_agency, *given_no;
    gk_index_no_parts idx;
    gk_buf js = GK_BUF_INIT;
    char *owned = NULL;
    int years[8];
    int corr = 0, error;

    GK_ASSERT_ARG(st && it && index_no_out);
    given_agency = it->agency;
    given_no = it->index_no;
    error = gk_catalogue_item_check(it);
    if (error < 0)
        return error;
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    it->agency = gk_store__agency_or_default(st, it->agency, &owned, &error);
    if (error < 0)
        goto done;
    error = gk_store__lock_check(st, it->agency, years, item_years(years, it), &corr);
    if (error == 0)
        error = number_item(st, it, index_no_out, &idx);
    if (error < 0)
        goto done;
    it->index_no = index_no_out;
    error = st->be->item_insert(st, it, &idx);
    if (error == GK_EEXISTS)
        gk_error_set(GK_ERRCLASS_STORE, "索引号 '%s' 已被使用（索引号不重复、不重编）", index_no_out);
    if (error == 0)
        error = gk_catalogue_item_to_json(&js, it);
    if (error == 0)
        error = gk_store__audit_change(st, corr, it->agency, "item", it->id, "create", "",
                                       gk_buf_cstr(&js));
    if (error == 0)
        error = gk_store_tx_commit(st);
done:
    if (error < 0) {
        gk_store_tx_rollback(st);
        it->index_no = given_no;
    }
    it->agency = given_agency;
    gk_free(owned);
    gk_buf_release(&js);
    return error;
}

/* The stored item before an update: its image and what may not change. */
typedef struct {
    bool found;
    gk_buf before;
    char index_no[GK_INDEX_NO_BUFSZ];
    char agency[72];
    gk_date dates[5];
    int year;
} old_item;

static int keep_old(const gk_catalogue_item *it, void *payload)
{
    old_item *o = payload;

    o->found = true;
    snprintf(o->index_no, sizeof o->index_no, "%s", it->index_no);
    snprintf(o->agency, sizeof o->agency, "%s", it->agency);
    o->dates[0] = it->written;
    o->dates[1] = it->formed;
    o->dates[2] = it->published;
    o->dates[3] = it->effective_from;
    o->dates[4] = it->invalid_from;
    o->year = gk_catalogue_item_year(it);
    return gk_catalogue_item_to_json(&o->before, it);
}

/* Years of the dates that change (old and new value); the item's year
 * when none does (a change of title or summary is still "of that year"). */
static size_t changed_years(int *years, const old_item *o, const gk_catalogue_item *it)
{
    const gk_date d[] = {it->written, it->formed, it->published, it->effective_from,
                         it->invalid_from};
    size_t i, n = 0;

    for (i = 0; i < GK_ARRAY_LEN(d); i++) {
        if (gk_date_cmp(d[i], o->dates[i]) == 0 && gk_date_valid(d[i]) == gk_date_valid(o->dates[i]))
            continue;
        years[n++] = gk_date_valid(d[i]) ? d[i].y : 0;
        years[n++] = gk_date_valid(o->dates[i]) ? o->dates[i].y : 0;
    }
    if (n == 0)
        years[n++] = o->year;
    return n;
}

int gk_store_item_update(gk_store *st, const gk_catalogue_item *it)
{
    gk_item_query q = GK_ITEM_QUERY_INIT;
    old_item o;
    gk_catalogue_item n = *it;
    gk_buf after = GK_BUF_INIT;
    int years[12];
    int corr = 0, error;

    GK_ASSERT_ARG(st && it);
    memset(&o, 0, sizeof o);
    gk_buf_init(&o.before, GK_BUF_DEFAULT_MAX);
    error = gk_catalogue_item_check(it);
    if (error < 0)
        return error;
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    q.id = it->id;
    error = st->be->item_foreach(st, &q, keep_old, &o);
    if (error == 0 && !o.found) {
        gk_error_set(GK_ERRCLASS_STORE, "没有编号为 %lld 的目录信息", (long long)it->id);
        error = GK_ENOTFOUND;
    }
    if (error < 0)
        goto done;
    if ((it->index_no && *it->index_no && strcmp(it->index_no, o.index_no) != 0) ||
        (it->agency && *it->agency && strcmp(it->agency, o.agency) != 0)) {
        gk_error_set(GK_ERRCLASS_STORE, "索引号 %s 和发布机构不能更改（索引号永久不变）", o.index_no);
        error = GK_ECONFLICT;
        goto done;
    }
    n.index_no = o.index_no;
    n.agency = o.agency;
    error = gk_store__lock_check(st, n.agency, years, changed_years(years, &o, &n), &corr);
    if (error == 0)
        error = st->be->item_update(st, &n);
    if (error == 0)
        error = gk_catalogue_item_to_json(&after, &n);
    if (error == 0)
        error = gk_store__audit_change(st, corr, n.agency, "item", n.id, "update",
                                       gk_buf_cstr(&o.before), gk_buf_cstr(&after));
    if (error == 0)
        error = gk_store_tx_commit(st);
done:
    if (error < 0)
        gk_store_tx_rollback(st);
    gk_buf_release(&o.before);
    gk_buf_release(&after);
    return error;
}

typedef struct {
    int year;
    gk_item_cb cb;
    void *payload;
} year_filter;

static int in_year(const gk_catalogue_item *it, void *payload)
{
    year_filter *f = payload;

    return it->formed.y == f->year ? f->cb(it, f->payload) : 0;
}

int gk_store_item_foreach(gk_store *st, const gk_item_query *q, gk_item_cb cb, void *payload)
{
    static const gk_item_query all = GK_ITEM_QUERY_INIT;
    year_filter f;

    GK_ASSERT_ARG(st && cb);
    if (!q)
        q = &all;
    if (!q->formed_year)
        return st->be->item_foreach(st, q, cb, payload);
    f.year = q->formed_year;
    f.cb = cb;
    f.payload = payload;
    return st->be->item_foreach(st, q, in_year, &f);
}

int gk_store_item_count(gk_store *st, const gk_item_query *q, int64_t counts[GK_ART20_SLOTS])
{
    GK_ASSERT_ARG(st && q && counts);
    memset(counts, 0, GK_ART20_SLOTS * sizeof *counts);
    if (q->formed_year) {
        gk_error_set(GK_ERRCLASS_STORE, "item_count: formed_year is not supported");
        return GK_EINVALID;
    }
    return st->be->item_count(st, q, counts);
}

size_t gk_store__code_points(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

typedef struct {
    const gk_calendar *cal;
    gk_date as_of;
    gk_timeliness_stats *s;
} timeliness_ctx;

static int count_timeliness(const gk_catalogue_item *it, void *payload)
{
    timeliness_ctx *t = payload;
    gk_timeliness k;
    int error = gk_catalogue_timeliness(NULL, &k, it, t->cal, t->as_of);

    if (error < 0)
        return error;
    t->s->items++;
    t->s->on_time += k == GK_TIMELY_ON_TIME;
    t->s->late += k == GK_TIMELY_LATE;
    t->s->overdue += k == GK_TIMELY_OVERDUE;
    t->s->pending += k == GK_TIMELY_PENDING;
    return 0;
}

int gk_store_item_timeliness(gk_store *st, const char *agency, int year, const gk_calendar *cal,
                             gk_date as_of, gk_timeliness_stats *out)
{
    gk_item_query q = GK_ITEM_QUERY_INIT;
    timeliness_ctx t;
    int64_t decided;
    int error;

    GK_ASSERT_ARG(st && cal && out);
    memset(out, 0, sizeof *out);
    q.agency = agency && *agency ? agency : NULL;
    q.formed_year = year;
    t.cal = cal;
    t.as_of = as_of;
    t.s = out;
    error = gk_store_item_foreach(st, &q, count_timeliness, &t);
    if (error < 0)
        return error;
    /* 及时率: items published within the 第二十六条 period among those
     * whose period has been decided (published, or overdue). */
    decided = out->on_time + out->late + out->overdue;
    out->rate = decided ? (double)out->on_time / (double)decided : 1.0;
    return 0;
}
