#!/bin/sh
# scripts/e2e.sh [--screenshots] [TEST...]: end-to-end tests of `gongkai serve`
# in headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core.
#
# Installs tests/e2e/node_modules with npm when missing (playwright-core
# only, pinned in tests/e2e/package.json; no browser download), creates a
# fresh database (`gongkai demo` when that command exists, else init + one
# agency + one case), adds the test's staff accounts, starts the server on
# a free port, runs tests/e2e/*.test.mjs (or the named ones) with node:test
# one file at a time, stops the server. --screenshots writes the pages'
# screenshots into docs/screenshots/ (default: a temporary directory).
# GK_E2E_PLAIN=1 skips the demo (init + one agency + one case only).
# GONGKAI selects the binary (default $GK_BUILD_DIR/gongkai, else
# build/gongkai). Exits non-zero when a test failed; the last line is
# "N passed, N failed".
set -eu
SRC=$(cd "$(dirname "$0")/.." && pwd)
E2E="$SRC/tests/e2e"
SHOTS=
while [ $# -gt 0 ]; do
    case "$1" in
    --screenshots) SHOTS="$SRC/docs/screenshots" ;;
    -h | --help) awk 'NR > 1 && !/^#/ {exit} NR > 1' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "usage: $0 [--screenshots] [TEST...]" >&2; exit 2 ;;
    *) break ;;
    esac
    shift
done
G=${GONGKAI:-${GK_BUILD_DIR:-$SRC/build}/gongkai}
CHROMIUM=${GK_CHROMIUM:-/usr/bin/chromium}
[ -x "$G" ] || { echo "e2e: no gongkai binary at $G (set GONGKAI)" >&2; exit 2; }
[ -x "$CHROMIUM" ] || { echo "e2e: no Chromium at $CHROMIUM (apt-get install chromium)" >&2; exit 2; }
command -v node >/dev/null || { echo "e2e: node is not installed" >&2; exit 2; }

if [ ! -f "$E2E/node_modules/playwright-core/package.json" ]; then
    echo "e2e: installing playwright-core (npm)"
    (cd "$E2E" && npm ci --no-audit --no-fund --loglevel=error) >&2 ||
        (cd "$E2E" && npm install --no-audit --no-fund --loglevel=error) >&2
fi

T=$(mktemp -d)
PID=
cleanup() {
    if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
    rm -rf "$T"
}
trap cleanup EXIT INT TERM
DB="$T/e2e.db"
[ -n "$SHOTS" ] || SHOTS="$T/shots"
mkdir -p "$SHOTS"

# --- a fresh database
if [ "${GK_E2E_PLAIN:-}" != 1 ] && "$G" demo --help >/dev/null 2>&1; then
    "$G" demo --db "$DB" >"$T/demo.out" 2>&1 || { echo "e2e: gongkai demo failed:" >&2; cat "$T/demo.out" >&2; exit 1; }
else
    "$G" init --db "$DB" >/dev/null
    "$G" agency add GOV 某县人民政府 --db "$DB" >/dev/null
fi
AGENCY=$("$G" agency list --db "$DB" | awk -F'\t' 'NR == 1 {print $1}')
[ -n "$AGENCY" ] || { echo "e2e: no agency in the database" >&2; exit 1; }
# A known open case of $AGENCY (its staff below may open it): the first, or one made here.
CODE=$("$G" case list --open --agency "$AGENCY" --db "$DB" | awk 'NR == 1 {print $1}')
if [ -z "$CODE" ]; then
    CODE=$("$G" case add --applicant 测试申请人 --received 2025-06-03 --agency "$AGENCY" --db "$DB" |
        grep -o '[A-Z2-9]\{12\}' | head -1)
fi
[ -n "$CODE" ] || { echo "e2e: no open case for the status lookup" >&2; exit 1; }
# Staff accounts of the tests (names unlikely to clash with the demo's).
PW="e2e-password-1"
adduser() { printf '%s\n' "$PW" | "$G" user add "$1" --role "$2" ${3:+--agency "$3"} --password-stdin --db "$DB" >/dev/null; }
adduser e2e-admin 管理员
adduser e2e-head 负责人 "$AGENCY"
adduser e2e-handler 承办人 "$AGENCY"

# --- the server
"$G" serve --listen 127.0.0.1:0 --db "$DB" >"$T/serve.out" 2>"$T/serve.err" &
PID=$!
i=0
while ! grep -q "正在监听" "$T/serve.out" 2>/dev/null; do
    i=$((i + 1))
    [ $i -lt 150 ] || { echo "e2e: server did not start:" >&2; cat "$T/serve.err" >&2; exit 1; }
    sleep 0.1
done
PORT=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$T/serve.out")

# --- the tests, one file at a time (one browser each)
if [ $# -gt 0 ]; then
    FILES=$*
else
    FILES=$(ls "$E2E"/*.test.mjs)
fi
export GK_E2E_URL="http://127.0.0.1:$PORT" GK_E2E_CODE="$CODE" GK_E2E_AGENCY="$AGENCY" \
    GK_E2E_PASSWORD="$PW" GK_E2E_SHOTS="$SHOTS" GK_E2E_CHROMIUM="$CHROMIUM" \
    GK_E2E_PROFILES="$T/profiles" GK_SOURCE_DIR="$SRC"
mkdir -p "$T/profiles"
# shellcheck disable=SC2086
node --test --test-concurrency=1 --test-reporter=tap $FILES >"$T/tap" 2>&1 || true
cat "$T/tap" | grep -v '^ *duration_ms' || true
# Stop the server: a graceful exit with status 0 is part of the test (an
# ASan/UBSan report or a crash makes it non-zero).
srv_fail=0
if kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID"
    src=0; wait "$PID" || src=$?
else
    src=0; wait "$PID" || src=$?
    echo "e2e: the server died during the tests" >&2
    [ "$src" != 0 ] || src=1
fi
PID=
if [ "$src" != 0 ]; then
    echo "e2e: gongkai serve exited with status $src:" >&2
    tail -40 "$T/serve.err" >&2
    srv_fail=1
fi
# The server's output holds no personal data of the test applicant (ID
# number, phone, e-mail) and no notice reasons: the tests entered them.
for pd in 11010519491231002X 13800138000 lisi@example.com 第三方商业秘密; do
    if grep -qF "$pd" "$T/serve.out" "$T/serve.err"; then
        echo "e2e: personal data or notice text in the server output: $pd" >&2
        srv_fail=1
    fi
done
pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$T/tap" | tail -1)
fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$T/tap" | tail -1)
skip=$(sed -n 's/^# skipped \([0-9]*\)$/\1/p' "$T/tap" | tail -1)
cancel=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$T/tap" | tail -1)
todo=$(sed -n 's/^# todo \([0-9]*\)$/\1/p' "$T/tap" | tail -1)
pass=${pass:-0}; fail=$(( ${fail:-1} + ${cancel:-0} + srv_fail ))
[ "${skip:-0}" = 0 ] || echo "($skip skipped: the pages they need do not exist yet)"
[ "${todo:-0}" = 0 ] || echo "($todo known bugs marked todo: see '# TODO' above)"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ] && [ "$pass" -gt 0 ]
