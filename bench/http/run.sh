#!/bin/sh
# bench/http/run.sh [--quick] [--out FILE]: load test of `gongkai serve` with wrk.
#
# Starts the server (GONGKAI, else $GK_BUILD_DIR/gongkai, default
# build-release; build it with -DCMAKE_BUILD_TYPE=Release for figures worth
# quoting) on a fresh database: `gongkai demo` when that command exists,
# else `gongkai init` + one agency + `gongkai import cases` of a generated
# 2,000-row ledger. Then, 30 s each at 64 connections (--quick: 5 s):
#   static   GET /static/app.css (an embedded asset: the baseline)
#   status   GET /api/v1/status/CODE (public status lookup, JSON)
#   page     GET /status?code=CODE (the same lookup as an HTML page)
#   search   the public catalogue's title search (FTS5 trigram):
#            GET /api/v1/catalogue?q=部门预算; GK_BENCH_SEARCH=PATH sets
#            another path (e.g. /catalogue?q=%E9%A2%84%E7%AE%97 for the HTML
#            page and the 2-character instr() path)
# and prints requests/s, latency p50/p90/p99, errors, the server's CPU time
# per request (steadier than requests/s on a shared machine) and the ratio
# of each to the static baseline; writes bench/http/RESULTS.md (--out).
# Exits 1 when any run had an error (socket error or HTTP status >= 400;
# every URL is checked for 200 with curl first).
set -eu
SRC=$(cd "$(dirname "$0")/../.." && pwd)
DUR=30
CONNS=64
OUT="$SRC/bench/http/RESULTS.md"
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) DUR=5 ;;
    --out) OUT=$2; shift ;;
    -h | --help) awk 'NR > 1 && !/^#/ {exit} NR > 1' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: $0 [--quick] [--out FILE]" >&2; exit 2 ;;
    esac
    shift
done
BUILD=${GK_BUILD_DIR:-$SRC/build-release}
G=${GONGKAI:-$BUILD/gongkai}
[ -x "$G" ] || { echo "no gongkai at $G: build it (cmake -DCMAKE_BUILD_TYPE=Release) or set GONGKAI" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
BTYPE=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$(dirname "$G")/CMakeCache.txt" 2>/dev/null || true)
case "$BTYPE" in
Release | RelWithDebInfo) ;;
*) echo "warning: $G is a '${BTYPE:-unknown}' build (sanitizers?): figures will be low" >&2 ;;
esac

T=$(mktemp -d)
PID=
cleanup() {
    if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
    rm -rf "$T"
}
trap cleanup EXIT INT TERM
DB="$T/bench.db"

# --- the database
if "$G" demo --help >/dev/null 2>&1 && "$G" demo --db "$DB" >"$T/demo.out" 2>&1; then
    DATA="gongkai demo"
else
    rm -f "$DB" "$DB-wal" "$DB-shm"
    "$G" init --db "$DB" >/dev/null
    "$G" agency add GOV 某县人民政府 --db "$DB" >/dev/null
    awk 'BEGIN {
        srand(6); print "tracking_no,applicant_type,applicant,channel,received,concluded,outcome"
        for (i = 1; i <= 2000; i++) {
            m = int(rand() * 12) + 1; d = int(rand() * 28) + 1
            if (i % 3 == 0) printf "%d,自然人,申请人%d,网络,2025-%02d-%02d,,\n", i, i, m, d
            else printf "%d,自然人,申请人%d,网络,2024-%02d-%02d,2025-01-%02d,R_GRANT\n", i, i, m, d, 10 + int(rand() * 18)
        }
    }' >"$T/ledger.csv"
    "$G" import cases "$T/ledger.csv" --db "$DB" >/dev/null
    DATA="gongkai init + import of a generated 2,000-case ledger"
fi
CODE=$("$G" case list --open --db "$DB" | awk 'NR == 1 {print $1}')
[ -n "$CODE" ] || { echo "no open case in the database" >&2; exit 1; }

# --- the server
"$G" serve --listen 127.0.0.1:0 --db "$DB" >"$T/serve.out" 2>"$T/serve.err" &
PID=$!
i=0
while ! grep -q "正在监听" "$T/serve.out" 2>/dev/null; do
    i=$((i + 1))
    [ $i -lt 100 ] || { echo "server did not start:" >&2; cat "$T/serve.err" >&2; exit 1; }
    sleep 0.1
done
PORT=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$T/serve.out")
U="http://127.0.0.1:$PORT"

ok200() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ]; }
# 部门预算: 4 characters, so the FTS5 trigram index answers.
SEARCH=${GK_BENCH_SEARCH:-/api/v1/catalogue?q=%E9%83%A8%E9%97%A8%E9%A2%84%E7%AE%97}
ok200 "$U$SEARCH" || { echo "the catalogue search $SEARCH is not 200" >&2; exit 1; }

# name|path|what
set -- "static|/static/app.css|embedded CSS asset (baseline)" \
    "status|/api/v1/status/$CODE|status lookup, JSON" \
    "page|/status?code=$CODE|status lookup, HTML page"
set -- "$@" "search|$SEARCH|catalogue title search"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
TCK=$(getconf CLK_TCK)
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$T/rows"
FAILED=0
for spec in "$@"; do
    name=${spec%%|*}; rest=${spec#*|}; path=${rest%%|*}; what=${rest#*|}
    ok200 "$U$path" || { echo "$name: GET $path is not 200" >&2; FAILED=1; continue; }
    c0=$(cpu_ticks)
    wrk -t2 -c"$CONNS" -d"${DUR}s" -s "$SRC/bench/http/stats.lua" "$U$path" >"$T/wrk.$name" 2>&1 || true
    c1=$(cpu_ticks)
    line=$(grep '^GKSTATS' "$T/wrk.$name" || true)
    [ -n "$line" ] || { echo "$name: wrk failed:" >&2; cat "$T/wrk.$name" >&2; FAILED=1; continue; }
    # shellcheck disable=SC2086
    eval "$(echo "$line" | sed 's/^GKSTATS //')"
    cpu_us=$(awk -v d="$((c1 - c0))" -v t="$TCK" -v n="$requests" 'BEGIN { printf "%.1f", n ? d * 1e6 / t / n : 0 }')
    errs=$((sock_errors + status_errors))
    [ "$errs" -eq 0 ] || FAILED=1
    echo "$name|$what|$path|$rps|$p50_ms|$p90_ms|$p99_ms|$sock_errors|$status_errors|$cpu_us|$requests" >>"$T/rows"
    printf '%-7s %10.0f req/s  p50 %7.2f ms  p90 %7.2f ms  p99 %7.2f ms  errors %d  server CPU %s us/req\n' \
        "$name" "$rps" "$p50_ms" "$p90_ms" "$p99_ms" "$errs" "$cpu_us"
done
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=

BASE_RPS=$(awk -F'|' '$1 == "static" {print $4}' "$T/rows")
BASE_P50=$(awk -F'|' '$1 == "static" {print $5}' "$T/rows")
[ -n "$BASE_RPS" ] || { echo "no static baseline" >&2; exit 1; }
echo "ratio to the static baseline (requests/s, p50 latency):"
awk -F'|' -v r="$BASE_RPS" -v l="$BASE_P50" '{ printf "  %-7s %.2f x  %.2f x\n", $1, $4 / r, $5 / l }' "$T/rows"

{
    echo "# gongkai serve under wrk"
    echo
    echo "Written by \`bench/http/run.sh$([ "$DUR" = 5 ] && echo ' --quick')\`; do not edit by hand."
    echo
    echo "- when: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo "- machine: $(nproc) cores ($(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)), $(uname -sr); load average $LOAD0 before, $LOAD1 after (the cores are shared with other work)"
    echo "- server: \`gongkai serve\` ($BTYPE build), $(nproc) MHD worker threads over epoll, one SQLite store handle per worker"
    echo "- client: \`wrk -t2 -c$CONNS -d${DUR}s\` on the same cores, HTTP/1.1 keep-alive"
    echo "- data: $DATA; the looked-up case is open (stage and 第三十三条 deadline computed per request)"
    echo "- errors: socket errors + HTTP status >= 400 counted by wrk (each URL checked for 200 first); server CPU = the server's user+system time / requests"
    echo
    echo "| run | what | requests/s | × static | p50 ms | p90 ms | p99 ms | errors | server CPU µs/req |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'|' -v r="$BASE_RPS" '{ printf "| %s | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %d | %s |\n", $1, $2, $4, $4 / r, $5, $6, $7, $8 + $9, $10 }' "$T/rows"
    echo
    [ -f "$SRC/bench/http/NOTES.md" ] && { echo; cat "$SRC/bench/http/NOTES.md"; }
} >"$OUT"
echo "wrote $OUT"
[ "$FAILED" = 0 ] || { echo "FAIL: errors during the runs (see above)" >&2; exit 1; }
