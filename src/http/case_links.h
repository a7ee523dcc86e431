/*
 * case_links.h: the parts of the staff case page that page_case_links.c
 * adds: the split links (一事一申请) and the fee notice with its payment
 * window.
 */
#ifndef GK_HTTP_CASE_LINKS_H
#define GK_HTTP_CASE_LINKS_H

#include "page_int.h"

/* Puts into view "split_from" (the case this one was split from), and
 * "split_into" with "split_count" (the cases it was split into), each
 * {code, tracking_no, state_label}; and "fee_notice" when the case has
 * one: {method, units, amount, notice, due, paid} with "provisional" and
 * "provisional_note" when the payment window was counted without the
 * year's holiday data (store.h gk_case_fee). */
int gk_page__case_links_fee(json_t *view, gk_store *st, const gk_page_case *x) GK_WARN_UNUSED;

#endif
