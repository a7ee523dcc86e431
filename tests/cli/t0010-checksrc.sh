#!/bin/sh
# t0010-checksrc.sh: scripts/checksrc.sh passes on the tree (no violation
# beyond scripts/checksrc-baseline.txt), and it does catch each check on a
# file made to break them (so this test can fail).
set -u
src=${GK_SOURCE_DIR:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

if ! out=$(sh "$src/scripts/checksrc.sh" 2>&1); then
    printf '%s\n' "$out"
    echo "FAIL: checksrc found new problems (fix them; see scripts/checksrc.sh)"
    fail=1
fi

mkdir -p "$tmp/src/mod"
bad="$tmp/src/mod/bad.c"
printf '%s\n' \
    'int f(char *d, const char *s)' \
    '{' \
    '    char *p = malloc(4); // a C++ comment' \
    '    int x;' \
    '    if ((x = atoi(s)) > 0)' \
    '        strcpy(d, s);	' \
    '    const char *ok = "free(p) // in a string";' \
    '    /* free(p) in a comment; if ((x = 1)) */' \
    '    return x; ' \
    '}' >"$bad"
out=$(sh "$src/scripts/checksrc.sh" "$bad" 2>&1) && {
    echo "FAIL: checksrc accepted $bad"
    fail=1
}
for want in "bad.c:1: HEADER" "bad.c:3: BANNED" "bad.c:3: CPPCOMMENT" "bad.c:5: ASSIGNIF" \
    "bad.c:5: BANNED" "bad.c:6: BANNED" "bad.c:6: TAB" "bad.c:6: TRAILING" "bad.c:9: TRAILING"; do
    case $out in
    *"$want"*) ;;
    *)
        echo "FAIL: checksrc did not report '$want'"
        fail=1
        ;;
    esac
done
n=$(printf '%s\n' "$out" | grep -c ':[0-9]*: ')
if [ "$n" -ne 9 ]; then
    printf '%s\n' "$out"
    echo "FAIL: expected 9 problems in bad.c, got $n (strings or comments misread?)"
    fail=1
fi
exit $fail
