/*
 * pg_catalogue.c: catalogue items in the PostgreSQL backend. The title
 * search is ILIKE '%text%' with the user's %, _ and \ escaped: any length
 * of CJK text matches (docs/stack.md T2 concerns pg_trgm indexes, which
 * this does not need).
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

int gk_pg_item_foreach(gk_store *st, const gk_item_query *q, gk_item_cb cb, void *payload)
{
    gk_pg_store *s = gk_pg_downcast(st, "item_foreach");
    gk_buf pattern = GK_BUF_INIT;
    gk_pg_params p = {0};
    PGresult *res = NULL;
    int i, n, error = 0;

    if (q->title && *q->title)
        error = like_pattern(&pattern, q->title);
    if (error < 0)
        return error;
    gk_pg_text(&p, q->agency);
    gk_pg_i64(&p, q->id);
    gk_pg_text(&p, q->index_no);
    if (q->limit > 0)
        gk_pg_i64(&p, q->limit);
    else
        gk_pg_text(&p, NULL); /* LIMIT NULL: no limit */
    gk_pg_text(&p, pattern.ptr ? gk_buf_cstr(&pattern) : NULL);
    error = gk_pg_run(&res, s, STMT_ITEM_LIST, &p, "items");
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

#else

/* ISO C forbids an empty translation unit. */
typedef int gk_store_pg_catalogue_not_built;

#endif
