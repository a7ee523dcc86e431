/*
 * pg_catalogue.c: catalogue items in the PostgreSQL backend, paged and
 * counted by the server. The title search of 3+ characters is ILIKE
 * '%text%' with the user's %, _ and \ escaped, answered by the pg_trgm GIN
 * index of migration 5 when the server has the extension and its locale
 * sees CJK characters (docs/stack.md T2), else by a scan; 1-2 characters
 * have no trigram and scan a bounded window of the newest items.
 */
#ifdef GK_WITH_PG

#include <stdio.h>
#include "util/util.h"
#include "pg_int.h"

/* title … due_basis, shared by insert ($6…) and update ($2…). */
static void add_item_body(gk_pg_params *p, const gk_catalogue_item *it)
{
    gk_pg_text(p, it->title);
    gk_pg_text(p, it->summary ? it->summary : "");
    gk_pg_text(p, it->category ? it->category : "");
    gk_pg_text(p, it->topic ? it->topic : "");
    gk_pg_text(p, it->doc_no ? it->doc_no : "");
    gk_pg_text(p, it->keywords ? it->keywords : "");
    gk_pg_text(p, gk_doc_kind_key(it->doc_kind));
    gk_pg_i64(p, it->art20_item);
    gk_pg_date(p, it->written);
    gk_pg_date(p, it->formed);
    gk_pg_date(p, it->published);
    gk_pg_date(p, it->effective_from);
    gk_pg_text(p, gk_validity_key(it->validity));
    gk_pg_date(p, it->invalid_from);
    gk_pg_i64(p, it->due_days);
    gk_pg_text(p, it->due_basis ? it->due_basis : "");
}

int gk_pg_item_insert(gk_store *st, gk_catalogue_item *it, const gk_index_no_parts *idx)
{
    gk_pg_store *s = gk_pg_downcast(st, "item_insert");
    gk_pg_params p = {0};
    int64_t agency = 0;
    PGresult *res;
    int error;

    error = gk_pg_agency_id(s, it->agency, &agency);
    if (error < 0)
        return error;
    gk_pg_i64(&p, agency);
    gk_pg_text(&p, it->index_no);
    gk_pg_text(&p, idx->prefix);
    gk_pg_i64(&p, idx->year);
    gk_pg_i64(&p, idx->serial);
    add_item_body(&p, it);
    error = gk_pg_run(&res, s, STMT_ITEM_INSERT, &p, "item");
    if (error < 0)
        return error;
    it->id = gk_pg_col_i64(res, 0, 0);
    PQclear(res);
    return 0;
}

int gk_pg_item_update(gk_store *st, const gk_catalogue_item *it)
{
    gk_pg_params p = {0};

    gk_pg_i64(&p, it->id);
    add_item_body(&p, it);
    return gk_pg_run_done(gk_pg_downcast(st, "item_update"), STMT_ITEM_UPDATE, &p, "item update");
}

int gk_pg_item_max_serial(gk_store *st, const char *prefix, int year, int64_t *out)
{
    gk_pg_store *s = gk_pg_downcast(st, "item_max_serial");
    gk_pg_params p = {0};
    PGresult *res;
    int error;

    gk_pg_text(&p, prefix);
    gk_pg_i64(&p, year);
    error = gk_pg_run(&res, s, STMT_ITEM_MAX_SERIAL, &p, "item serial");
    if (error < 0)
        return error;
    *out = gk_pg_col_i64(res, 0, 0);
    PQclear(res);
    return 0;
}

static void item_from_row(gk_catalogue_item *it, const PGresult *res, int r)
{
    const char *t;
    int v;

    gk_catalogue_item_init(it);
    it->id = gk_pg_col_i64(res, r, 0);
    it->agency = gk_pg_col_text(res, r, 1);
    it->index_no = gk_pg_col_text(res, r, 2);
    it->title = gk_pg_col_text(res, r, 3);
    it->summary = gk_pg_col_text(res, r, 4);
    it->category = gk_pg_col_text(res, r, 5);
    it->topic = gk_pg_col_text(res, r, 6);
    it->doc_no = gk_pg_col_text(res, r, 7);
    it->keywords = gk_pg_col_text(res, r, 8);
    t = gk_pg_col_text(res, r, 9);
    v = gk_doc_kind_from_label(t, strlen(t));
    it->doc_kind = v >= 0 ? (gk_doc_kind)v : GK_DOC_OTHER;
    it->art20_item = (int)gk_pg_col_i64(res, r, 10);
    it->written = gk_pg_col_date(res, r, 11);
    it->formed = gk_pg_col_date(res, r, 12);
    it->published = gk_pg_col_date(res, r, 13);
    it->effective_from = gk_pg_col_date(res, r, 14);
    t = gk_pg_col_text(res, r, 15);
    v = gk_validity_from_label(t, strlen(t));
    it->validity = v >= 0 ? (gk_validity)v : GK_VALIDITY_VALID;
    it->invalid_from = gk_pg_col_date(res, r, 16);
    it->due_days = (int)gk_pg_col_i64(res, r, 17);
    it->due_basis = gk_pg_col_text(res, r, 18);
    it->index_prefix = gk_pg_col_text(res, r, 19);
}

/* "%text%" with LIKE's metacharacters escaped (backslash is the default
 * ESCAPE), so the user's text matches literally. */
static int like_pattern(gk_buf *b, const char *text)
{
    int error = gk_buf_putc(b, '%');

    for (; error == 0 && *text; text++) {
        if (*text == '%' || *text == '_' || *text == '\\')
            error = gk_buf_putc(b, '\\');
        if (error == 0)
            error = gk_buf_putc(b, *text);
    }
    if (error == 0)
        error = gk_buf_putc(b, '%');
    return error;
}

typedef enum { PATH_ALL, PATH_TRGM, PATH_SHORT } search_path;

/* Which statement answers q (docs/stack.md T2). */
static search_path path_of(const gk_item_query *q)
{
    if (!q->title || !*q->title)
        return PATH_ALL;
    return gk_store__code_points(q->title) < GK_SEARCH_TRIGRAM_MIN ? PATH_SHORT : PATH_TRGM;
}

/* The parameters of a walk (page true) or a count (pg_stmts.def);
 * pattern holds the ILIKE pattern while they are used. */
static int params(gk_pg_params *p, gk_buf *pattern, const gk_item_query *q, bool page)
{
    search_path path = path_of(q);
    int error = 0;

    gk_pg_text(p, q->agency);
    gk_pg_i64(p, q->id);
    gk_pg_text(p, q->index_no);
    gk_pg_date(p, q->published_by); /* {0}: NULL */
    gk_pg_i64(p, path == PATH_SHORT && q->short_window > 0 ? q->short_window : INT64_MAX);
    if (q->limit > 0)
        gk_pg_i64(p, q->limit);
    else
        gk_pg_text(p, NULL); /* LIMIT NULL: no limit */
    if (page) {
        gk_pg_i64(p, q->art20);
        gk_pg_i64(p, q->offset > 0 ? q->offset : 0);
    }
    if (path == PATH_TRGM)
        error = like_pattern(pattern, q->title);
    if (error == 0 && path != PATH_ALL)
        gk_pg_text(p, path == PATH_SHORT ? q->title : gk_buf_cstr(pattern));
    return error;
}

int gk_pg_item_foreach(gk_store *st, const gk_item_query *q, gk_item_cb cb, void *payload)
{
    static const int stmts[3] = {STMT_ITEM_LIST, STMT_ITEM_SEARCH_TRGM, STMT_ITEM_SEARCH_SHORT};
    gk_pg_store *s = gk_pg_downcast(st, "item_foreach");
    gk_buf pattern = GK_BUF_INIT;
    gk_pg_params p = {0};
    PGresult *res = NULL;
    int i, n, error = params(&p, &pattern, q, true);

    if (error == 0)
        error = gk_pg_run(&res, s, stmts[path_of(q)], &p, "items");
    gk_buf_release(&pattern);
    if (error < 0)
        return error;
    n = PQntuples(res);
    for (i = 0; i < n && error == 0; i++) {
        gk_catalogue_item it;
        item_from_row(&it, res, i);
        error = cb(&it, payload);
    }
    PQclear(res);
    return error;
}

int gk_pg_item_count(gk_store *st, const gk_item_query *q, int64_t counts[GK_ART20_SLOTS])
{
    static const int stmts[3] = {STMT_ITEM_COUNT_ALL, STMT_ITEM_COUNT_TRGM, STMT_ITEM_COUNT_SHORT};
    gk_pg_store *s = gk_pg_downcast(st, "item_count");
    gk_buf pattern = GK_BUF_INIT;
    gk_pg_params p = {0};
    PGresult *res = NULL;
    int i, n, error = params(&p, &pattern, q, false);

    if (error == 0)
        error = gk_pg_run(&res, s, stmts[path_of(q)], &p, "item counts");
    gk_buf_release(&pattern);
    if (error < 0)
        return error;
    n = PQntuples(res);
    for (i = 0; i < n; i++) {
        int64_t c = gk_pg_col_i64(res, i, 0);
        if (c >= 0 && c < GK_ART20_SLOTS)
            counts[c] = gk_pg_col_i64(res, i, 1);
    }
    PQclear(res);
    return 0;
}

#else

/* ISO C forbids an empty translation unit. */
typedef int gk_store_pg_catalogue_not_built;

#endif
