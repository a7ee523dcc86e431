/*
 * reg_fixture.h: a loopback server over real registers for the register
 * page tests: an agency tree (区政府 GOV with OFFICE, BUR1, BUR2), staff
 * sessions made directly in the session table (no argon2 cost per test),
 * and a fixed today (GK_TODAY) so deadlines are deterministic.
 */
#ifndef GK_REG_FIXTURE_H
#define GK_REG_FIXTURE_H

#include "gk/case.h"
#include "gk/store.h"
#include "http_test.h"

/* The date every register test runs on: Mon 2025-06-16. */
#define RF_TODAY "2025-06-16"

typedef struct {
    ht_server t;
    char sid[128];  /* "gk_sid=…" of the last rf_login */
    char csrf[64];  /* its CSRF token */
    char anon[128]; /* "gk_csrf=…" anonymous cookie pair */
} rf_env;

/* Server, schema, agencies, GK_TODAY. */
int rf_new(rf_env *e);
void rf_free(rf_env *e);
/* A session for a user with this role and agency ("" = all agencies);
 * fills e->sid and e->csrf. */
int rf_login(rf_env *e, const char *user, gk_role role, const char *agency);
/* Registers a case in agency received on `received` (YYYY-MM-DD); copies
 * the tracking code into code. */
int rf_case(rf_env *e, const char *agency, const char *applicant, const char *received,
            char code[GK_TRACKING_CODE_LEN + 1]);
/* Applies an event to a case directly through the store. */
int rf_event(rf_env *e, const char *code, gk_case_event_kind kind, const char *date, int outcome);
/* Gets the anonymous CSRF cookie into e->anon; returns its token. */
const char *rf_anon(rf_env *e);
/* POSTs body with the session cookie (or the anonymous one when sid is
 * empty). */
int rf_post(rf_env *e, gk_http_resp *r, const char *path, const char *body);
/* GET with the session cookie. */
int rf_get(rf_env *e, gk_http_resp *r, const char *path);
/* Appends "&name=value" (value percent-encoded; no "&" when b is empty). */
int rf_pair(gk_buf *b, const char *name, const char *value);
/* The state key of a case as the store has it ("" when not found). */
const char *rf_state(rf_env *e, const char *code);

#endif
