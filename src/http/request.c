/*
 * request.c: request parsing as pure functions over bytes: the request
 * target, query strings and urlencoded bodies, multipart/form-data, cookies
 * and, for the loopback and the fuzz target, a whole HTTP/1.1 request.
 * Nothing here touches the network or global state; all memory comes from
 * the request's arena, so a hostile request costs at most the arena cap.
 */
#include <ctype.h>
#include <strings.h>
#include "http_int.h"
#include "util/utf8.h"

void gk_http__req_init(gk_http_req *req, gk_server *srv)
{
    memset(req, 0, sizeof(*req));
    req->arena.max = GK_HTTP_ARENA_MAX;
    req->srv = srv;
    req->path = "/";
    req->method_name = "GET";
    req->body = "";
}

void gk_http__req_release(gk_http_req *req)
{
    if (!req)
        return;
    gk_arena_release(&req->arena);
}

int gk_http__kvs_add(gk_arena *a, gk_http_kvs *l, const char *name, size_t nlen,
                     const char *value, size_t vlen)
{
    char *n, *v;

    if (l->n >= GK_HTTP_MAX_FIELDS) {
        gk_error_set(GK_ERRCLASS_HTTP, "more than %d fields", GK_HTTP_MAX_FIELDS);
        return GK_ETOOBIG;
    }
    if (l->n == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 16;
        gk_http_kv *nv = gk_arena_alloc(a, ncap * sizeof(*nv));

        if (!nv)
            return GK_ENOMEM;
        if (l->n)
            memcpy(nv, l->v, l->n * sizeof(*nv));
        l->v = nv;
        l->cap = ncap;
    }
    n = gk_arena_strndup(a, name, nlen);
    v = gk_arena_strndup(a, value, vlen);
    if (!n || !v)
        return GK_ENOMEM;
    l->v[l->n].name = n;
    l->v[l->n].value = v;
    l->v[l->n].len = vlen;
    l->n++;
    return 0;
}

const char *gk_http__kvs_get(const gk_http_kvs *l, const char *name)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        if (!strcmp(l->v[i].name, name))
            return l->v[i].value;
    return NULL;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int gk_http__url_decode(char **out, gk_arena *a, const char *s, size_t n, bool plus_is_space)
{
    char *d = gk_arena_alloc(a, n + 1);
    size_t i, j = 0;

    *out = NULL;
    if (!d)
        return GK_ENOMEM;
    for (i = 0; i < n; i++) {
        char c = s[i];

        if (c == '%') {
            int hi = i + 2 < n ? hexval((unsigned char)s[i + 1]) : -1;
            int lo = i + 2 < n ? hexval((unsigned char)s[i + 2]) : -1;

            if (hi < 0 || lo < 0) {
                gk_error_set(GK_ERRCLASS_HTTP, "bad percent escape at byte %zu", i);
                return GK_EINVALID;
            }
            c = (char)(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plus_is_space) {
            c = ' ';
        }
        if (c == '\0') {
            gk_error_set(GK_ERRCLASS_HTTP, "NUL byte in a URL component");
            return GK_EINVALID;
        }
        d[j++] = c;
    }
    d[j] = '\0';
    if (gk_utf8_invalid_at(d, j) != j) {
        gk_error_set(GK_ERRCLASS_HTTP, "URL component is not UTF-8");
        return GK_EINVALID;
    }
    *out = d;
    return 0;
}

int gk_http__parse_urlencoded(gk_http_kvs *l, gk_arena *a, const char *s, size_t n)
{
    size_t i = 0;
    int error = 0;

    while (i < n) {
        size_t end = i, eq;
        char *name, *value;

        while (end < n && s[end] != '&')
            end++;
        eq = i;
        while (eq < end && s[eq] != '=')
            eq++;
        if (end > i) {
            error = gk_http__url_decode(&name, a, s + i, eq - i, true);
            if (error < 0)
                goto done;
            error = gk_http__url_decode(&value, a, s + (eq < end ? eq + 1 : end),
                                        eq < end ? end - eq - 1 : 0, true);
            if (error < 0)
                goto done;
            error = gk_http__kvs_add(a, l, name, strlen(name), value, strlen(value));
            if (error < 0)
                goto done;
        }
        i = end + 1;
    }
done:
    return error;
}

/* Method names the router knows; anything else is GK_HTTP_OTHER (405). */
static const struct {
    const char *name;
    gk_http_method m;
} methods[] = {
    {"GET", GK_HTTP_GET},       {"HEAD", GK_HTTP_HEAD},     {"POST", GK_HTTP_POST},
    {"PUT", GK_HTTP_PUT},       {"DELETE", GK_HTTP_DELETE},
};

int gk_http__set_target(gk_http_req *req, const char *method, const char *target)
{
    const char *q = strchr(target, '?');
    size_t plen = q ? (size_t)(q - target) : strlen(target);
    char *path;
    size_t i;
    int error;

    req->method = GK_HTTP_OTHER;
    req->method_name = gk_arena_strndup(&req->arena, method, strlen(method));
    if (!req->method_name)
        return GK_ENOMEM;
    for (i = 0; i < GK_ARRAY_LEN(methods); i++)
        if (!strcmp(methods[i].name, method))
            req->method = methods[i].m;
    if (target[0] != '/') {
        gk_error_set(GK_ERRCLASS_HTTP, "request target must start with '/'");
        return GK_EINVALID;
    }
    error = gk_http__url_decode(&path, &req->arena, target, plen, false);
    if (error < 0)
        return error;
    req->path = path;
    if (q)
        return gk_http__parse_urlencoded(&req->args, &req->arena, q + 1, strlen(q + 1));
    return 0;
}

/* Case-insensitive prefix test for media types ("Multipart/Form-Data; …"). */
static bool media_is(const char *ct, const char *type)
{
    size_t n = strlen(type);

    return ct && !strncasecmp(ct, type, n) && (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

int gk_http__parse_body(gk_http_req *req)
{
    const char *ct = gk_http__kvs_get(&req->headers, "content-type");

    if (media_is(ct, "application/x-www-form-urlencoded"))
        return gk_http__parse_urlencoded(&req->form, &req->arena, req->body, req->body_len);
    if (media_is(ct, "multipart/form-data"))
        return gk_http__parse_multipart(req, ct);
    return 0;
}

/* Finds needle[0..nn) in h[0..hn); returns its offset or hn. */
static size_t find(const char *h, size_t hn, const char *needle, size_t nn)
{
    size_t i;

    if (nn == 0 || nn > hn)
        return hn;
    for (i = 0; i + nn <= hn; i++)
        if (h[i] == needle[0] && !memcmp(h + i, needle, nn))
            return i;
    return hn;
}

/* Value of parameter `key` in a header value like `form-data; name="x"`,
 * arena copy, or NULL. Quoted values end at the next quote; RFC 7578 says
 * browsers percent-encode quotes in names, so no escapes are decoded. */
static const char *header_param(gk_arena *a, const char *v, size_t n, const char *key)
{
    size_t klen = strlen(key), i = 0;

    while (i < n) {
        size_t start;

        while (i < n && (v[i] == ';' || v[i] == ' ' || v[i] == '\t'))
            i++;
        start = i;
        while (i < n && v[i] != ';' && v[i] != '=')
            i++;
        if (i < n && v[i] == '=' && i - start == klen && !strncasecmp(v + start, key, klen)) {
            size_t vs = ++i, ve;

            if (vs < n && v[vs] == '"') {
                vs++;
                ve = vs;
                while (ve < n && v[ve] != '"')
                    ve++;
            } else {
                ve = vs;
                while (ve < n && v[ve] != ';' && v[ve] != ' ')
                    ve++;
            }
            return gk_arena_strndup(a, v + vs, ve - vs);
        }
        while (i < n && v[i] != ';')
            i++;
    }
    return NULL;
}

/* Parses the headers of one part: lines up to the blank line. */
static int part_headers(gk_http_req *req, gk_http_part *p, const char *h, size_t n)
{
    size_t i = 0;

    while (i < n) {
        size_t e = find(h + i, n - i, "\r\n", 2) + i;
        size_t colon = i;

        while (colon < e && h[colon] != ':')
            colon++;
        if (colon < e) {
            const char *v = h + colon + 1;
            size_t vn = e - colon - 1;

            while (vn && (*v == ' ' || *v == '\t')) {
                v++;
                vn--;
            }
            if (colon - i == 19 && !strncasecmp(h + i, "content-disposition", 19)) {
                p->name = header_param(&req->arena, v, vn, "name");
                p->filename = header_param(&req->arena, v, vn, "filename");
            } else if (colon - i == 12 && !strncasecmp(h + i, "content-type", 12)) {
                p->content_type = gk_arena_strndup(&req->arena, v, vn);
                if (!p->content_type)
                    return GK_ENOMEM;
            }
        }
        i = e + 2;
    }
    if (!p->name) {
        gk_error_set(GK_ERRCLASS_HTTP, "multipart part without a name");
        return GK_EINVALID;
    }
    return 0;
}

int gk_http__parse_multipart(gk_http_req *req, const char *content_type)
{
    const char *boundary =
        header_param(&req->arena, content_type, strlen(content_type), "boundary");
    char delim[80];
    size_t dlen, pos, n = req->body_len;
    const char *b = req->body;
    int error = 0;

    if (!boundary || !*boundary || strlen(boundary) > 70) {
        gk_error_set(GK_ERRCLASS_HTTP, "multipart body without a valid boundary");
        return GK_EINVALID;
    }
    dlen = (size_t)snprintf(delim, sizeof(delim), "--%s", boundary);
    pos = find(b, n, delim, dlen);
    if (pos == n) {
        gk_error_set(GK_ERRCLASS_HTTP, "multipart body without its boundary");
        return GK_EINVALID;
    }
    pos += dlen;
    /* Each round: pos is just past a delimiter. "--" ends the body. */
    for (;;) {
        gk_http_part p;
        size_t hend, next;

        if (n - pos >= 2 && b[pos] == '-' && b[pos + 1] == '-')
            break;
        if (n - pos < 2 || b[pos] != '\r' || b[pos + 1] != '\n')
            goto malformed;
        pos += 2;
        hend = find(b + pos, n - pos, "\r\n\r\n", 4) + pos;
        if (hend >= n)
            goto malformed;
        memset(&p, 0, sizeof(p));
        error = part_headers(req, &p, b + pos, hend + 2 - pos);
        if (error < 0)
            goto done;
        pos = hend + 4;
        /* The data ends at CRLF + delimiter. */
        next = pos;
        for (;;) {
            next = find(b + next, n - next, delim, dlen) + next;
            if (next >= n)
                goto malformed;
            if (next >= pos + 2 && b[next - 2] == '\r' && b[next - 1] == '\n')
                break;
            next++;
        }
        p.data = b + pos;
        p.len = next - 2 - pos;
        if (req->nparts >= GK_HTTP_MAX_PARTS) {
            gk_error_set(GK_ERRCLASS_HTTP, "more than %d multipart parts", GK_HTTP_MAX_PARTS);
            error = GK_ETOOBIG;
            goto done;
        }
        req->parts[req->nparts++] = p;
        if (!p.filename) {
            error = gk_http__kvs_add(&req->arena, &req->form, p.name, strlen(p.name), p.data,
                                     p.len);
            if (error < 0)
                goto done;
        }
        pos = next + dlen;
    }
    goto done;
malformed:
    gk_error_set(GK_ERRCLASS_HTTP, "malformed multipart body");
    error = GK_EINVALID;
done:
    return error;
}

int gk_http__parse_request(gk_http_req *req, const char *data, size_t len, size_t max_body)
{
    size_t hend = find(data, len, "\r\n\r\n", 4), i, line_end, sp1, sp2;
    const char *cl;
    char method[16], *target = NULL;
    size_t body_len = 0;
    int error = 0;

    if (hend == len) {
        gk_error_set(GK_ERRCLASS_HTTP, "request without the end of its headers");
        return GK_EINVALID;
    }
    line_end = find(data, hend + 2, "\r\n", 2);
    sp1 = 0;
    while (sp1 < line_end && data[sp1] != ' ')
        sp1++;
    sp2 = sp1 + 1;
    while (sp2 < line_end && data[sp2] != ' ')
        sp2++;
    if (sp1 == 0 || sp1 >= sizeof(method) || sp2 >= line_end ||
        line_end - sp2 != 9 || memcmp(data + sp2 + 1, "HTTP/1.", 7)) {
        gk_error_set(GK_ERRCLASS_HTTP, "malformed request line");
        return GK_EINVALID;
    }
    memcpy(method, data, sp1);
    method[sp1] = '\0';
    target = gk_arena_strndup(&req->arena, data + sp1 + 1, sp2 - sp1 - 1);
    if (!target)
        return GK_ENOMEM;
    if (strlen(target) != sp2 - sp1 - 1) {
        gk_error_set(GK_ERRCLASS_HTTP, "NUL byte in the request target");
        return GK_EINVALID;
    }
    error = gk_http__set_target(req, method, target);
    if (error < 0)
        return error;
    /* Header lines: "name: value", names lower-cased, no obsolete folding. */
    for (i = line_end + 2; i < hend + 2;) {
        size_t e = find(data + i, hend + 2 - i, "\r\n", 2) + i, colon = i, k;
        const char *v;
        size_t vn;
        char name[64];

        while (colon < e && data[colon] != ':')
            colon++;
        if (colon == e || colon == i || colon - i >= sizeof(name)) {
            gk_error_set(GK_ERRCLASS_HTTP, "malformed header line");
            return GK_EINVALID;
        }
        for (k = i; k < colon; k++)
            name[k - i] = (char)tolower((unsigned char)data[k]);
        name[colon - i] = '\0';
        v = data + colon + 1;
        vn = e - colon - 1;
        while (vn && (*v == ' ' || *v == '\t')) {
            v++;
            vn--;
        }
        while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '\t'))
            vn--;
        if (req->headers.n >= GK_HTTP_MAX_HEADERS) {
            gk_error_set(GK_ERRCLASS_HTTP, "more than %d headers", GK_HTTP_MAX_HEADERS);
            return GK_ETOOBIG;
        }
        error = gk_http__kvs_add(&req->arena, &req->headers, name, colon - i, v, vn);
        if (error < 0)
            return error;
        i = e + 2;
    }
    cl = gk_http__kvs_get(&req->headers, "content-length");
    if (cl) {
        int64_t v;

        if (gk__parse_i64(cl, strlen(cl), &v) < 0 || v < 0) {
            gk_error_set(GK_ERRCLASS_HTTP, "bad Content-Length");
            return GK_EINVALID;
        }
        if ((uint64_t)v > max_body) {
            gk_error_set(GK_ERRCLASS_HTTP, "request body over the cap of %zu bytes", max_body);
            return GK_ETOOBIG;
        }
        body_len = (size_t)v;
        if (body_len > len - hend - 4) {
            gk_error_set(GK_ERRCLASS_HTTP, "request body shorter than its Content-Length");
            return GK_EINVALID;
        }
    }
    req->body = gk_arena_strndup(&req->arena, data + hend + 4, body_len);
    if (!req->body)
        return GK_ENOMEM;
    req->body_len = body_len;
    return gk_http__parse_body(req);
}

const char *gk_http__cookie(gk_http_req *req, const char *name)
{
    const char *h = gk_http__kvs_get(&req->headers, "cookie");
    size_t nlen = strlen(name);

    while (h && *h) {
        const char *end;

        while (*h == ' ' || *h == ';')
            h++;
        end = strchr(h, ';');
        if (!end)
            end = h + strlen(h);
        if ((size_t)(end - h) > nlen && !strncmp(h, name, nlen) && h[nlen] == '=')
            return gk_arena_strndup(&req->arena, h + nlen + 1, (size_t)(end - h) - nlen - 1);
        h = end;
    }
    return NULL;
}

const char *gk_http__field(const gk_http_req *req, const char *name)
{
    const char *v = gk_http__kvs_get(&req->form, name);

    return v ? v : gk_http__kvs_get(&req->args, name);
}
