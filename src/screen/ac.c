/*
 * ac.c: a compact Aho-Corasick automaton over bytes: the portable fallback
 * of the Vectorscan engine and the oracle the tests compare it against.
 *
 * Built breadth-first from the sorted patterns, so the children of a node
 * are consecutive node ids with increasing labels (binary search, about 20
 * bytes per node instead of a 1 KiB table); the root alone has a dense table.
 * Reports every occurrence of every pattern (overlaps included) as
 * (pattern id, end offset).
 */
#include <stdlib.h>
#include "screen_int.h"

#define NONE UINT32_MAX

typedef struct {
    uint32_t first; /* id of the first child */
    uint32_t fail;
    uint32_t out;   /* first pattern ending here, or NONE */
    uint32_t dict;  /* nearest node on the fail chain with out != NONE */
    uint16_t nchild;
    uint8_t label;  /* byte on the edge into this node */
} ac_node;

struct gk_screen_ac {
    ac_node *nodes;
    size_t nnodes;
    uint32_t *next_out; /* next pattern with the same bytes, or NONE */
    uint32_t root[256];
};

/* qsort has no context argument, so sort (bytes, len, id) triples. */
typedef struct {
    const char *bytes;
    uint32_t len, id;
} sort_item;

static int cmp_item(const void *a, const void *b)
{
    const sort_item *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->bytes, y->bytes, n);

    if (c)
        return c;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    return x->id < y->id ? -1 : 1;
}

/* Child of node v labelled b, or NONE. */
static uint32_t child(const gk_screen_ac *ac, uint32_t v, unsigned b)
{
    uint32_t lo = ac->nodes[v].first, hi = lo + ac->nodes[v].nchild;

    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        unsigned l = ac->nodes[mid].label;
        if (l == b)
            return mid;
        if (l < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NONE;
}

static uint32_t step(const gk_screen_ac *ac, uint32_t v, unsigned b)
{
    for (;;) {
        uint32_t c;
        if (v == 0)
            return ac->root[b];
        c = child(ac, v, b);
        if (c != NONE)
            return c;
        v = ac->nodes[v].fail;
    }
}

typedef struct {
    uint32_t node, lo, hi, depth; /* sorted pattern range sharing the prefix */
} bfs_item;

int gk_screen__ac_build(gk_screen_ac **out, const gk_screen_entry *e, size_t n)
{
    gk_screen_ac *ac = NULL;
    sort_item *order = NULL;
    bfs_item *queue = NULL;
    size_t total = 1, i, qh = 0, qt = 0, cap_nodes;
    int rc = 0;

    *out = NULL;
    if (n >= NONE / 2)
        return gk_error_set(GK_ERRCLASS_SCREEN, "词条过多"), GK_ETOOBIG;
    for (i = 0; i < n; i++)
        total += e[i].len;
    cap_nodes = total;
    ac = gk_calloc(1, sizeof *ac);
    order = gk_malloc((n ? n : 1) * sizeof *order);
    queue = gk_malloc(cap_nodes * sizeof *queue);
    if (!ac || !order || !queue) {
        rc = gk__oom();
        goto done;
    }
    ac->nodes = gk_calloc(cap_nodes, sizeof *ac->nodes);
    ac->next_out = gk_malloc((n ? n : 1) * sizeof *ac->next_out);
    if (!ac->nodes || !ac->next_out) {
        rc = gk__oom();
        goto done;
    }
    for (i = 0; i < n; i++) {
        order[i].bytes = e[i].bytes;
        order[i].len = e[i].len;
        order[i].id = (uint32_t)i;
        ac->next_out[i] = NONE;
    }
    qsort(order, n, sizeof *order, cmp_item);

    /* Breadth-first: node ids are handed out in BFS order, so each node's
     * children are consecutive. */
    ac->nnodes = 1;
    ac->nodes[0].out = NONE;
    ac->nodes[0].dict = NONE;
    queue[qt++] = (bfs_item){0, 0, (uint32_t)n, 0};
    while (qh < qt) {
        bfs_item it = queue[qh++];
        ac_node *v = &ac->nodes[it.node];
        uint32_t k = it.lo, last = NONE;

        /* Patterns that end at this node (sorted first: shortest). */
        while (k < it.hi && order[k].len == it.depth) {
            if (last == NONE)
                v->out = order[k].id;
            else
                ac->next_out[last] = order[k].id;
            last = order[k].id;
            k++;
        }
        v->first = (uint32_t)ac->nnodes;
        while (k < it.hi) {
            unsigned b = (unsigned char)order[k].bytes[it.depth];
            uint32_t lo = k, c = (uint32_t)ac->nnodes++;
            while (k < it.hi && (unsigned char)order[k].bytes[it.depth] == b)
                k++;
            ac->nodes[c].label = (uint8_t)b;
            ac->nodes[c].out = NONE;
            ac->nodes[c].dict = NONE;
            ac->nodes[it.node].nchild++;
            queue[qt++] = (bfs_item){c, lo, k, it.depth + 1};
        }
    }
    for (i = 0; i < 256; i++)
        ac->root[i] = 0;
    for (i = 0; i < ac->nodes[0].nchild; i++) {
        uint32_t c = ac->nodes[0].first + (uint32_t)i;
        ac->root[ac->nodes[c].label] = c;
    }
    /* Fail and dictionary links in BFS order (= node id order), so a
     * node's fail link is final before its children use it. The root's
     * children keep fail = 0 (calloc) and dict = NONE. */
    for (i = 1; i < ac->nnodes; i++) {
        const ac_node *v = &ac->nodes[i];
        uint32_t c;
        for (c = v->first; c < v->first + v->nchild; c++) {
            ac_node *cn = &ac->nodes[c];
            cn->fail = step(ac, v->fail, cn->label);
            cn->dict = ac->nodes[cn->fail].out != NONE ? cn->fail : ac->nodes[cn->fail].dict;
        }
    }
    *out = ac;
    ac = NULL;
done:
    gk_free(order);
    gk_free(queue);
    gk_screen__ac_free(ac);
    return rc;
}

void gk_screen__ac_free(gk_screen_ac *ac)
{
    if (!ac)
        return;
    gk_free(ac->nodes);
    gk_free(ac->next_out);
    gk_free(ac);
}

int gk_screen__ac_scan(const gk_screen_ac *ac, const char *text, size_t len, gk_screen_lit_cb cb,
                       void *ud)
{
    const unsigned char *s = (const unsigned char *)text;
    uint32_t v = 0;
    size_t i;

    for (i = 0; i < len; i++) {
        uint32_t o;
        v = step(ac, v, s[i]);
        o = ac->nodes[v].out != NONE ? v : ac->nodes[v].dict;
        while (o != NONE) {
            uint32_t p;
            for (p = ac->nodes[o].out; p != NONE; p = ac->next_out[p]) {
                int rc = cb(p, i + 1, ud);
                if (rc)
                    return rc;
            }
            o = ac->nodes[o].dict;
        }
    }
    return 0;
}
