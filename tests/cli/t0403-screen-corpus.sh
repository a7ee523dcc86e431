#!/bin/sh
# Every report of shared/corpus screened: no personal data at error or
# warning severity (office phones are landlines at info, office mailboxes
# beside them info), and no typo false positives.
set -eu
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
C="$GK_SOURCE_DIR/../shared/corpus"
[ -d "$C" ] || { echo "SKIP: no shared corpus at $C"; exit 0; }
n=0
for f in "$C"/seed/* "$C"/real/*; do
    case "$f" in *.source.txt|*.json) continue ;; esac
    n=$((n + 1))
    rc=0
    "$GONGKAI" screen --json "$f" >"$T/json" 2>"$T/err" || rc=$?
    [ "$rc" = 0 ] || fail "$f: exit $rc $(cat "$T/json" "$T/err")"
    if grep -qE '"severity":"(error|warning)"' "$T/json"; then
        fail "$f: $(cat "$T/json")"
    fi
done
[ "$n" -ge 20 ] || fail "only $n corpus files"
# The seed's office contact is found as such.
"$GONGKAI" screen --json "$C/seed/000_e61fd02df59cf2b0.txt" | grep -qF '"category":"landline","severity":"info"' || fail "seed landline"
echo "ok ($n files)"
