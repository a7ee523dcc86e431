/*
 * http_int.h: what the files of src/http/ share. A request and a response
 * are plain structs independent of libmicrohttpd, so the router and every
 * handler run in-process in tests (loopback.c) exactly as under the real
 * server (server.c). Everything a request allocates comes from its arena,
 * released when the response has been sent.
 */
#ifndef GK_HTTP_INT_H
#define GK_HTTP_INT_H

#include <pthread.h>
#include <jansson.h>
#include "util/util.h"
#include "util/arena.h"
#include "gk/http.h"

/* ---- limits ---------------------------------------------------------- */

#define GK_HTTP_MAX_HEADERS   64                /* more is a 431 */
#define GK_HTTP_MAX_FIELDS    256               /* query/form fields kept */
#define GK_HTTP_MAX_PARTS     16                /* multipart parts kept */
#define GK_HTTP_MAX_PARAMS    4                 /* :params in one route */
#define GK_HTTP_ARENA_MAX     ((size_t)96 << 20) /* per-request arena cap */
#define GK_HTTP_RESP_MAX      ((size_t)64 << 20) /* response body cap */
#define GK_HTTP_TOKEN_LEN     43                /* base64url of 32 random bytes */

/* Error codes private to the HTTP layer, below every gk_error_code; each
 * is a row of status.def like the library codes. */
enum {
    GK_HTTP_EAUTH = -100,   /* no valid session: 401 */
    GK_HTTP_EDENIED = -101, /* role or agency not allowed: 403 */
    GK_HTTP_ECSRF = -102,   /* missing or wrong CSRF token: 403 */
    GK_HTTP_EMETHOD = -103, /* path exists, method does not: 405 */
    GK_HTTP_ERATE = -104,   /* login attempts over the limit: 429 */
    GK_HTTP_ENOROUTE = -105 /* no such path: 404 */
};

/* ---- request / response ---------------------------------------------- */

typedef enum { GK_HTTP_GET = 0, GK_HTTP_HEAD, GK_HTTP_POST, GK_HTTP_PUT, GK_HTTP_DELETE, GK_HTTP_OTHER } gk_http_method;

/* A name/value pair; both NUL-terminated, value may hold NULs (len). */
typedef struct {
    const char *name;
    const char *value;
    size_t len;
} gk_http_kv;

/* A growable list of pairs in the request arena. */
typedef struct {
    gk_http_kv *v;
    size_t n;
    size_t cap;
} gk_http_kvs;

/* One part of a multipart/form-data body; slices point into the body. */
typedef struct {
    const char *name;         /* NUL-terminated, arena */
    const char *filename;     /* NULL when the part is not a file */
    const char *content_type; /* NULL when absent */
    const char *data;
    size_t len;
} gk_http_part;

/* A staff session as the router sees it (copied out of the session table). */
typedef struct {
    int64_t user_id;
    char user[64];
    gk_role role;
    char agency[32]; /* "" = all agencies (管理员, 督查 without agency) */
    char csrf[GK_HTTP_TOKEN_LEN + 1];
    char token_hash[65]; /* hex BLAKE2b-256 of the cookie token */
} gk_http_session;

typedef struct gk_http_route gk_http_route;

typedef struct {
    gk_arena arena;
    gk_http_method method;
    const char *method_name;
    const char *path;       /* percent-decoded, NUL-terminated */
    gk_http_kvs headers;    /* names lower-cased */
    gk_http_kvs args;       /* query string, decoded */
    gk_http_kvs form;       /* urlencoded body or the non-file multipart parts */
    gk_http_kvs params;     /* :params of the matched route */
    gk_http_part parts[GK_HTTP_MAX_PARTS];
    size_t nparts;
    const char *body; /* raw body (arena), NUL-terminated */
    size_t body_len;
    char remote[64];  /* client address, for rate limiting */
    bool has_session;
    gk_http_session session;
    const char *csrf_issued; /* anonymous CSRF token set by this response */
    gk_server *srv;   /* application state; NULL only in parser tests */
    const gk_http_route *route;
} gk_http_req;

#define GK_HTTP_RESP_MAX_HEADERS 12

typedef struct {
    int status;                /* 0 until set: 200 */
    const char *content_type;  /* static or arena; NULL = by mode */
    gk_buf body;               /* a raw body, used when view is NULL */
    gk_http_kv headers[GK_HTTP_RESP_MAX_HEADERS];
    size_t nheaders;
    json_t *view;              /* owned; rendered by the route's template or as JSON */
    const char *tmpl;          /* overrides the route's template (e.g. an error page) */
    const char *title;         /* page title (static or arena) */
    gk_arena arena;            /* header strings: they outlive the request */
} gk_http_resp;

void gk_http__resp_init(gk_http_resp *r);
void gk_http__resp_release(gk_http_resp *r);
/* Adds a response header; name and value are copied into the response's
 * arena. GK_ETOOBIG past GK_HTTP_RESP_MAX_HEADERS. */
int gk_http__resp_header(gk_http_resp *r, const char *name, const char *value) GK_WARN_UNUSED;
/* Value of a response header (case-insensitive), or NULL. */
const char *gk_http__resp_get(const gk_http_resp *r, const char *name);

/* Initialises an empty request with its own arena (capped). */
void gk_http__req_init(gk_http_req *req, gk_server *srv);
void gk_http__req_release(gk_http_req *req);

/* ---- request parsing: pure functions (fuzz/fuzz_http_req.c) ----------- */

/* Appends a pair, copying name and value into the arena. */
int gk_http__kvs_add(gk_arena *a, gk_http_kvs *l, const char *name, size_t nlen,
                     const char *value, size_t vlen) GK_WARN_UNUSED;
/* First value of name (exact match; headers are stored lower-case), or NULL. */
const char *gk_http__kvs_get(const gk_http_kvs *l, const char *name);

/* Percent-decodes s[0..n) into the arena; plus_is_space for form bodies.
 * GK_EINVALID on a bad escape, an encoded NUL or invalid UTF-8. */
int gk_http__url_decode(char **out, gk_arena *a, const char *s, size_t n, bool plus_is_space)
    GK_WARN_UNUSED;
/* Parses "a=1&b=%E4%B8%AD" into l (at most GK_HTTP_MAX_FIELDS pairs). */
int gk_http__parse_urlencoded(gk_http_kvs *l, gk_arena *a, const char *s, size_t n) GK_WARN_UNUSED;
/* Sets req->method/method_name, path and args from a method and a request
 * target ("/x?y=1"). GK_EINVALID when the target is not an origin form. */
int gk_http__set_target(gk_http_req *req, const char *method, const char *target) GK_WARN_UNUSED;
/* Parses the body by its Content-Type into req->form / req->parts
 * (urlencoded or multipart/form-data); other types are left to handlers. */
int gk_http__parse_body(gk_http_req *req) GK_WARN_UNUSED;
/* Splits a multipart body with the boundary from content_type. */
int gk_http__parse_multipart(gk_http_req *req, const char *content_type) GK_WARN_UNUSED;
/* Parses a whole HTTP/1.1 request (request line, headers, body by
 * Content-Length) into req: the loopback and fuzz entry point. A body
 * longer than max_body is GK_ETOOBIG. */
int gk_http__parse_request(gk_http_req *req, const char *data, size_t len, size_t max_body)
    GK_WARN_UNUSED;
/* Value of cookie `name` from the Cookie header, arena copy, or NULL. */
const char *gk_http__cookie(gk_http_req *req, const char *name);
/* A form field (body first, then query), or NULL. */
const char *gk_http__field(const gk_http_req *req, const char *name);

/* ---- routing ---------------------------------------------------------- */

typedef int (*gk_http_handler)(gk_http_req *req, gk_http_resp *resp);

typedef enum { GK_ACCESS_PUBLIC = 0, GK_ACCESS_STAFF } gk_http_access;
/* READ changes nothing; WRITE changes state and needs a CSRF token. */
typedef enum { GK_EFFECT_READ = 0, GK_EFFECT_WRITE } gk_http_effect;

struct gk_http_route {
    gk_http_method method;
    const char *pattern;  /* "/api/v1/cases/:id" */
    gk_http_handler fn;
    const char *name;     /* handler name, for logs and tests */
    gk_http_access access;
    unsigned roles;       /* bit (1u << gk_role) per allowed role; staff routes only */
    gk_http_effect effect;
    const char *tmpl;     /* template of the HTML page; NULL = JSON */
};

#define GK_ROLES_ALL ((1u << GK_ROLE_COUNT) - 1)

extern const gk_http_route gk_http__routes[];
extern const size_t gk_http__nroutes;

/* Runs one parsed request through routing, the access check, the CSRF
 * check, the handler and the presentation (template or JSON), and adds the
 * security headers. Always leaves a complete response in resp. */
void gk_http__dispatch(gk_http_req *req, gk_http_resp *resp);
/* Completes a response: default status and type, the security headers
 * of every response, Cache-Control. Called once per response. */
void gk_http__finish(gk_http_req *req, gk_http_resp *resp);
/* Fills resp with the error page / error JSON for error (a gk_error_code or
 * GK_HTTP_E*), using msg or the last error message. */
void gk_http__error(gk_http_req *req, gk_http_resp *resp, int error, const char *msg);
/* The HTTP status of an error code (status.def). */
int gk_http__status_for(int error);
/* A :param of the matched route, or NULL. */
const char *gk_http__param(const gk_http_req *req, const char *name);

/* ---- access control: the one place (access.c) ------------------------- */

/* Checks the route's access and role mask for req's session. */
int gk_http__authorize(const gk_http_req *req, const gk_http_route *route) GK_WARN_UNUSED;
/* True when the session may see records of agency `code` (own agency, or
 * any when the session has no agency). Every handler that loads an
 * agency's record calls this before showing it. */
bool gk_http__agency_allowed(const gk_http_req *req, const char *code);
/* Checks the CSRF token of a state-changing request (form field _csrf or
 * header X-CSRF-Token) against the session's, or against the anonymous
 * gk_csrf cookie when there is no session. */
int gk_http__check_csrf(gk_http_req *req) GK_WARN_UNUSED;
/* Sets *out to the CSRF token forms of this response must carry (arena
 * string); sets the gk_csrf cookie on resp when an anonymous visitor has
 * none yet. Returns 0 or GK_ENOMEM: a page is never served without its
 * token (its forms would fail, or worse, be taken for tampering). */
int gk_http__csrf_token(gk_http_req *req, gk_http_resp *resp, const char **out) GK_WARN_UNUSED;

/* ---- templates (tmpl.c) ---------------------------------------------- */

/* Renders the mustache-subset template src over ctx into out:
 * {{name}} (HTML-escaped), {{{name}}} (raw; trusted renderer output only),
 * {{#name}}…{{/name}} (list: once per item; truthy: once), {{^name}}…{{/name}}
 * (when falsy or empty), {{> partial}}, {{! comment}}, dotted names and {{.}}.
 * Partials are looked up among the embedded assets as "<name>.html".
 * GK_EINVALID on a malformed template (message names the byte offset). */
int gk_tmpl_render(gk_buf *out, const char *src, size_t len, json_t *ctx) GK_WARN_UNUSED;
/* Renders the embedded template `name` ("check.html"). */
int gk_tmpl_render_asset(gk_buf *out, const char *name, json_t *ctx) GK_WARN_UNUSED;
/* Appends s[0..n) HTML-escaped (& < > " ' ` =). */
int gk_html_escape(gk_buf *out, const char *s, size_t n) GK_WARN_UNUSED;

/* ---- embedded assets (assets.c, assets_data.c) ------------------------ */

typedef struct {
    const char *path;  /* relative to web/, e.g. "static/app.css" */
    const unsigned char *data;
    size_t len;
} gk_http_asset;

extern const gk_http_asset gk_http__assets[];
extern const size_t gk_http__nassets;
const gk_http_asset *gk_http__asset_find(const char *path);
/* MIME type from the file extension. */
const char *gk_http__mime_for(const char *path);

/* ---- sessions, users, rate limits (session.c, users.c, ratelimit.c) --- */

typedef struct gk_session_table gk_session_table;
typedef struct gk_ratelimit gk_ratelimit;

/* Sessions live in the store (store.h gk_store_session_*), reached
 * through the calling thread's handle of srv (gk_http__thread_store), so
 * they survive a restart and are shared by every server process on one
 * PostgreSQL database. Expiry is by the wall clock (a restart must not
 * extend or shorten a session). */
int gk_session_table_new(gk_session_table **out, gk_server *srv, unsigned ttl_s) GK_WARN_UNUSED;
void gk_session_table_free(gk_session_table *t);
/* Creates a session for the user; *token_out (arena) is the cookie value.
 * Only the token's hash is kept. */
int gk_session_create(gk_session_table *t, gk_arena *a, const gk_http_session *who,
                      const char **token_out) GK_WARN_UNUSED;
/* Looks up a cookie token; GK_ENOTFOUND when unknown or expired, another
 * error when the store cannot be read (the request is then anonymous). */
int gk_session_lookup(gk_session_table *t, const char *token, gk_http_session *out) GK_WARN_UNUSED;
/* Ends the session with this token hash (logout). */
void gk_session_destroy(gk_session_table *t, const char *token_hash);
/* Test hook: ages every session by s seconds. */
void gk_session_table_age(gk_session_table *t, int64_t s);

/* Login rate limiting: at most `max` failures per key in `window_s`. */
int gk_ratelimit_new(gk_ratelimit **out, unsigned max, unsigned window_s) GK_WARN_UNUSED;
void gk_ratelimit_free(gk_ratelimit *r);
/* True when the key may try again now. */
bool gk_ratelimit_allowed(gk_ratelimit *r, const char *key);
void gk_ratelimit_fail(gk_ratelimit *r, const char *key);
void gk_ratelimit_reset(gk_ratelimit *r, const char *key);

/* A staff account as read from the users table. */
typedef struct {
    int64_t id;
    char name[64];
    gk_role role;
    char agency[32];
    char pwhash[160]; /* crypto_pwhash_str output */
} gk_http_user;

/* Finds an enabled account by name in the store of srv (the calling
 * thread's handle); GK_ENOTFOUND when unknown or disabled. */
int gk_http__user_find(gk_server *srv, const char *name, gk_http_user *out) GK_WARN_UNUSED;
/* Verifies a password against an argon2id hash with bounded concurrency
 * (T11: at most GK_HTTP_PWHASH_SLOTS hashes at once). */
bool gk_http__password_verify(const char *pwhash, const char *password);
int gk_http__password_hash(char *out, size_t outsz, const char *password) GK_WARN_UNUSED;
#define GK_HTTP_PWHASH_SLOTS 2

/* ---- the server's application state ---------------------------------- */

struct gk_server {
    gk_server_opts opts;
    char *listen_addr; /* host part, owned */
    unsigned port;     /* requested, then bound */
    char *db;          /* owned */
    size_t max_body;
    gk_session_table *sessions;
    gk_ratelimit *login_limit;
    struct MHD_Daemon *mhd;
    /* The worker threads' store handles (stores.c). */
    pthread_key_t store_key;
    pthread_mutex_t store_lock;
    struct gk_store **stores;
    size_t nstores;
    bool stores_ready;
};

/* ---- the registers' store of a request (stores.c) -------------------- */

struct gk_store;

/* Audit actor of requests without a session (the public apply form). */
#define GK_HTTP_ACTOR_PUBLIC "网上申请"

/* The one way a handler reaches the registers: *out is the store handle of
 * the calling worker thread, opened on the thread's first request and kept
 * until gk_server_free (no open/close per request; prepared statements
 * stay cached). Its audit actor is set for this request: the signed-in
 * user (req->session.user), or GK_HTTP_ACTOR_PUBLIC without a session.
 * Borrowed for the current request only: never close it, keep it or pass
 * it to another thread; end every transaction you begin (one left open is
 * rolled back after the response). Errors as gk_store_open (the database
 * missing or not initialised); the next request tries again. */
int gk_http__store(gk_http_req *req, struct gk_store **out) GK_WARN_UNUSED;

/* Server plumbing (server.c): creates/destroys the per-thread handles, and
 * rolls back a transaction the calling thread's request left open. */
int gk_http__stores_init(gk_server *s) GK_WARN_UNUSED;
void gk_http__stores_free(gk_server *s);
void gk_http__store_end(gk_server *s);
/* The calling thread's handle of s, opened on first use (*opened, may be
 * NULL, tells), without gk_http__store's per-request reset: for the
 * session and account look-ups, which run outside a handler's request
 * (before routing) or write nothing to the audit trail. */
int gk_http__thread_store(gk_server *s, struct gk_store **out, bool *opened) GK_WARN_UNUSED;

/* In-process request: parses raw (a whole HTTP/1.1 request), dispatches it
 * and leaves the response in resp (caller releases with
 * gk_http__resp_release). The loopback for tests (h2o loopback). */
int gk_http__loopback(gk_server *srv, const char *raw, size_t len, gk_http_resp *resp)
    GK_WARN_UNUSED;

/* Random token of 32 bytes, base64url without padding, into the arena. */
const char *gk_http__random_token(gk_arena *a);

#endif
