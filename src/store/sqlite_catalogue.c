/*
 * sqlite_catalogue.c: catalogue items in the SQLite backend, with the
 * title search of docs/stack.md trap T1 (FTS5 trigram for 3+ characters,
 * instr() on the content table for 1-2).
 */
#include <stdio.h>
#include "util/util.h"
#include "sqlite_int.h"

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

/* Code points of a UTF-8 string (for the 3-character trigram minimum). */
static size_t code_points(const char *s)
{
    size_t n = 0;

    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
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

int gk_sq_item_foreach(gk_store *st, const gk_item_query *iq, gk_item_cb cb, void *payload)
{
    gk_sq_store *s = gk_sq_downcast(st, "item_foreach");
    bool search = iq->title && *iq->title;
    bool short_q = search && code_points(iq->title) < 3;
    item_walk w = {cb, payload};
    gk_buf phrase = GK_BUF_INIT;
    sqlite3_stmt *q;
    int error;

    error = gk_sq_stmt(&q, s,
                       !search ? STMT_ITEM_LIST
                               : short_q ? STMT_ITEM_SEARCH_SHORT : STMT_ITEM_SEARCH_FTS);
    if (error == 0 && search && !short_q)
        error = fts_phrase(&phrase, iq->title);
    if (error < 0)
        goto done;
    gk_sq_bind_text(q, 1, iq->agency);
    sqlite3_bind_int64(q, 2, iq->id);
    gk_sq_bind_text(q, 3, iq->index_no);
    sqlite3_bind_int64(q, 4, iq->limit > 0 ? iq->limit : -1);
    if (search)
        gk_sq_bind_text(q, 5, short_q ? iq->title : gk_buf_cstr(&phrase));
    error = gk_sq_each(s, q, item_row, &w, "items");
done:
    gk_buf_release(&phrase);
    return error;
}
