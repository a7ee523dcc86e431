/*
 * pg_util.c: the helpers the files of the PostgreSQL backend share
 * (pg_int.h): prepared statements of pg_stmts.def, errors, text
 * parameters, columns and the agency lookup.
 */
#ifdef GK_WITH_PG

#include <stdio.h>
#include "util/util.h"
#include "pg_int.h"

static const struct {
    const char *name; /* the server-side prepared statement's name */
    const char *sql;
} stmts[STMT_MAX] = {
#define STMT(name, sql) [STMT_##name] = {"gk_" #name, sql},
#include "pg_stmts.def"
#undef STMT
};

/* SQLSTATE of unique_violation. */
#define SQLSTATE_UNIQUE "23505"


gk_pg_store *gk_pg_downcast(gk_store *st, const char *method)
{
    if (st->be != &gk_store_backend_pg)
        GK_BUG("%s: store is not pg", method);
    return (gk_pg_store *)st;
}

/* libpq's messages end with a newline (and may have several lines, the
 * second a hint); keep them on one line for the CLI. */
void gk_pg_set_error(const char *what, const char *msg)
{
    char buf[512];
    size_t n, i;

    snprintf(buf, sizeof buf, "%s", msg && *msg ? msg : "unknown error");
    n = strlen(buf);
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
        buf[--n] = '\0';
    for (i = 0; i < n; i++)
        if (buf[i] == '\n' || buf[i] == '\t')
            buf[i] = ' ';
    gk_error_set(GK_ERRCLASS_STORE, "%s: %s", what, buf);
}

/* Sets the error from a failed result (or the connection when res is
 * NULL) and maps it: a uniqueness violation is GK_EEXISTS, anything else
 * (including a lost connection) GK_EBACKEND. */
int gk_pg_error(gk_pg_store *s, const PGresult *res, const char *what)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

    if (PQstatus(s->conn) == CONNECTION_BAD)
        gk_pg_set_error(what, "与 PostgreSQL 服务器的连接已断开");
    else
        gk_pg_set_error(what, res ? PQresultErrorMessage(res) : PQerrorMessage(s->conn));
    if (state && !strcmp(state, SQLSTATE_UNIQUE))
        return GK_EEXISTS;
    return GK_EBACKEND;
}

/* ---------------------------------------------------------- parameters */


void gk_pg_text(gk_pg_params *p, const char *s)
{
    if (p->n >= MAX_PARAMS)
        GK_BUG("more than %d parameters", MAX_PARAMS);
    p->v[p->n++] = s;
}

void gk_pg_i64(gk_pg_params *p, int64_t x)
{
    snprintf(p->num[p->n], sizeof p->num[0], "%lld", (long long)x);
    gk_pg_text(p, p->num[p->n]);
}

void gk_pg_bool(gk_pg_params *p, bool b)
{
    gk_pg_text(p, b ? "true" : "false");
}

void gk_pg_date(gk_pg_params *p, gk_date d)
{
    if (gk_date_valid(d))
        gk_pg_text(p, gk_date_format(p->num[p->n], d));
    else
        gk_pg_text(p, NULL);
}

/*
 * Runs statement id with the parameters, preparing it on first use.
 * *out receives the result (caller clears it with PQclear) when the
 * statement succeeded; on failure it is NULL and the error is set.
 */
int gk_pg_run(PGresult **out, gk_pg_store *s, int id, const gk_pg_params *p, const char *what)
{
    PGresult *res;
    ExecStatusType st;
    int error;

    *out = NULL;
    if (!s->prepared[id]) {
        res = PQprepare(s->conn, stmts[id].name, stmts[id].sql, 0, NULL);
        if (!res || PQresultStatus(res) != PGRES_COMMAND_OK) {
            error = gk_pg_error(s, res, what);
            PQclear(res);
            return error;
        }
        PQclear(res);
        s->prepared[id] = true;
    }
    res = PQexecPrepared(s->conn, stmts[id].name, p ? p->n : 0, p ? p->v : NULL, NULL, NULL, 0);
    st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        error = gk_pg_error(s, res, what);
        PQclear(res);
        return error;
    }
    *out = res;
    return 0;
}

/* run() for statements whose rows, if any, are not needed. */
int gk_pg_run_done(gk_pg_store *s, int id, const gk_pg_params *p, const char *what)
{
    PGresult *res;
    int error = gk_pg_run(&res, s, id, p, what);

    PQclear(res);
    return error;
}

/* ------------------------------------------------------------- columns */

const char *gk_pg_col_text(const PGresult *res, int row, int col)
{
    return PQgetvalue(res, row, col); /* "" for NULL */
}

int64_t gk_pg_col_i64(const PGresult *res, int row, int col)
{
    const char *t = PQgetvalue(res, row, col);
    int64_t v = 0;

    if (gk__parse_i64(t, strlen(t), &v) < 0) {
        gk_error_clear();
        v = 0;
    }
    return v;
}

bool gk_pg_col_bool(const PGresult *res, int row, int col)
{
    return PQgetvalue(res, row, col)[0] == 't';
}

gk_date gk_pg_col_date(const PGresult *res, int row, int col)
{
    const char *t = PQgetvalue(res, row, col);
    gk_date d = {0, 0, 0};

    if (*t && gk_date_parse(&d, t, strlen(t)) < 0) {
        gk_error_clear();
        d.y = d.m = d.d = 0;
    }
    return d;
}

int gk_pg_agency_id(gk_pg_store *s, const char *code, int64_t *id_out)
{
    PGresult *res;
    gk_pg_params p = {0};
    int error;

    gk_pg_text(&p, code);
    error = gk_pg_run(&res, s, STMT_AGENCY_ID, &p, "agency");
    if (error < 0)
        return error;
    if (PQntuples(res) == 0) {
        gk_error_set(GK_ERRCLASS_STORE, "机关代码 '%s' 不存在", code);
        error = GK_ENOTFOUND;
    } else {
        *id_out = gk_pg_col_i64(res, 0, 0);
    }
    PQclear(res);
    return error;
}


#else

/* ISO C forbids an empty translation unit. */
typedef int gk_store_pg_util_not_built;

#endif

int gk_pg_year_params(gk_pg_params *p, gk_pg_store *s, int year, const char *agency)
{
    int64_t agency_row = 0;
    int error;

    if (agency) {
        error = gk_pg_agency_id(s, agency, &agency_row);
        if (error < 0)
            return error;
    }
    gk_pg_date(p, (gk_date){year, 1, 1});
    gk_pg_date(p, (gk_date){year, 12, 31});
    if (agency)
        gk_pg_i64(p, agency_row);
    else
        gk_pg_text(p, NULL);
    return 0;
}
