/*
 * store.c: the gk_store_* wrappers, the only code that calls through
 * st->be (conventions C5). Backends are chosen by DSN scheme from one
 * table; transactions nest by counting; every change writes its audit
 * event here, so the chain logic is the same for every backend.
 */
#include <time.h>
#include <stdio.h>
#include "util/util.h"
#include "store_int.h"
#include "gk/calendar.h"
#include "core/json_field.h"

/* DSN scheme → backend. A NULL backend is a known scheme whose backend is
 * not built into this program (PostgreSQL until src/store/pg.c exists). */
static const struct {
    const char *prefix;
    const char *label;
    const gk_store_backend *be;
} backends[] = {
    {"sqlite:", "SQLite", &gk_store_backend_sqlite},
#ifdef GK_WITH_PG
    {"postgresql://", "PostgreSQL", &gk_store_backend_pg},
    {"postgres://", "PostgreSQL", &gk_store_backend_pg},
#else
    {"postgresql://", "PostgreSQL", NULL},
    {"postgres://", "PostgreSQL", NULL},
#endif
};

int gk_store_open(gk_store **out, const char *dsn, const gk_store_opts *opts)
{
    static const gk_store_opts defaults = GK_STORE_OPTS_INIT;
    const gk_store_backend *be = &gk_store_backend_sqlite;
    const char *rest = dsn;
    gk_store *st = NULL;
    int current = 0, target = 0;
    size_t i;
    int error;

    GK_ASSERT_ARG(out && dsn);
    *out = NULL;
    if (!opts)
        opts = &defaults;
    for (i = 0; i < GK_ARRAY_LEN(backends); i++) {
        size_t n = strlen(backends[i].prefix);
        if (strncmp(dsn, backends[i].prefix, n) != 0)
            continue;
        if (!backends[i].be) {
            gk_error_set(GK_ERRCLASS_STORE, "%s backend not built（本程序未编译 %s 存储后端）",
                         backends[i].label, backends[i].label);
            return GK_EBACKEND;
        }
        be = backends[i].be;
        rest = be == &gk_store_backend_sqlite ? dsn + n : dsn;
        break;
    }
    if (be->version != GK_STORE_BACKEND_VERSION)
        GK_BUG("store backend '%s' has version %u", be->name, be->version);
    error = be->open(&st, rest, opts);
    if (error < 0)
        goto done;
    st->be = be;
    st->dsn = gk_strdup(dsn);
    st->actor = gk_strdup(opts->actor && *opts->actor ? opts->actor : "system");
    if (!st->dsn || !st->actor) {
        error = gk__oom();
        goto done;
    }
    if (!opts->no_schema_check) {
        error = be->schema_version(st, &current, &target);
        if (error < 0)
            goto done;
        if (current != target) {
            gk_error_set(GK_ERRCLASS_STORE,
                         current < target
                             ? "数据库结构版本 %d 低于程序的 %d: 请先运行 gongkai init"
                             : "数据库结构版本 %d 高于程序的 %d: 请升级 gongkai",
                         current, target);
            error = GK_ECONFLICT;
            goto done;
        }
    }
    *out = st;
    st = NULL;
done:
    gk_store_close(st);
    return error;
}

void gk_store_close(gk_store *st)
{
    char *dsn, *actor;

    if (!st)
        return;
    if (st->tx_depth > 0)
        st->be->tx_rollback(st);
    dsn = st->dsn;
    actor = st->actor;
    gk_free(st->correction);
    gk_free(st->only_agency);
    gk_calendar_free(st->own_cal);
    st->be->close(st);
    gk_free(dsn);
    gk_free(actor);
}

const char *gk_store_backend_name(const gk_store *st)
{
    return st ? st->be->name : NULL;
}

int gk_store_set_actor(gk_store *st, const char *actor)
{
    char *a;

    GK_ASSERT_ARG(st);
    if (!actor || !*actor)
        actor = "system";
    if (st->tx_depth > 0) {
        gk_error_set(GK_ERRCLASS_STORE, "事务进行中，不能更换操作人");
        return GK_ECONFLICT;
    }
    if (st->actor && strcmp(st->actor, actor) == 0)
        return 0;
    a = gk_strdup(actor);
    if (!a)
        return gk__oom();
    gk_free(st->actor);
    st->actor = a;
    return 0;
}

int gk_store_schema_version(gk_store *st, int *current_out, int *target_out)
{
    int c = 0, t = 0;
    int error;

    GK_ASSERT_ARG(st);
    error = st->be->schema_version(st, &c, &t);
    if (current_out)
        *current_out = c;
    if (target_out)
        *target_out = t;
    return error;
}

int gk_store_migrate(gk_store *st, int *from_out, int *to_out)
{
    int current = 0, target = 0, v;
    int error;

    GK_ASSERT_ARG(st);
    error = st->be->schema_version(st, &current, &target);
    if (error < 0)
        return error;
    if (from_out)
        *from_out = current;
    if (current > target) {
        gk_error_set(GK_ERRCLASS_STORE, "数据库结构版本 %d 高于程序的 %d: 请升级 gongkai", current,
                     target);
        return GK_ECONFLICT;
    }
    /* One transaction per migration: a failure keeps every earlier step. */
    for (v = current + 1; v <= target; v++) {
        error = gk_store_tx_begin(st);
        if (error < 0)
            return error;
        error = st->be->migrate_step(st, v);
        if (error < 0) {
            gk_store_tx_rollback(st);
            gk_error_prefix("migration %d", v);
            return error;
        }
        error = gk_store_tx_commit(st);
        if (error < 0)
            return error;
    }
    if (to_out)
        *to_out = target;
    return 0;
}

/* The cached only agency is valid inside one transaction only: another
 * connection may add an agency between two of ours. */
static void forget_only_agency(gk_store *st)
{
    gk_free(st->only_agency);
    st->only_agency = NULL;
}

int gk_store_tx_begin(gk_store *st)
{
    int error;

    GK_ASSERT_ARG(st);
    if (st->tx_depth > 0) {
        st->tx_depth++;
        return 0;
    }
    error = st->be->tx_begin(st);
    if (error < 0)
        return error;
    st->tx_depth = 1;
    st->chain_loaded = false;
    forget_only_agency(st);
    return 0;
}

int gk_store_tx_commit(gk_store *st)
{
    int error;

    GK_ASSERT_ARG(st);
    if (st->tx_depth <= 0)
        GK_BUG("commit without a transaction");
    if (st->tx_depth > 1) {
        st->tx_depth--;
        return 0;
    }
    error = st->be->tx_commit(st);
    st->tx_depth = 0;
    st->chain_loaded = false;
    forget_only_agency(st);
    if (error < 0)
        st->be->tx_rollback(st);
    return error;
}

void gk_store_tx_rollback(gk_store *st)
{
    if (!st || st->tx_depth <= 0)
        return;
    st->be->tx_rollback(st);
    st->tx_depth = 0;
    st->chain_loaded = false;
    forget_only_agency(st);
}

int gk_store__key_index(const char *(*key)(int), int n, const char *s)
{
    int i;

    for (i = 0; i < n; i++)
        if (!strcmp(key(i), s))
            return i;
    return -1;
}

/* ----------------------------------------------------------- the chain */

void gk_store__now(char out[32])
{
    struct timespec ts;
    int64_t secs, day, rem;
    gk_date d;

    clock_gettime(CLOCK_REALTIME, &ts);
    secs = (int64_t)ts.tv_sec;
    day = secs / 86400;
    rem = secs % 86400;
    if (rem < 0) {
        rem += 86400;
        day--;
    }
    d = gk_date_from_days((int32_t)day);
    snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.y, d.m, d.d, (int)(rem / 3600),
             (int)(rem / 60 % 60), (int)(rem % 60), (int)(ts.tv_nsec / 1000000));
}

static void hash_field(gk_sha256 *s, const char *v)
{
    char len[24];
    size_t n = v ? strlen(v) : 0;

    snprintf(len, sizeof len, "%zu:", n);
    gk_sha256_update(s, len, strlen(len));
    if (n)
        gk_sha256_update(s, v, n);
    gk_sha256_update(s, "\n", 1);
}

void gk_store__event_hash(const gk_store_event *e, char out[65])
{
    char num[24];
    gk_sha256 s;

    gk_sha256_init(&s);
    hash_field(&s, "gongkai.event/1");
    hash_field(&s, e->prev_hash);
    snprintf(num, sizeof num, "%lld", (long long)e->id);
    hash_field(&s, num);
    hash_field(&s, e->at);
    hash_field(&s, e->actor);
    hash_field(&s, e->agency);
    hash_field(&s, e->entity);
    snprintf(num, sizeof num, "%lld", (long long)e->entity_id);
    hash_field(&s, num);
    hash_field(&s, e->action);
    hash_field(&s, e->before);
    hash_field(&s, e->after);
    gk_sha256_final_hex(&s, out);
}

int gk_store__audit(gk_store *st, const char *agency, const char *entity, int64_t entity_id,
                    const char *action, const char *before, const char *after)
{
    gk_store_event e;
    char at[32], hash[65];
    int error;

    if (st->tx_depth <= 0)
        GK_BUG("audit event outside a transaction");
    if (!st->chain_loaded) {
        error = st->be->event_last(st, &st->chain_id, st->chain_hash);
        if (error < 0)
            return error;
        st->chain_loaded = true;
    }
    gk_store__now(at);
    e.id = st->chain_id + 1;
    e.at = at;
    e.actor = st->actor;
    e.agency = agency ? agency : "";
    e.entity = entity;
    e.entity_id = entity_id;
    e.action = action;
    e.before = before ? before : "";
    e.after = after ? after : "";
    e.prev_hash = st->chain_hash;
    gk_store__event_hash(&e, hash);
    e.hash = hash;
    error = st->be->event_insert(st, &e);
    if (error < 0)
        return error;
    st->chain_id = e.id;
    memcpy(st->chain_hash, hash, sizeof hash);
    return 0;
}

int gk_store_event_foreach(gk_store *st, gk_store_event_cb cb, void *payload)
{
    GK_ASSERT_ARG(st && cb);
    return st->be->event_foreach(st, cb, payload);
}

int gk_store_event_entity_foreach(gk_store *st, const char *entity, int64_t entity_id,
                                  gk_store_event_cb cb, void *payload)
{
    GK_ASSERT_ARG(st && entity && cb);
    return st->be->event_entity_foreach(st, entity, entity_id, cb, payload);
}

typedef struct {
    gk_store_verify_result *res;
    char prev[65];
} verify_ctx;

static int verify_one(const gk_store_event *e, void *payload)
{
    verify_ctx *v = payload;
    char h[65];

    v->res->events++;
    if (e->id != v->res->events) {
        snprintf(v->res->reason, sizeof v->res->reason, "事件编号不连续: 期望 %lld，实际 %lld",
                 (long long)v->res->events, (long long)e->id);
        v->res->bad_id = e->id;
        return 1;
    }
    if (strcmp(e->prev_hash, v->prev) != 0) {
        snprintf(v->res->reason, sizeof v->res->reason, "prev_hash 与上一事件的哈希不符");
        v->res->bad_id = e->id;
        return 1;
    }
    gk_store__event_hash(e, h);
    if (strcmp(h, e->hash) != 0) {
        snprintf(v->res->reason, sizeof v->res->reason, "事件内容与其哈希不符（记录被修改）");
        v->res->bad_id = e->id;
        return 1;
    }
    memcpy(v->prev, e->hash, sizeof v->prev);
    return 0;
}

int gk_store_verify(gk_store *st, gk_store_verify_result *out)
{
    verify_ctx v;
    int error;

    GK_ASSERT_ARG(st && out);
    memset(out, 0, sizeof *out);
    v.res = out;
    v.prev[0] = '\0';
    error = st->be->event_foreach(st, verify_one, &v);
    return error < 0 ? error : 0;
}

/* ------------------------------------------------------------ agencies */

int gk_store_agency_add(gk_store *st, const gk_agency *a, int64_t *id_out)
{
    gk_buf js = GK_BUF_INIT;
    int64_t id = 0;
    int error;

    GK_ASSERT_ARG(st && a);
    if (!a->code || !*a->code || !a->name || !*a->name) {
        gk_error_set(GK_ERRCLASS_STORE, "机关代码和名称不能为空");
        return GK_EINVALID;
    }
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    forget_only_agency(st);
    error = st->be->agency_put(st, a, &id);
    if (error < 0)
        goto done;
    error = gk_buf_putc(&js, '{');
    if (error == 0)
        error = gk__json_str(&js, "code", a->code);
    if (error == 0)
        error = gk__json_str(&js, "name", a->name);
    if (error == 0)
        error = gk__json_str(&js, "parent", a->parent);
    if (error == 0)
        error = gk__json_str(&js, "kind", a->kind);
    if (error == 0)
        error = gk__json_end(&js);
    if (error < 0)
        goto done;
    error = gk_store__audit(st, a->code, "agency", id, "create", "", gk_buf_cstr(&js));
    if (error < 0)
        goto done;
    error = gk_store_tx_commit(st);
    if (error == 0 && id_out)
        *id_out = id;
done:
    if (error < 0)
        gk_store_tx_rollback(st);
    gk_buf_release(&js);
    return error;
}

int gk_store_agency_foreach(gk_store *st, gk_agency_cb cb, void *payload)
{
    GK_ASSERT_ARG(st && cb);
    return st->be->agency_foreach(st, cb, payload);
}

typedef struct {
    int n;
    char *code;
} only_agency;

static int count_agency(const gk_agency *a, void *payload)
{
    only_agency *o = payload;

    if (o->n++ == 0) {
        o->code = gk_strdup(a->code);
        if (!o->code)
            return gk__oom();
    }
    return 0;
}

int gk_store__default_agency(gk_store *st, char **code_out)
{
    only_agency o = {0, NULL};
    int error;

    *code_out = NULL;
    /* Inside a transaction the answer is walked once (the agency tree is a
     * recursive query: it was most of the cost of a batch of intakes) and
     * kept until the transaction ends or an agency is added. */
    if (st->only_agency) {
        *code_out = gk_strdup(st->only_agency);
        return *code_out ? 0 : gk__oom();
    }
    error = st->be->agency_foreach(st, count_agency, &o);
    if (error == 0 && o.n != 1) {
        gk_error_set(GK_ERRCLASS_STORE,
                     o.n == 0 ? "数据库中还没有机关: 请先运行 gongkai agency add"
                              : "数据库中有 %d 个机关: 请指定机关代码",
                     o.n);
        error = GK_EINVALID;
    }
    if (error == 0 && st->tx_depth > 0) {
        st->only_agency = gk_strdup(o.code);
        if (!st->only_agency)
            error = gk__oom();
    }
    if (error < 0) {
        gk_free(o.code);
        return error;
    }
    *code_out = o.code;
    return 0;
}

const char *gk_store__agency_or_default(gk_store *st, const char *agency, char **owned,
                                        int *error_out)
{
    *owned = NULL;
    *error_out = 0;
    if (agency && *agency)
        return agency;
    *error_out = gk_store__default_agency(st, owned);
    return *owned;
}

/* --------------------------------------------------------------- cases */

int gk_store__case_insert(gk_store *st, gk_case *c)
{
    gk_buf key = GK_BUF_INIT, js = GK_BUF_INIT;
    char no[32];
    int years[2] = {c->received.y, gk_date_valid(c->concluded) ? c->concluded.y : 0};
    int corr = 0, error;

    /* A case received (or, imported, concluded) in a locked year changes
     * that year's table 3. */
    error = gk_store__lock_check(st, c->agency, years, 2, &corr);
    if (error < 0)
        return error;
    if (!c->tracking_code[0]) {
        error = gk_case_tracking_code(c->tracking_code);
        if (error < 0)
            goto done;
    }
    error = gk_applicant_key(&key, c->applicant_type, c->applicant, c->applicant_id);
    if (error < 0)
        goto done;
    error = st->be->case_insert(st, c, gk_buf_cstr(&key));
    if (error < 0)
        goto done;
    if (!c->tracking_no || !*c->tracking_no) {
        /* No ledger number given: "<receipt year>-<id>", then saved. */
        snprintf(no, sizeof no, "%04d-%06lld", c->received.y, (long long)c->id);
        c->tracking_no = no;
        error = st->be->case_number_set(st, c->id, no);
        if (error < 0)
            goto done;
    }
    error = gk_case_to_json(&js, c);
    if (error < 0)
        goto done;
    error = gk_store__audit_change(st, corr, c->agency, "case", c->id, "create", "",
                                   gk_buf_cstr(&js));
done:
    if (c->tracking_no == no)
        c->tracking_no = ""; /* do not leak a pointer to this frame */
    gk_buf_release(&key);
    gk_buf_release(&js);
    return error;
}

int gk_store_case_add(gk_store *st, gk_case *c)
{
    char *agency = NULL;
    const char *given;
    int error;

    GK_ASSERT_ARG(st && c);
    given = c->agency;
    error = gk_case_intake(c);
    if (error < 0)
        return error;
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    if (!c->agency || !*c->agency) {
        error = gk_store__default_agency(st, &agency);
        if (error < 0)
            goto done;
        c->agency = agency;
    }
    error = gk_store__case_insert(st, c);
    if (error < 0)
        goto done;
    error = gk_store_tx_commit(st);
done:
    if (error < 0)
        gk_store_tx_rollback(st);
    c->agency = given;
    gk_free(agency);
    return error;
}

int gk_store_case_foreach(gk_store *st, const gk_case_query *q, gk_case_cb cb, void *payload)
{
    static const gk_case_query all = GK_CASE_QUERY_INIT;

    GK_ASSERT_ARG(st && cb);
    return st->be->case_foreach(st, q ? q : &all, cb, payload);
}

typedef struct {
    gk_store *st;
    const gk_case_event *ev;
    bool found;
} apply_ctx;

/* Runs inside the foreach callback, so the case's strings (borrowed from
 * the backend's row) are alive while it is applied, saved and audited. */
static int apply_one(const gk_case *c, void *payload)
{
    apply_ctx *a = payload;
    gk_buf before = GK_BUF_INIT, after = GK_BUF_INIT;
    char action[64];
    gk_case n = *c;
    gk_case_event ev;
    int corr = 0, error;

    a->found = true;
    /* An event dated in a locked year changes that year's report (its
     * conclusion or its carry-over); later events do not. */
    error = gk_store__lock_check(a->st, c->agency, &a->ev->date.y, 1, &corr);
    if (error == 0)
        error = gk_store__split_guard(a->ev);
    if (error == 0)
        error = gk_store__fee_before(a->st, c, a->ev, &ev);
    if (error == 0)
        error = gk_case_to_json(&before, c);
    if (error < 0)
        goto done;
    error = gk_case_apply(&n, &ev);
    if (error == 0)
        error = gk_store__fee_after(a->st, c, &ev);
    if (error == 0)
        error = gk_store__decision_after(a->st, &n, &ev);
    if (error < 0)
        goto done;
    error = a->st->be->case_update(a->st, &n);
    if (error < 0)
        goto done;
    error = gk_case_to_json(&after, &n);
    if (error < 0)
        goto done;
    snprintf(action, sizeof action, "apply:%s", gk_case_event_key(a->ev->kind));
    error = gk_store__audit_change(a->st, corr, n.agency, "case", n.id, action,
                                   gk_buf_cstr(&before), gk_buf_cstr(&after));
done:
    gk_buf_release(&before);
    gk_buf_release(&after);
    return error < 0 ? error : 1; /* 1 stops the walk: one case only */
}

int gk_store_case_apply(gk_store *st, const char *code, const gk_case_event *ev)
{
    gk_case_query q = GK_CASE_QUERY_INIT;
    apply_ctx a = {st, ev, false};
    int error;

    GK_ASSERT_ARG(st && code && ev);
    error = gk_store_tx_begin(st);
    if (error < 0)
        return error;
    q.tracking_code = code;
    error = st->be->case_foreach(st, &q, apply_one, &a);
    if (error == 0 && !a.found) {
        q.tracking_code = NULL;
        q.tracking_no = code;
        error = st->be->case_foreach(st, &q, apply_one, &a);
    }
    if (error == 0 && !a.found) {
        gk_error_set(GK_ERRCLASS_STORE, "没有查询码或登记号为 '%s' 的申请", code);
        error = GK_ENOTFOUND;
    }
    if (error < 0)
        goto done;
    error = gk_store_tx_commit(st);
done:
    if (error < 0)
        gk_store_tx_rollback(st);
    return error;
}
