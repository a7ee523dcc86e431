/*
 * case_util.c: the applicant-facing tracking code, the applicant
 * de-duplication key and the deterministic JSON of a case (the audit
 * trail's before/after images).
 */
#include <errno.h>
#include <sys/random.h>
#include <stdio.h>
#include "util/util.h"
#include "gk/case.h"
#include "gk/report.h"
#include "json_field.h"

/* 30 symbols: digits and upper case without 0/O, 1/I/L and U, so a code
 * read over the phone is not mistaken. Each symbol takes 5 random bits and
 * values 30 and 31 are drawn again (rejection sampling keeps the draw
 * unbiased): 12 symbols carry 12·log2(30) ≈ 59 bits. */
static const char code_alphabet[] = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

int gk_case_tracking_code(char out[GK_TRACKING_CODE_LEN + 1])
{
    unsigned char raw[GK_TRACKING_CODE_LEN];
    size_t got = 0;
    size_t i;

    while (got < sizeof raw) {
        ssize_t r = getrandom(raw + got, sizeof raw - got, 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            gk_error_set(GK_ERRCLASS_OS, "getrandom: %s", strerror(errno));
            return GK_ERROR;
        }
        got += (size_t)r;
    }
    for (i = 0; i < GK_TRACKING_CODE_LEN; i++) {
        unsigned v = raw[i] & 31u;
        while (v >= 30) {
            unsigned char b;
            if (getrandom(&b, 1, 0) != 1) {
                gk_error_set(GK_ERRCLASS_OS, "getrandom: %s", strerror(errno));
                return GK_ERROR;
            }
            v = b & 31u;
        }
        out[i] = code_alphabet[v];
    }
    out[GK_TRACKING_CODE_LEN] = '\0';
    return 0;
}

static bool is_space_or_dash(unsigned char ch)
{
    return ch == ' ' || ch == '\t' || ch == '-' || ch == '\r' || ch == '\n';
}

int gk_applicant_key(gk_buf *b, gk_applicant_type t, const char *name, const char *id)
{
    const char *s;
    int error;

    if (id && *id) {
        error = gk_buf_puts(b, "id:");
        for (s = id; error == 0 && *s; s++) {
            unsigned char ch = (unsigned char)*s;
            if (is_space_or_dash(ch))
                continue;
            if (ch >= 'a' && ch <= 'z')
                ch = (unsigned char)(ch - 'a' + 'A');
            error = gk_buf_putc(b, (char)ch);
        }
        return error;
    }
    error = gk_buf_printf(b, "name:%s:", gk_applicant_type_key(t) ? gk_applicant_type_key(t) : "?");
    for (s = name ? name : ""; error == 0 && *s; s++)
        if (*s != ' ' && *s != '\t')
            error = gk_buf_putc(b, *s);
    return error;
}

int gk_case_to_json(gk_buf *b, const gk_case *c)
{
    size_t i;
    int error;

    error = gk_buf_printf(b, "{\"id\":%lld,", (long long)c->id);
    if (error == 0)
        error = gk__json_str(b, "agency", c->agency);
    if (error == 0)
        error = gk__json_str(b, "tracking_no", c->tracking_no);
    if (error == 0)
        error = gk__json_str(b, "tracking_code", c->tracking_code);
    if (error == 0)
        error = gk__json_str(b, "applicant_type", gk_applicant_type_key(c->applicant_type));
    if (error == 0)
        error = gk__json_str(b, "applicant", c->applicant);
    if (error == 0)
        error = gk__json_str(b, "applicant_id", c->applicant_id);
    if (error == 0)
        error = gk__json_str(b, "contact", c->contact);
    if (error == 0)
        error = gk__json_str(b, "description", c->description);
    if (error == 0)
        error = gk__json_str(b, "form", c->form);
    if (error == 0)
        error = gk__json_str(b, "channel", gk_channel_key(c->channel));
    if (error == 0)
        error = gk__json_date(b, "arrival", c->arrival);
    if (error == 0)
        error = gk__json_date(b, "received", c->received);
    if (error == 0)
        error = gk__json_str(b, "state", gk_case_state_key(c->state));
    if (error == 0)
        error = gk__json_date(b, "clock_start", c->clock_start);
    /* The legal date of the last event (its ev->date): the audit trail's
     * after-image thus records the date each event took effect, beside
     * the time it was written. */
    if (error == 0)
        error = gk__json_date(b, "last_event", c->last_event);
    if (error == 0)
        error = gk__json_date(b, "correction_notice", c->correction_notice);
    if (error == 0)
        error = gk_buf_printf(b, "\"ext_days\":%d,", c->ext_days);
    if (error == 0)
        error = gk__json_str(b, "ext_approver", c->ext_approver);
    if (error == 0)
        error = gk__json_date(b, "deferred_to", c->deferred_to);
    if (error == 0)
        error = gk_buf_printf(b, "\"fee_yuan\":%lld,\"pauses\":[", (long long)c->fee_yuan);
    for (i = 0; error == 0 && i < c->npauses; i++) {
        char f[GK_DATE_BUFSZ], t[GK_DATE_BUFSZ];
        bool open = c->pause_open && i + 1 == c->npauses;
        error = gk_buf_printf(b, "%s{\"from\":\"%s\",\"to\":%s%s%s,\"reason\":%d}", i ? "," : "",
                              gk_date_format(f, c->pauses[i].from), open ? "" : "\"",
                              open ? "null" : gk_date_format(t, c->pauses[i].to), open ? "" : "\"",
                              (int)c->pauses[i].reason);
    }
    if (error == 0)
        error = gk_buf_puts(b, "],");
    if (error == 0)
        error = gk__json_str(b, "outcome", c->outcome >= 0 ? gk_t3_row_key(c->outcome) : "");
    if (error == 0)
        error = gk__json_date(b, "concluded", c->concluded);
    if (error == 0) {
        b->len--; /* the trailing comma of the last field */
        error = gk_buf_puts(b, "}");
    }
    return error;
}
