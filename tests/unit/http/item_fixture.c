/*
 * item_fixture.c: the helper of item_fixture.h.
 */
#include "item_fixture.h"

int64_t if_item(rf_env *e, const char *agency, const char *title, const char *formed,
                const char *published)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;
    gk_catalogue_item it;
    char no[GK_INDEX_NO_BUFSZ];
    gk_store *st = NULL;
    int error;

    gk_catalogue_item_init(&it);
    it.agency = agency;
    it.index_prefix = "11370812004339255B";
    it.title = title;
    it.summary = "概述";
    error = gk_date_parse(&it.formed, formed, strlen(formed));
    if (error == 0 && published)
        error = gk_date_parse(&it.published, published, strlen(published));
    o.actor = "fixture";
    if (error == 0)
        error = gk_store_open(&st, e->t.db, &o);
    if (error == 0)
        error = gk_store_item_add(st, &it, no);
    gk_store_close(st);
    return error < 0 ? 0 : it.id;
}
