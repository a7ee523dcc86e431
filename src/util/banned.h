/*
 * banned.h: functions that must not be used in gongkai (git banned.h, curl
 * CODE_STYLE). Including it turns a use into a compile error. util/alloc.c
 * defines GK_ALLOW_RAW_ALLOC before including it.
 */
#ifndef GK_UTIL_BANNED_H
#define GK_UTIL_BANNED_H

/* The system headers that declare (and at -O2 define inline) the banned
 * names come first, so a later #include of them is a no-op and never sees
 * the poisoning macros. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define GK_BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) GK_BANNED(strcpy)
#undef strcat
#define strcat(x, y) GK_BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) GK_BANNED(strncpy)
#undef sprintf
#define sprintf(...) GK_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) GK_BANNED(vsprintf)
#undef strtok
#define strtok(x, y) GK_BANNED(strtok)
#undef atoi
#define atoi(x) GK_BANNED(atoi)
#undef atol
#define atol(x) GK_BANNED(atol)
#undef gmtime
#define gmtime(x) GK_BANNED(gmtime)
#undef localtime
#define localtime(x) GK_BANNED(localtime)
#undef ctime
#define ctime(x) GK_BANNED(ctime)
#undef asctime
#define asctime(x) GK_BANNED(asctime)

#ifndef GK_ALLOW_RAW_ALLOC
#undef malloc
#define malloc(n) GK_BANNED(malloc)
#undef calloc
#define calloc(n, s) GK_BANNED(calloc)
#undef realloc
#define realloc(p, n) GK_BANNED(realloc)
#undef free
#define free(p) GK_BANNED(free)
#endif

#endif
