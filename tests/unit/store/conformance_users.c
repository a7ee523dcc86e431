/*
 * conformance_users.c: store scenarios of staff accounts and sessions
 * (store.h "staff accounts"), run on every backend (conformance.h): the
 * checks, the audit events (never the password hash), name order, the
 * expiry as part of the query, sessions ended by an account change, and
 * sessions that outlive the connection (a server restart).
 */
#include <stdio.h>
#include <string.h>
#include "conformance.h"
#include "gk/errors.h"

#define HASH1 "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"
#define HASH2 "$argon2id$v=19$m=65536,t=2,p=1$b3RoZXJzYWx0MTIz$b3RoZXJoYXNoMTIzNDU2Nw"
#define TOK_A "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define TOK_B "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210"
#define TOK_C "00000000000000000000000000000000000000000000000000000000000000cc"

static gk_user user(const char *name, const char *role, const char *agency, const char *hash)
{
    gk_user u;

    memset(&u, 0, sizeof u);
    u.name = name;
    u.role = role;
    u.agency = agency;
    u.pwhash = hash;
    return u;
}

/* What the callbacks saw, copied. */
typedef struct {
    int n;
    char names[8][64];
    char role[32], agency[32], pwhash[160], created[32], csrf[64], user[64];
    bool disabled;
    int64_t id, user_id, expires;
} seen;

static int see_user(const gk_user *u, void *payload)
{
    seen *s = payload;

    if (s->n < 8)
        snprintf(s->names[s->n], sizeof s->names[0], "%s", u->name);
    s->n++;
    snprintf(s->role, sizeof s->role, "%s", u->role);
    snprintf(s->agency, sizeof s->agency, "%s", u->agency);
    snprintf(s->pwhash, sizeof s->pwhash, "%s", u->pwhash);
    snprintf(s->created, sizeof s->created, "%s", u->created);
    s->disabled = u->disabled;
    s->id = u->id;
    return 0;
}

static int see_session(const gk_user_session *x, void *payload)
{
    seen *s = payload;

    s->n++;
    snprintf(s->user, sizeof s->user, "%s", x->user);
    snprintf(s->role, sizeof s->role, "%s", x->role);
    snprintf(s->agency, sizeof s->agency, "%s", x->agency);
    snprintf(s->csrf, sizeof s->csrf, "%s", x->csrf);
    s->user_id = x->user_id;
    s->expires = x->expires;
    return 0;
}

/* The user events, and whether any event holds a password hash. */
typedef struct {
    int users;
    bool leaked;
    char last_after[512];
} audit_seen;

static int see_event(const gk_store_event *e, void *payload)
{
    audit_seen *a = payload;

    if (strstr(e->before, "$argon2id$") || strstr(e->after, "$argon2id$"))
        a->leaked = true;
    if (strcmp(e->entity, "user") == 0) {
        a->users++;
        snprintf(a->last_after, sizeof a->last_after, "%s", e->after);
    }
    return 0;
}

static gk_user_session session(const char *hash, int64_t user_id, const char *name,
                               int64_t created, int64_t ttl)
{
    gk_user_session x;

    memset(&x, 0, sizeof x);
    x.token_hash = hash;
    x.user_id = user_id;
    x.user = name;
    x.role = "handler";
    x.agency = "EDU";
    x.csrf = "csrf-token-of-the-session";
    x.created = created;
    x.expires = created + ttl;
    return x;
}

static void scn_user_accounts(fixture *f)
{
    gk_store *st = fresh(f);
    gk_user u = user("wang", "handler", "EDU", HASH1);
    gk_user bad;
    seen s;
    audit_seen a;
    gk_store_verify_result v;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_user_add(st, &u));
    GK_T_OK(u.id > 0);
    bad = user("wang", "admin", "", HASH2);
    GK_T_INT_EQ(gk_store_user_add(st, &bad), GK_EEXISTS);
    /* Refused before the database: a plain password, an empty or
     * over-long name, a control character, a role that is not a key. */
    bad = user("li", "admin", "", "correct horse battery");
    GK_T_INT_EQ(gk_store_user_add(st, &bad), GK_EINVALID);
    bad = user("", "admin", "", HASH1);
    GK_T_INT_EQ(gk_store_user_add(st, &bad), GK_EINVALID);
    bad = user("0123456789012345678901234567890123456789012345678901234567890123", "admin", "",
               HASH1);
    GK_T_INT_EQ(gk_store_user_add(st, &bad), GK_EINVALID);
    bad = user("li\nsi", "admin", "", HASH1);
    GK_T_INT_EQ(gk_store_user_add(st, &bad), GK_EINVALID);
    bad = user("li", "管理员", "", HASH1);
    GK_T_INT_EQ(gk_store_user_add(st, &bad), GK_EINVALID);
    bad = user("李四", "reviewer", NULL, HASH2);
    GK_T_CALL(gk_store_user_add(st, &bad));
    bad = user("admin", "admin", "", HASH2);
    bad.disabled = true;
    GK_T_CALL(gk_store_user_add(st, &bad));

    /* Name order by bytes, the same on every backend. */
    memset(&s, 0, sizeof s);
    GK_T_CALL(gk_store_user_foreach(st, see_user, &s));
    GK_T_INT_EQ(s.n, 3);
    GK_T_STR_EQ(s.names[0], "admin");
    GK_T_STR_EQ(s.names[1], "wang");
    GK_T_STR_EQ(s.names[2], "李四");

    memset(&s, 0, sizeof s);
    GK_T_CALL(gk_store_user_find(st, "wang", see_user, &s));
    GK_T_INT_EQ(s.n, 1);
    GK_T_INT_EQ((int)s.id, (int)u.id);
    GK_T_STR_EQ(s.role, "handler");
    GK_T_STR_EQ(s.agency, "EDU");
    GK_T_STR_EQ(s.pwhash, HASH1);
    GK_T_OK(!s.disabled);
    GK_T_INT_EQ((int)strlen(s.created), 24);
    memset(&s, 0, sizeof s);
    GK_T_CALL(gk_store_user_find(st, "admin", see_user, &s));
    GK_T_OK(s.disabled);
    GK_T_INT_EQ(gk_store_user_find(st, "nobody", see_user, &s), GK_ENOTFOUND);

    /* An update keeps the hash unless one is given. */
    u = user("wang", "reviewer", "GOV", NULL);
    GK_T_CALL(gk_store_user_update(st, &u));
    memset(&s, 0, sizeof s);
    GK_T_CALL(gk_store_user_find(st, "wang", see_user, &s));
    GK_T_STR_EQ(s.role, "reviewer");
    GK_T_STR_EQ(s.agency, "GOV");
    GK_T_STR_EQ(s.pwhash, HASH1);
    memset(&a, 0, sizeof a);
    GK_T_CALL(gk_store_event_foreach(st, see_event, &a));
    GK_T_OK(strstr(a.last_after, "\"password\":\"unchanged\"") != NULL);
    u.pwhash = HASH2;
    u.disabled = true;
    GK_T_CALL(gk_store_user_update(st, &u));
    memset(&s, 0, sizeof s);
    GK_T_CALL(gk_store_user_find(st, "wang", see_user, &s));
    GK_T_STR_EQ(s.pwhash, HASH2);
    GK_T_OK(s.disabled);
    u = user("nobody", "admin", "", NULL);
    GK_T_INT_EQ(gk_store_user_update(st, &u), GK_ENOTFOUND);
    u = user("wang", "admin", "", "plain-text");
    GK_T_INT_EQ(gk_store_user_update(st, &u), GK_EINVALID);

    /* Every change is in the chain, and no event holds a hash. */
    memset(&a, 0, sizeof a);
    GK_T_CALL(gk_store_event_foreach(st, see_event, &a));
    GK_T_INT_EQ(a.users, 5);
    GK_T_OK(!a.leaked);
    GK_T_OK(strstr(a.last_after, "\"password\":\"changed\"") != NULL);
    GK_T_OK(strstr(a.last_after, "\"disabled\":true") != NULL);
    GK_T_CALL(gk_store_verify(st, &v));
    GK_T_INT_EQ((int)v.bad_id, 0);
}
CONFORMANCE_ALL(user_accounts)

static void scn_user_sessions(fixture *f)
{
    gk_store *st = fresh(f);
    gk_user u = user("wang", "handler", "EDU", HASH1);
    gk_user_session x;
    const int64_t t0 = 1750000000; /* 2025-06-15T15:06:40Z */
    int64_t n = -1;
    seen s;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_user_add(st, &u));
    x = session(TOK_A, u.id, "wang", t0, 3600);
    GK_T_CALL(gk_store_session_add(st, &x));
    GK_T_INT_EQ(gk_store_session_add(st, &x), GK_EEXISTS);

    /* Valid while now < expires: the query decides, not the caller. */
    memset(&s, 0, sizeof s);
    GK_T_CALL(gk_store_session_get(st, TOK_A, t0 + 3599, see_session, &s));
    GK_T_INT_EQ(s.n, 1);
    GK_T_STR_EQ(s.user, "wang");
    GK_T_STR_EQ(s.role, "handler");
    GK_T_STR_EQ(s.agency, "EDU");
    GK_T_STR_EQ(s.csrf, "csrf-token-of-the-session");
    GK_T_INT_EQ((int)s.user_id, (int)u.id);
    GK_T_OK(s.expires == t0 + 3600);
    GK_T_INT_EQ(gk_store_session_get(st, TOK_A, t0 + 3600, see_session, &s), GK_ENOTFOUND);
    GK_T_INT_EQ(gk_store_session_get(st, TOK_B, t0, see_session, &s), GK_ENOTFOUND);

    /* Only a hash is accepted: a raw 43-character token, upper-case hex
     * or a short string are refused. */
    GK_T_INT_EQ(gk_store_session_get(st, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", t0,
                                     see_session, &s),
                GK_EINVALID);
    x = session("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", u.id, "wang",
                t0, 60);
    GK_T_INT_EQ(gk_store_session_add(st, &x), GK_EINVALID);
    x = session(TOK_B, u.id, "wang", t0, 0);
    GK_T_INT_EQ(gk_store_session_add(st, &x), GK_EINVALID);

    /* Logout. */
    GK_T_CALL(gk_store_session_delete(st, TOK_A));
    GK_T_INT_EQ(gk_store_session_get(st, TOK_A, t0, see_session, &s), GK_ENOTFOUND);
    GK_T_CALL(gk_store_session_delete(st, TOK_A));

    /* A new session sweeps the expired ones; expire counts. */
    x = session(TOK_A, u.id, "wang", t0, 60);
    GK_T_CALL(gk_store_session_add(st, &x));
    x = session(TOK_B, u.id, "wang", t0 + 100, 60); /* TOK_A has expired by then */
    GK_T_CALL(gk_store_session_add(st, &x));
    GK_T_CALL(gk_store_session_expire(st, t0 + 100, &n));
    GK_T_INT_EQ((int)n, 0);
    x = session(TOK_C, u.id + 1000, "other", t0 + 100, 600);
    GK_T_CALL(gk_store_session_add(st, &x));
    GK_T_CALL(gk_store_session_expire(st, t0 + 160, &n));
    GK_T_INT_EQ((int)n, 1); /* TOK_B */
    memset(&s, 0, sizeof s);
    GK_T_CALL(gk_store_session_get(st, TOK_C, t0 + 160, see_session, &s));

    /* An account change ends that account's sessions only. */
    x = session(TOK_A, u.id, "wang", t0 + 200, 600);
    GK_T_CALL(gk_store_session_add(st, &x));
    u = user("wang", "reviewer", "EDU", NULL);
    GK_T_CALL(gk_store_user_update(st, &u));
    GK_T_INT_EQ(gk_store_session_get(st, TOK_A, t0 + 201, see_session, &s), GK_ENOTFOUND);
    GK_T_CALL(gk_store_session_get(st, TOK_C, t0 + 201, see_session, &s));
}
CONFORMANCE_ALL(user_sessions)

/* A session outlives the connection that made it (a server restart), and
 * an account cannot be deleted behind the store's back. */
static void scn_user_sessions_survive_reopen(fixture *f)
{
    gk_store *st = fresh(f);
    gk_user u = user("wang", "handler", "EDU", HASH1);
    gk_user_session x;
    seen s;

    GK_T_OK(st != NULL);
    GK_T_CALL(gk_store_user_add(st, &u));
    x = session(TOK_A, u.id, "wang", 1750000000, 3600);
    GK_T_CALL(gk_store_session_add(st, &x));
    gk_store_close(f->st);
    f->st = NULL;
    GK_T_CALL(open_store(&f->st, f, false, 0));
    memset(&s, 0, sizeof s);
    GK_T_CALL(gk_store_session_get(f->st, TOK_A, 1750000001, see_session, &s));
    GK_T_STR_EQ(s.user, "wang");
    if (f->t->raw)
        GK_T_INT_EQ(f->t->raw(f, "DELETE FROM users"), -1);
    memset(&s, 0, sizeof s);
    GK_T_CALL(gk_store_user_find(f->st, "wang", see_user, &s));
}
CONFORMANCE_FILE(user_sessions_survive_reopen)
