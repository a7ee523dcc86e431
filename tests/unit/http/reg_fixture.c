/*
 * reg_fixture.c: the helpers of reg_fixture.h.
 */
#include <ctype.h>
#include <stdlib.h>
#include "reg_fixture.h"

static int open_store(rf_env *e, gk_store **st, bool init)
{
    gk_store_opts o = GK_STORE_OPTS_INIT;

    o.no_schema_check = init;
    o.actor = "fixture";
    return gk_store_open(st, e->t.db, &o);
}

int rf_new(rf_env *e)
{
    static const gk_agency tree[] = {
        {0, "GOV", "某区人民政府", "", "政府"},
        {0, "OFFICE", "某区人民政府办公室", "GOV", "部门"},
        {0, "BUR1", "某区教育局", "GOV", "部门"},
        {0, "BUR2", "某区住房和城乡建设局", "GOV", "部门"},
    };
    gk_store *st = NULL;
    size_t i;
    int error;

    memset(e, 0, sizeof(*e));
    setenv("GK_TODAY", RF_TODAY, 1);
    error = ht_new(&e->t, 0);
    if (error == 0)
        error = open_store(e, &st, true);
    if (error == 0)
        error = gk_store_migrate(st, NULL, NULL);
    for (i = 0; error == 0 && i < GK_ARRAY_LEN(tree); i++)
        error = gk_store_agency_add(st, &tree[i], NULL);
    gk_store_close(st);
    return error;
}

void rf_free(rf_env *e)
{
    ht_free(&e->t);
    unsetenv("GK_TODAY");
}

int rf_login(rf_env *e, const char *user, gk_role role, const char *agency)
{
    gk_http_session who;
    gk_arena a = GK_ARENA_INIT;
    const char *tok;
    int error;

    memset(&who, 0, sizeof(who));
    who.user_id = 1;
    snprintf(who.user, sizeof(who.user), "%s", user);
    who.role = role;
    snprintf(who.agency, sizeof(who.agency), "%s", agency);
    error = gk_session_create(e->t.srv->sessions, &a, &who, &tok);
    if (error == 0) {
        gk_http_session s;

        snprintf(e->sid, sizeof(e->sid), "gk_sid=%s", tok);
        error = gk_session_lookup(e->t.srv->sessions, tok, &s);
        if (error == 0)
            snprintf(e->csrf, sizeof(e->csrf), "%s", s.csrf);
    }
    gk_arena_release(&a);
    return error;
}

int rf_case(rf_env *e, const char *agency, const char *applicant, const char *received,
            char code[GK_TRACKING_CODE_LEN + 1])
{
    gk_store *st = NULL;
    gk_case c;
    int error;

    gk_case_init(&c);
    c.agency = agency;
    c.applicant = applicant;
    c.applicant_id = "11010519491231002X";
    c.contact = "电话：13800138000";
    c.description = "名称：某某文件";
    c.form = "获取方式：电子数据；获取途径：电子邮件";
    error = gk_date_parse(&c.received, received, strlen(received));
    c.arrival = c.received;
    if (error == 0)
        error = open_store(e, &st, false);
    if (error == 0)
        error = gk_store_case_add(st, &c);
    if (error == 0)
        memcpy(code, c.tracking_code, GK_TRACKING_CODE_LEN + 1);
    gk_store_close(st);
    return error;
}

int rf_event(rf_env *e, const char *code, gk_case_event_kind kind, const char *date, int outcome)
{
    gk_case_event ev = GK_CASE_EVENT_INIT;
    gk_store *st = NULL;
    int error;

    ev.kind = kind;
    ev.outcome = outcome;
    error = gk_date_parse(&ev.date, date, strlen(date));
    if (error == 0)
        error = open_store(e, &st, false);
    if (error == 0)
        error = gk_store_case_apply(st, code, &ev);
    gk_store_close(st);
    return error;
}

const char *rf_anon(rf_env *e)
{
    gk_http_resp r;
    const char *c;

    if (ht_get(&e->t, &r, "/login", NULL) < 0)
        return "";
    c = ht_cookie(&r, "gk_csrf");
    snprintf(e->anon, sizeof(e->anon), "%s", c ? c : "");
    gk_http__resp_release(&r);
    return ht_cookie_value(e->anon);
}

int rf_post(rf_env *e, gk_http_resp *r, const char *path, const char *body)
{
    return ht_post(&e->t, r, path, e->sid[0] ? e->sid : e->anon, body);
}

int rf_get(rf_env *e, gk_http_resp *r, const char *path)
{
    return ht_get(&e->t, r, path, e->sid[0] ? e->sid : NULL);
}

static int state_cb(const gk_case *c, void *payload)
{
    snprintf(payload, 32, "%s", gk_case_state_key(c->state));
    return 1;
}

const char *rf_state(rf_env *e, const char *code)
{
    static char state[32];
    gk_case_query q = GK_CASE_QUERY_INIT;
    gk_store *st = NULL;

    state[0] = '\0';
    q.tracking_code = code;
    if (open_store(e, &st, false) == 0 && gk_store_case_foreach(st, &q, state_cb, state) < 0)
        state[0] = '\0';
    gk_store_close(st);
    return state;
}

int rf_pair(gk_buf *b, const char *name, const char *value)
{
    const unsigned char *p = (const unsigned char *)value;
    int error = gk_buf_printf(b, "%s%s=", b->len ? "&" : "", name);

    for (; error == 0 && *p; p++)
        error = (isalnum(*p) || *p == '-' || *p == '_' || *p == '.')
                    ? gk_buf_putc(b, (char)*p)
                    : gk_buf_printf(b, "%%%02X", *p);
    return error;
}
