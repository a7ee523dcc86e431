#!/bin/sh
# checksrc.sh: the source checks clang-format cannot make (conventions C8,
# curl checksrc.pl). Usage: scripts/checksrc.sh [FILE...]
# (default: every .c/.h under src/ include/ tests/ fuzz/ bench/).
#
# Checks, each printed as "FILE:LINE: NAME: message":
#   BANNED      a banned function (src/util/banned.h) called in src/ outside
#               src/util/alloc.c: malloc calloc realloc free strcpy strcat
#               strncpy sprintf vsprintf strtok atoi atol atof gets gmtime
#               localtime ctime asctime
#   CPPCOMMENT  a // comment (block comments only)
#   HEADER      the file does not open with a block comment saying what it is
#   ASSIGNIF    an assignment inside an if condition, e.g. if ((x = f()) < 0)
#   TRAILING    trailing whitespace
#   TAB         a tab character
# Comments, string and character literals are skipped (roughly: a line
# continuation inside a string is not followed). A line may opt out of one
# check with a trailing /* checksrc:allow NAME */ comment.
# scripts/checksrc-baseline.txt lists "CHECK FILE COUNT" for violations
# that predate this script and are still to be fixed; a file may have at
# most that many of that check (so any new one fails), and a line is
# printed when a baseline can be lowered. GK_CHECKSRC_ALL=1 ignores it.
# Exit status: 0 clean, 1 violations found, 2 usage error.
set -eu
cd "$(dirname "$0")/.."

if [ $# -eq 0 ]; then
    set -- $(find src include tests fuzz bench -type f \( -name '*.c' -o -name '*.h' \) \
        2>/dev/null | LC_ALL=C sort)
fi
[ $# -gt 0 ] || {
    echo "checksrc.sh: no files" >&2
    exit 2
}

out=$(mktemp)
trap 'rm -f "$out"' EXIT
LC_ALL=C awk '
function report(name, msg) {
    if (index(raw, "checksrc:allow " name))
        return
    printf "%s:%d: %s: %s\n", FILENAME, FNR, name, msg
    bad++
}
# strip(): the code of the current line, comments removed and literals
# blanked; sets cpp_comment when a // comment starts in code.
function strip(s,    out, i, c, n, d) {
    out = ""
    cpp_comment = 0
    n = length(s)
    for (i = 1; i <= n; i++) {
        c = substr(s, i, 1)
        d = substr(s, i, 2)
        if (in_block) {
            if (d == "*/") {
                in_block = 0
                i++
            }
            continue
        }
        if (in_str) {
            if (c == "\\") {
                i++
                continue
            }
            if (c == quote) {
                in_str = 0
                out = out c
            }
            continue
        }
        if (d == "/*") {
            in_block = 1
            i++
            out = out " "
            continue
        }
        if (d == "//") {
            cpp_comment = 1
            break
        }
        if (c == "\"" || c == "\047") {
            in_str = 1
            quote = c
            out = out c
            continue
        }
        out = out c
    }
    in_str = 0 # literals do not span lines here
    return out
}
function check_assign(cond,    t) {
    t = cond
    gsub(/==|!=|<=|>=/, "", t)
    if (t ~ /[^=]=[^=]/)
        report("ASSIGNIF", "assignment inside an if condition")
}
FNR == 1 {
    in_block = 0
    in_str = 0
    in_if = 0
    src = FILENAME ~ /(^|\/)src\// && FILENAME !~ /src\/util\/(alloc\.c|banned\.h)$/
    if ($0 !~ /^\/\*/)
        report("HEADER", "no header comment (the file should open with /* name: what it is */)")
}
{
    raw = $0
    if (raw ~ /[ \t]$/)
        report("TRAILING", "trailing whitespace")
    if (index(raw, "\t"))
        report("TAB", "tab character")
    code = strip(raw)
    if (cpp_comment)
        report("CPPCOMMENT", "// comment (use /* */)")
    if (src && code ~ /(^|[^A-Za-z0-9_.>])(malloc|calloc|realloc|free|strcpy|strcat|strncpy|sprintf|vsprintf|strtok|atoi|atol|atof|gets|gmtime|localtime|ctime|asctime)[ \t]*\(/) {
        match(code, /(malloc|calloc|realloc|free|strcpy|strcat|strncpy|sprintf|vsprintf|strtok|atoi|atol|atof|gets|gmtime|localtime|ctime|asctime)[ \t]*\(/)
        report("BANNED", "banned function " substr(code, RSTART, RLENGTH) ") (util/banned.h)")
    }
    # if conditions, followed over lines until the parentheses close
    rest = code
    while (1) {
        if (!in_if) {
            if (!match(rest, /(^|[^A-Za-z0-9_])if[ \t]*\(/))
                break
            rest = substr(rest, RSTART + RLENGTH)
            in_if = 1
            depth = 1
            cond = ""
        }
        n = length(rest)
        for (i = 1; i <= n && depth > 0; i++) {
            c = substr(rest, i, 1)
            if (c == "(")
                depth++
            else if (c == ")")
                depth--
            if (depth > 0)
                cond = cond c
        }
        if (depth > 0) {
            cond = cond " "
            break
        }
        in_if = 0
        check_assign(cond)
        rest = substr(rest, i)
    }
}
' "$@" >"$out" || true

# Compare with the baseline: per check and file, the number found may not
# exceed the number allowed.
base=scripts/checksrc-baseline.txt
[ "${GK_CHECKSRC_ALL:-0}" = 1 ] && base=/dev/null
[ -f "$base" ] || base=/dev/null
LC_ALL=C awk -v base="$base" '
BEGIN {
    while ((getline l < base) > 0) {
        if (l ~ /^#/ || l ~ /^[ \t]*$/)
            continue
        split(l, f, /[ \t]+/)
        allowed[f[1] " " f[2]] = f[3] + 0
    }
}
{
    split($0, p, ":")
    key = substr(p[3], 2) " " p[1]
    n[key]++
    line[key] = line[key] $0 "\n"
}
END {
    for (k in n) {
        if (n[k] > allowed[k] + 0) {
            printf "%s", line[k]
            split(k, kk, " ")
            if (allowed[k] + 0)
                printf "%s: %d %s, the baseline allows %d\n", kk[2], n[k], kk[1], allowed[k]
            bad += n[k] - allowed[k]
        } else if (n[k] < allowed[k]) {
            split(k, kk, " ")
            printf "note: %s: %d %s, lower the baseline from %d\n", kk[2], n[k], kk[1], allowed[k]
        }
    }
    for (k in allowed)
        if (!(k in n) && allowed[k] > 0) {
            split(k, kk, " ")
            printf "note: %s: no %s left, remove it from the baseline\n", kk[2], kk[1]
        }
    if (bad) {
        printf "checksrc: %d new problem(s)\n", bad
        exit 1
    }
}' "$out"
