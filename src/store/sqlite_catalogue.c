/*
 * sqlite_catalogue.c: catalogue items in the SQLite backend, with the
 * title search of docs/stack.md trap T1 (FTS5 trigram for 3+ characters,
 * instr() on the content table for 1-2, over a bounded window of the
 * newest items when the caller asks), paged and counted by the database.
 */
#include <stdio.h>
#include "util/util.h"
#include "sqlite_int.h"
#include "search_int.h"

/* Binds title … due_basis (?6 … ?21), shared by insert and update. */
static void bind_item_body(sqlite3_stmt *q, const gk_catalogue_item *it)
{
    gk_sq_bind_text(q, 6, it->title);
    gk_sq_bind_text(q, 7, it->summary ? it->summary : "");
    gk_sq_bind_text(q, 8, it->category ? it->category : "");
    gk_sq_bind_text(q, 9, it->topic ? it->topic : "");
    gk_sq_bind_text(q, 10, it->doc_no ? it->doc_no : "");
    gk_sq_bind_text(q, 11, it->keywords ? it->keywords : "");
    gk_sq_bind_text(q, 12, gk_doc_kind_key(it->doc_kind));
    sqlite3_bind_int(q, 13, it->art20_item);
    gk_sq_bind_date(q, 14, it->written);
    gk_sq_bind_date(q, 15, it->formed);
    gk_sq_bind_date(q, 16, it->published);
    gk_sq_bind_date(q, 17, it->effective_from);
    gk_sq_bind_text(q, 18, gk_validity_key(it->validity));
    gk_sq_bind_date(q, 19, it->invalid_from);
    sqlite3_bind_int(q, 20, it->due_days);
    gk_sq_bind_text(q, 21, it->due_basis ? it->due_basis : "");
}

int gk_sq_item_insert(gk_store *st, gk_catalogue_item *it, const gk_index_no_parts *idx)
{
    gk_sq_store *s = gk_sq_downcast(st, "item_insert");
    int64_t agency = 0;
    sqlite3_stmt *q;
    int error;

    error = gk_sq_agency_id(s, it->agency, &agency);
    if (error == 0)
        error = gk_sq_stmt(&q, s, STMT_ITEM_INSERT);
    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, agency);
    gk_sq_bind_text(q, 2, it->index_no);
    gk_sq_bind_text(q, 3, idx->prefix);
    sqlite3_bind_int(q, 4, idx->year);
    sqlite3_bind_int(q, 5, idx->serial);
    bind_item_body(q, it);
    error = gk_sq_done(s, q, "item");
    if (error == 0)
        it->id = sqlite3_last_insert_rowid(s->db);
    return error;
}

int gk_sq_item_update(gk_store *st, const gk_catalogue_item *it)
{
    gk_sq_store *s = gk_sq_downcast(st, "item_update");
    sqlite3_stmt *q;
    int error = gk_sq_stmt(&q, s, STMT_ITEM_UPDATE);

    if (error < 0)
        return error;
    sqlite3_bind_int64(q, 1, it->id);
    bind_item_body(q, it);
    return gk_sq_done(s, q, "item update");
}

int gk_sq_item_max_serial(gk_store *st, const char *prefix, int year, int64_t *out)
{
    gk_sq_store *s = gk_sq_downcast(st, "item_max_serial");
    sqlite3_stmt *q;
    int rc, error = gk_sq_stmt(&q, s, STMT_ITEM_MAX_SERIAL);

    if (error < 0)
        return error;
    gk_sq_bind_text(q, 1, prefix);
    sqlite3_bind_int(q, 2, year);
    rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(q, 0);
    else
        error = gk_sq_error(s, rc, "item serial");
    sqlite3_reset(q);
    return error;
}

typedef struct {
    gk_item_cb cb;
    void *payload;
} item_walk;

static int item_row(sqlite3_stmt *q, void *ctx)
{
    item_walk *w = ctx;
    gk_catalogue_item it;
    int v;

    gk_catalogue_item_init(&it);
    it.id = sqlite3_column_int64(q, 0);
    it.agency = gk_sq_text(q, 1);
    it.index_no = gk_sq_text(q, 2);
    it.title = gk_sq_text(q, 3);
    it.summary = gk_sq_text(q, 4);
    it.category = gk_sq_text(q, 5);
    it.topic = gk_sq_text(q, 6);
    it.doc_no = gk_sq_text(q, 7);
    it.keywords = gk_sq_text(q, 8);
    v = gk_doc_kind_from_label(gk_sq_text(q, 9), strlen(gk_sq_text(q, 9)));
    it.doc_kind = v >= 0 ? (gk_doc_kind)v : GK_DOC_OTHER;
    it.art20_item = sqlite3_column_int(q, 10);
    it.written = gk_sq_date(q, 11);
    it.formed = gk_sq_date(q, 12);
    it.published = gk_sq_date(q, 13);
    it.effective_from = gk_sq_date(q, 14);
    v = gk_validity_from_label(gk_sq_text(q, 15), strlen(gk_sq_text(q, 15)));
    it.validity = v >= 0 ? (gk_validity)v : GK_VALIDITY_VALID;
    it.invalid_from = gk_sq_date(q, 16);
    it.due_days = sqlite3_column_int(q, 17);
    it.due_basis = gk_sq_text(q, 18);
    it.index_prefix = gk_sq_text(q, 19);
    return w->cb(&it, w->payload);
}

/* The query as one FTS5 string: "…" with each " doubled, so the user's
 * text is never FTS5 syntax. */
static int fts_phrase(gk_buf *b, const char *text)
{
    int error = gk_buf_putc(b, '"');

    for (; error == 0 && *text; text++)
        error = *text == '"' ? gk_buf_puts(b, "\"\"") : gk_buf_putc(b, *text);
    if (error == 0)
        error = gk_buf_putc(b, '"');
    return error;
}

typedef enum { PATH_ALL, PATH_FTS, PATH_SHORT } search_path;

/* Which of the three statements answers iq (docs/stack.md T1). */
static search_path path_of(const gk_item_query *iq)
{
    if (!iq->title || !*iq->title)
        return PATH_ALL;
    return gk_store__code_points(iq->title) < GK_SEARCH_TRIGRAM_MIN ? PATH_SHORT : PATH_FTS;
}

/* Prepares statement stmts[path] and binds iq (sqlite_stmts.def gives
 * the parameters); phrase holds the FTS5 string while q runs. */
static int prepare(sqlite3_stmt **q, gk_sq_store *s, const int stmts[3], const gk_item_query *iq,
                   gk_buf *phrase)
{
    search_path path = path_of(iq);
    int error = gk_sq_stmt(q, s, stmts[path]);

    if (error == 0 && path == PATH_FTS)
        error = fts_phrase(phrase, iq->title);
    if (error < 0)
        return error;
    gk_sq_bind_text(*q, 1, iq->agency);
    sqlite3_bind_int64(*q, 2, iq->id);
    gk_sq_bind_text(*q, 3, iq->index_no);
    sqlite3_bind_int64(*q, 4, iq->limit > 0 ? iq->limit : -1);
    if (path != PATH_ALL)
        gk_sq_bind_text(*q, 5, path == PATH_SHORT ? iq->title : gk_buf_cstr(phrase));
    if (iq->published_by.y)
        gk_sq_bind_date(*q, 6, iq->published_by);
    else
        sqlite3_bind_null(*q, 6);
    sqlite3_bind_int(*q, 7, iq->art20);
    sqlite3_bind_int64(*q, 8, iq->offset > 0 ? iq->offset : 0);
    sqlite3_bind_int64(*q, 9,
                       path == PATH_SHORT && iq->short_window > 0 ? iq->short_window : INT64_MAX);
    return 0;
}

int gk_sq_item_foreach(gk_store *st, const gk_item_query *iq, gk_item_cb cb, void *payload)
{
    static const int stmts[3] = {STMT_ITEM_LIST, STMT_ITEM_SEARCH_FTS, STMT_ITEM_SEARCH_SHORT};
    gk_sq_store *s = gk_sq_downcast(st, "item_foreach");
    item_walk w = {cb, payload};
    gk_buf phrase = GK_BUF_INIT;
    sqlite3_stmt *q;
    int error = prepare(&q, s, stmts, iq, &phrase);

    if (error == 0)
        error = gk_sq_each(s, q, item_row, &w, "items");
    gk_buf_release(&phrase);
    return error;
}

static int count_row(sqlite3_stmt *q, void *ctx)
{
    int64_t *counts = ctx;
    int c = sqlite3_column_int(q, 0);

    if (c >= 0 && c < GK_ART20_SLOTS)
        counts[c] = sqlite3_column_int64(q, 1);
    return 0;
}

int gk_sq_item_count(gk_store *st, const gk_item_query *iq, int64_t counts[GK_ART20_SLOTS])
{
    static const int stmts[3] = {STMT_ITEM_COUNT_ALL, STMT_ITEM_COUNT_FTS, STMT_ITEM_COUNT_SHORT};
    gk_sq_store *s = gk_sq_downcast(st, "item_count");
    gk_buf phrase = GK_BUF_INIT;
    sqlite3_stmt *q;
    int error = prepare(&q, s, stmts, iq, &phrase);

    if (error == 0)
        error = gk_sq_each(s, q, count_row, counts, "item counts");
    gk_buf_release(&phrase);
    return error;
}
