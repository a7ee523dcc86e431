/*
 * keytab.c: string-keyed lookups in static tables (keytab.h).
 */
#include "keytab.h"

static const char *at(const void *table, size_t size, size_t offset, size_t i)
{
    const char *row = (const char *)table + i * size;
    const char *s;

    memcpy(&s, row + offset, sizeof s);
    return s;
}

const char *gk__keytab_get(const void *table, size_t n, size_t size, size_t offset, int i)
{
    return i >= 0 && (size_t)i < n ? at(table, size, offset, (size_t)i) : NULL;
}

int gk__keytab_find(const void *table, size_t n, size_t size, size_t offset, const char *s,
                    size_t len)
{
    size_t i;

    for (i = 0; i < n; i++) {
        const char *k = at(table, size, offset, i);

        if (k && strlen(k) == len && !memcmp(k, s, len))
            return (int)i;
    }
    return -1;
}
