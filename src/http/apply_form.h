/*
 * apply_form.h: the 条例第二十九条 application form shared by the public
 * online application (page_apply.c, which implements these) and the staff
 * intake of applications received in person, by post, by fax or orally
 * (page_intake.c). One set of fields, one set of server-side checks.
 *
 * On a STAFF route the agency choice is limited to the agencies the
 * session may see (gk_page__agencies with the request); on the public
 * form it is every agency of the register.
 */
#ifndef GK_HTTP_APPLY_FORM_H
#define GK_HTTP_APPLY_FORM_H

#include "page_int.h"

/* Fills resp->view with the form's choices (agencies, applicant types,
 * kinds of identity proof, methods and routes), today and the CSRF token;
 * values (may be NULL) preselects what was sent. st may be NULL (no
 * registers: the form says it cannot be used). Sets a default title. */
int gk_page__apply_form(gk_http_req *req, gk_http_resp *resp, gk_store *st, json_t *values)
    GK_WARN_UNUSED;

/* Reads and checks the 第二十九条 fields of the request into c: agency,
 * applicant type and name, proof of identity, contact, the information
 * asked for and the form of delivery. Each problem goes to errors (field →
 * Chinese message), what was sent to values. The composed strings live in
 * bufs[0..4) (caller releases). c gets the online form's channel (网络)
 * and today as its receipt date: a caller registering another channel
 * sets channel, arrival and received afterwards. */
int gk_page__apply_read(gk_http_req *req, gk_store *st, json_t *errors, json_t *values,
                        gk_case *c, gk_buf bufs[4]) GK_WARN_UNUSED;

#endif
