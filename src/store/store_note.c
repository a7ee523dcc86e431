/*
 * store_note.c: audit events that change no record: someone was shown a
 * record's personal data in full, downloaded a document about it, and the
 * like. Personal information is handled on a need-to-know basis
 * (《个人信息保护法》第五十一条: access control and a record of who
 * accessed what), so such accesses join the same hash-chained trail as
 * the changes, under the store's current actor.
 */
#include "util/util.h"
#include "store_int.h"

int gk_store_note(gk_store *st, const char *agency, const char *entity, int64_t entity_id,
                  const char *action, const char *detail_json)
{
    int error;

    GK_ASSERT_ARG(st && entity && action && detail_json);
    /* The change actions are the store's own ("create", "apply:…",
     * "import"): a note may not pass for one. */
    if (strncmp(action, "note:", 5) != 0 || !action[5]) {
        gk_error_set(GK_ERRCLASS_STORE, "记录事项的动作应以 note: 开头：'%s'", action);
        return GK_EINVALID;
    }
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    /* before == after: nothing changed; the detail says what was seen. */
    error = gk_store__audit(st, agency ? agency : "", entity, entity_id, action, detail_json,
                            detail_json);
    if (error == 0)
        error = gk_store_tx_commit(st);
    else
        gk_store_tx_rollback(st);
    return error;
}
