/*
 * helpers.h: shared helpers of the screen tests.
 */
#ifndef GK_TEST_SCREEN_HELPERS_H
#define GK_TEST_SCREEN_HELPERS_H

#include "test.h"
#include "gk/screen.h"
#include "gk/errors.h"

/* Screens text with a screener over dict (may be NULL) and writes the
 * findings as "category@start-end" joined by spaces into out. */
int screen_summary(char *out, size_t cap, const char *text, size_t len,
                   const gk_screen_dict *dict, gk_screen_engine engine, size_t window);

#endif
