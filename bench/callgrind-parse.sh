#!/bin/sh
# Instructions per report of parse + validate (callgrind; repeatable where
# wall time is not on a shared machine): the difference between N+1 passes
# and 1 pass over each HTML page of the corpus, divided by N, so that
# start-up and the first-call costs drop out.
# usage: bench/callgrind-parse.sh [BUILD_DIR] [N]
set -eu
cd "$(dirname "$0")/.."
B=${1:-build-release}
N=${2:-5}
refs() { # passes file
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$B/bench/bench_parse" \
        --profile "$1" "$2" 2>&1 | sed -n 's/.*refs: *//p' | tr -d ,
}
for f in tests/resources/corpus/real/*.html; do
    one=$(refs 1 "$f")
    many=$(refs $((N + 1)) "$f")
    echo "$(basename "$f"): $(((many - one) / N)) instructions per report"
done
