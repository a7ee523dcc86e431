/*
 * bench_screen.c: throughput of gongkai's screener over generated
 * official-style Chinese text with planted IDs, mobiles, bank cards, e-mails,
 * bad-checksum IDs and dictionary words at known offsets, with a 10,000-word
 * dictionary and every detector on (issue 5). Beside it, the floor: a plain
 * read() of the same file. Every run checks precision and recall on the
 * planted items (must be 100%).
 *
 *   bench_screen [--size MB] [--reps N] [--dir DIR] [--engine ac|hs]
 *       writes DIR/corpus.txt and DIR/words.txt (for the npm comparison),
 *       then times read() and screening of the file, N repetitions;
 *   bench_screen --stream GB
 *       generates GB gigabytes on the fly into the stream (never stored),
 *       checks every planted item, and reports throughput and max RSS.
 *
 * Build and run with bench/screen/run.sh (Release build of libgk).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include "gk/screen.h"
#include "gk/buf.h"
#include "gk/errors.h"

#define NWORDS 10000

/* ---- deterministic generator ---------------------------------------- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rnd64(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static unsigned rnd(unsigned n)
{
    return (unsigned)(rnd64() % n);
}

static const char *const filler[] = {
    "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。",
    "全年主动公开政府信息，及时回应社会关切，不断提升政务公开质量和实效。",
    "依法依规办理政府信息公开申请，严格按照法定期限答复，切实保障申请人合法权益。",
    "加强政府网站和政务新媒体建设，优化栏目设置，提升信息发布的规范性和时效性。",
    "下一步，将进一步健全公开工作机制，强化保密审查，确保公开内容准确无误。",
    "二〇二四年度共收到申请二十七件，其中当面申请三件，网络申请二十四件。\n",
    "围绕重点领域信息公开，做好财政预决算、重大建设项目和公共资源配置信息公开。\n",
};

static const char *const cues[] = {"身份证号", "联系电话", "银行卡号", "电子邮箱", "证号"};

typedef struct {
    uint64_t start, end;
    int category;
} truth;

typedef struct {
    char words[NWORDS][16];
    size_t nwords;
    uint64_t off; /* bytes generated so far */
    truth *ring;  /* planted items not yet matched */
    size_t rhead, rtail, rcap;
} gen;

static bool in_set(const unsigned char *set, uint32_t cp)
{
    return set[cp >> 3] & (1u << (cp & 7));
}

static void mark(unsigned char *set, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        if (u[0] >= 0xE0 && u[0] < 0xF0) {
            uint32_t cp =
                ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
            set[cp >> 3] |= (unsigned char)(1u << (cp & 7));
            u += 3;
        } else {
            u++;
        }
    }
}

static void put_cp(char *o, uint32_t cp)
{
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
}

/* A set of byte strings of 9 or 12 bytes (3 or 4 ideographs), open
 * addressing: replaces a quadratic strstr() over all words, which took
 * seconds and dominated profiles of the benchmark. */
#define KSET_CAP (1u << 16)
static char kset[KSET_CAP][13];

static size_t kset_slot(const char *k)
{
    uint64_t h = 1469598103934665603ull;
    size_t i = 0, slot;
    for (; k[i]; i++)
        h = (h ^ (unsigned char)k[i]) * 1099511628211ull;
    slot = (size_t)(h & (KSET_CAP - 1));
    while (kset[slot][0] && strcmp(kset[slot], k))
        slot = (slot + 1) & (KSET_CAP - 1);
    return slot;
}

static bool kset_has(const char *k)
{
    return kset[kset_slot(k)][0] != 0;
}

static void kset_add(const char *k)
{
    memcpy(kset[kset_slot(k)], k, strlen(k) + 1);
}

/* True when w (3 or 4 ideographs) contains or is contained in a word taken
 * so far. UTF-8 ideographs cannot match at a misaligned offset, so only the
 * word itself and, for 4-ideograph words, its two 3-ideograph substrings need
 * checking: the set holds every word and (marked with a leading 'S') every
 * 3-ideograph substring of a 4-ideograph word. */
static bool word_clashes(const char *w, size_t n)
{
    char sub[14];
    size_t j;
    if (kset_has(w))
        return true;
    if (n == 3) {
        sub[0] = 'S';
        memcpy(sub + 1, w, 10);
        return kset_has(sub);
    }
    for (j = 0; j < 2; j++) {
        memcpy(sub, w + 3 * j, 9);
        sub[9] = '\0';
        if (kset_has(sub))
            return true;
    }
    return false;
}

static void word_take(const char *w, size_t n)
{
    char sub[14];
    size_t j;
    kset_add(w);
    if (n == 4)
        for (j = 0; j < 2; j++) {
            sub[0] = 'S';
            memcpy(sub + 1, w + 3 * j, 9);
            sub[10] = '\0';
            kset_add(sub);
        }
}

/* 10,000 words of 3 or 4 ideographs that never occur in the filler or the
 * cues, and no word inside another, so every hit is a planted one. */
static void make_words(gen *g)
{
    static unsigned char used[0x10000 / 8];
    size_t i;

    for (i = 0; i < sizeof filler / sizeof *filler; i++)
        mark(used, filler[i]);
    for (i = 0; i < sizeof cues / sizeof *cues; i++)
        mark(used, cues[i]);
    g->nwords = 0;
    while (g->nwords < NWORDS) {
        char *w = g->words[g->nwords];
        size_t n = g->nwords < NWORDS / 2 ? 3 : 4, j;
        bool bad = false;
        for (j = 0; j < n; j++) {
            uint32_t cp;
            do
                cp = 0x4E00 + rnd(0x9FA5 - 0x4E00);
            while (in_set(used, cp));
            put_cp(w + 3 * j, cp);
        }
        w[3 * n] = '\0';
        bad = word_clashes(w, n);
        if (!bad) {
            word_take(w, n);
            g->nwords++;
        }
    }
}

static void plant(gen *g, uint64_t start, size_t len, int cat)
{
    if (g->rtail - g->rhead == g->rcap) {
        fprintf(stderr, "truth ring full\n");
        exit(1);
    }
    g->ring[g->rtail % g->rcap] = (truth){start, start + len, cat};
    g->rtail++;
}

static void id18(char *o, bool good)
{
    static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char c[] = "10X98765432";
    int sum = 0, i;

    snprintf(o, 19, "3501%02u19%02u%02u%02u%03u", 1 + rnd(9), 50 + rnd(50), 1 + rnd(12),
             1 + rnd(28), rnd(1000));
    for (i = 0; i < 17; i++)
        sum += (o[i] - '0') * w[i];
    o[17] = c[sum % 11];
    if (!good)
        o[17] = o[17] == '0' ? '1' : (o[17] == 'X' ? '2' : (char)(o[17] == '9' ? '0' : o[17] + 1));
    o[18] = '\0';
}

static void card19(char *o)
{
    int i, sum = 0;

    memcpy(o, "62", 2);
    for (i = 2; i < 18; i++)
        o[i] = (char)('0' + rnd(10));
    for (i = 0; i < 18; i++) {
        int d = o[17 - i] - '0';
        if (i % 2 == 0) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    o[18] = (char)('0' + (10 - sum % 10) % 10);
    o[19] = '\0';
}

/* Appends about `want` bytes of text to out, recording planted items. */
static int gen_chunk(gen *g, gk_buf *out, size_t want)
{
    size_t stop = out->len + want;
    int rc = 0;

    while (out->len < stop && rc == 0) {
        const char *f = filler[rnd(sizeof filler / sizeof *filler)];
        char item[64];
        int cat = -1;
        const char *cue = NULL;
        size_t before = out->len;

        rc = gk_buf_puts(out, f);
        g->off += out->len - before;
        /* About one planted item per 1.5 KB of text. */
        switch (rnd(100) < 88 ? 7 : rnd(8)) {
        case 0:
            cue = "身份证号";
            id18(item, true);
            cat = GK_SCREEN_ID_CARD;
            break;
        case 1:
            cue = "证号";
            id18(item, false);
            cat = GK_SCREEN_ID_CARD_BAD_CHECKSUM;
            break;
        case 2:
            cue = "联系电话";
            snprintf(item, sizeof item, "%s%08u",
                     (const char *const[]){"138", "139", "150", "186", "177", "199", "135"}[rnd(7)],
                     rnd(100000000));
            cat = GK_SCREEN_MOBILE;
            break;
        case 3:
            cue = "银行卡号";
            card19(item);
            cat = GK_SCREEN_BANK_CARD;
            break;
        case 4:
            cue = "电子邮箱";
            snprintf(item, sizeof item, "user%u@example.com", rnd(1000000));
            cat = GK_SCREEN_EMAIL;
            break;
        case 5:
        case 6:
            cue = "";
            snprintf(item, sizeof item, "%s", g->words[rnd((unsigned)g->nwords)]);
            cat = GK_SCREEN_WORD;
            break;
        default:
            break;
        }
        if (cat >= 0 && rc == 0) {
            before = out->len;
            rc = gk_buf_printf(out, "%s%s，", cue, item);
            plant(g, g->off + strlen(cue), strlen(item), cat);
            g->off += out->len - before;
        }
    }
    return rc;
}

/* ---- checking findings against the planted items ------------------------ */

typedef struct {
    gen *g;
    uint64_t tp, fp, fn;
} check;

static int on_finding(const gk_screen_finding *f, void *ud)
{
    check *c = ud;
    gen *g = c->g;

    while (g->rhead < g->rtail && g->ring[g->rhead % g->rcap].start < f->start) {
        c->fn++;
        g->rhead++;
    }
    if (g->rhead < g->rtail) {
        const truth *t = &g->ring[g->rhead % g->rcap];
        if (t->start == f->start && t->end == f->end && t->category == (int)f->category) {
            c->tp++;
            g->rhead++;
            return 0;
        }
    }
    if (c->fp < 5)
        fprintf(stderr, "unexpected: %s at %llu: %.*s\n", gk_screen_category_name(f->category),
                (unsigned long long)f->start, (int)f->text.len, f->text.ptr);
    c->fp++;
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of this thread: the shared 2-core machine is often loaded by
 * other jobs, so wall time alone over-states the cost. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long max_rss_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static void report(const char *name, const double *t, const double *cpu, int n, double mb)
{
    double cmin = cpu[0];
    double mean = 0, sd = 0, lo = t[0], hi = t[0];
    int i;

    for (i = 0; i < n; i++) {
        mean += t[i] / n;
        lo = t[i] < lo ? t[i] : lo;
        hi = t[i] > hi ? t[i] : hi;
    }
    for (i = 0; i < n; i++) {
        sd += (t[i] - mean) * (t[i] - mean) / (n > 1 ? n - 1 : 1);
        cmin = cpu[i] < cmin ? cpu[i] : cmin;
    }
    sd = sqrt(sd);
    printf("%-26s %7.3f s ± %.3f  (%.3f … %.3f)  %8.1f MB/s wall, %8.1f MB/s best CPU\n", name,
           mean, sd, lo, hi, mb / mean, mb / cmin);
}

static int write_all(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len) {
        fprintf(stderr, "cannot write %s: %s\n", path, strerror(errno));
        if (f)
            fclose(f);
        return -1;
    }
    return fclose(f);
}

static gk_screen *build(gen *g, gk_screen_engine engine, const char *dir)
{
    gk_buf words = GK_BUF_INIT;
    gk_screen_dict *d = NULL;
    gk_screen *s = NULL;
    gk_screen_options o = {engine, 0};
    char path[4096];
    size_t i;
    double t0 = now();

    for (i = 0; i < g->nwords; i++)
        if (gk_buf_printf(&words, "%s\n", g->words[i]) < 0)
            exit(1);
    if (dir) {
        snprintf(path, sizeof path, "%s/words.txt", dir);
        if (write_all(path, words.ptr, words.len) < 0)
            exit(1);
    }
    if (gk_screen_dict_new(&d) < 0 ||
        gk_screen_dict_add_words(d, words.ptr, words.len, "bench") < 0 ||
        gk_screen_new(&s, d, &o) < 0) {
        fprintf(stderr, "build: %s\n", gk_error_last()->message);
        exit(1);
    }
    printf("dictionary: %zu words, engine %s, compiled in %.2f s\n", g->nwords,
           gk_screen_engine_name(s), now() - t0);
    gk_buf_release(&words);
    /* The dictionary must outlive the screener: kept for the process. */
    return s;
}

static int run_stream(gen *g, gk_screen *s, double gb)
{
    gk_buf chunk = GK_BUF_INIT;
    gk_screen_stream *st = NULL;
    check c = {g, 0, 0, 0};
    uint64_t total = (uint64_t)(gb * 1024 * 1024 * 1024), done = 0;
    double screen_time = 0, t;

    if (gk_screen_stream_new(&st, s, on_finding, &c) < 0)
        return 1;
    while (done < total) {
        gk_buf_clear(&chunk);
        if (gen_chunk(g, &chunk, 1 << 20) < 0)
            return 1;
        t = cpu_now();
        if (gk_screen_stream_feed(st, chunk.ptr, chunk.len) < 0)
            return 1;
        screen_time += cpu_now() - t;
        done += chunk.len;
    }
    t = cpu_now();
    if (gk_screen_stream_finish(st) < 0)
        return 1;
    screen_time += cpu_now() - t;
    c.fn += g->rtail - g->rhead;
    printf("streamed %.2f GB: %.1f MB/s screening (CPU time), max RSS %ld KiB\n",
           (double)done / 1e9, (double)done / 1e6 / screen_time, max_rss_kib());
    printf("planted items: %llu found, %llu missed, %llu unexpected\n", (unsigned long long)c.tp,
           (unsigned long long)c.fn, (unsigned long long)c.fp);
    gk_screen_stream_free(st);
    gk_buf_release(&chunk);
    return c.fn || c.fp;
}

int main(int argc, char **argv)
{
    static gen g;
    size_t mb = 64;
    int reps = 3, i, fail = 0;
    const char *dir = ".";
    double stream_gb = 0;
    gk_screen_engine engine = GK_SCREEN_ENGINE_AUTO;
    gk_buf corpus = GK_BUF_INIT;
    gk_screen *s;
    char path[4096];
    double times[16], cpu[16];
    static char rbuf[1 << 20];

    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--size") && i + 1 < argc)
            mb = (size_t)strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
            reps = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--dir") && i + 1 < argc)
            dir = argv[++i];
        else if (!strcmp(argv[i], "--stream") && i + 1 < argc)
            stream_gb = strtod(argv[++i], NULL);
        else if (!strcmp(argv[i], "--engine") && i + 1 < argc)
            engine = !strcmp(argv[++i], "ac") ? GK_SCREEN_ENGINE_AC : GK_SCREEN_ENGINE_HS;
        else {
            fprintf(stderr, "usage: bench_screen [--size MB] [--reps N] [--dir DIR] "
                            "[--engine ac|hs] | --stream GB\n");
            return 2;
        }
    }
    if (reps < 1 || reps > 16)
        reps = 3;
    /* Planted items wait here until found: at most one window's worth when
     * streaming, the whole corpus (about one per 1.5 KB) for the file run. */
    g.rcap = stream_gb > 0 ? (size_t)1 << 16 : (mb << 20) / 512 + 1024;
    g.ring = calloc(g.rcap, sizeof *g.ring);
    make_words(&g);
    if (stream_gb > 0) {
        s = build(&g, engine, NULL);
        return run_stream(&g, s, stream_gb);
    }
    s = build(&g, engine, dir);
    corpus.max = (size_t)4 << 30;
    if (gen_chunk(&g, &corpus, mb << 20) < 0)
        return 1;
    snprintf(path, sizeof path, "%s/corpus.txt", dir);
    if (write_all(path, corpus.ptr, corpus.len) < 0)
        return 1;
    printf("corpus: %s, %.1f MB, %zu planted items\n", path, (double)corpus.len / 1e6,
           g.rtail - g.rhead);

    /* The floor: read() the same bytes through the page cache. */
    for (i = 0; i < reps; i++) {
        int fd = open(path, O_RDONLY);
        ssize_t n;
        unsigned sum = 0;
        double t = now(), c0 = cpu_now();
        while ((n = read(fd, rbuf, sizeof rbuf)) > 0)
            sum += (unsigned char)rbuf[n - 1];
        times[i] = now() - t;
        cpu[i] = cpu_now() - c0;
        close(fd);
        if (sum == 42)
            printf(" ");
    }
    report("read() of the file", times, cpu, reps, (double)corpus.len / 1e6);

    /* Screening the file as gongkai screen does: read() + stream. */
    for (i = 0; i < reps; i++) {
        size_t saved_head = g.rhead;
        check c = {&g, 0, 0, 0};
        gk_screen_stream *st = NULL;
        int fd = open(path, O_RDONLY);
        ssize_t n;
        double t = now(), c0 = cpu_now();
        if (gk_screen_stream_new(&st, s, on_finding, &c) < 0)
            return 1;
        while ((n = read(fd, rbuf, sizeof rbuf)) > 0)
            if (gk_screen_stream_feed(st, rbuf, (size_t)n) < 0)
                return 1;
        if (gk_screen_stream_finish(st) < 0)
            return 1;
        times[i] = now() - t;
        cpu[i] = cpu_now() - c0;
        close(fd);
        gk_screen_stream_free(st);
        c.fn += g.rtail - g.rhead;
        if (i == 0)
            printf("planted items: %llu found, %llu missed, %llu unexpected (precision and "
                   "recall %s)\n",
                   (unsigned long long)c.tp, (unsigned long long)c.fn, (unsigned long long)c.fp,
                   c.fn || c.fp ? "NOT 100%" : "100%");
        fail |= c.fn || c.fp;
        g.rhead = saved_head;
    }
    report("gongkai screen (all on)", times, cpu, reps, (double)corpus.len / 1e6);
    printf("max RSS %ld KiB\n", max_rss_kib());
    gk_buf_release(&corpus);
    gk_screen_free(s);
    return fail;
}
