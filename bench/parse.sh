#!/bin/sh
# Parse + validate throughput over the corpus reports (not their .source.txt
# notes), beside the read and gumbo baselines of the same run.
# usage: bench/parse.sh [BUILD_DIR] [--html-only] [--file-stats] [--reps N] [--jobs N] [--json]
set -eu
cd "$(dirname "$0")/.."
B=${1:-build-release}
[ $# -gt 0 ] && shift
if [ ! -x "$B/bench/bench_parse" ]; then
    cmake -S . -B "$B" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
    cmake --build "$B" --target bench_parse -j "$(nproc)" >/dev/null
fi
FILES=$(ls tests/resources/corpus/real/* tests/resources/corpus/seed/* | grep -v '\.source\.txt$')
# shellcheck disable=SC2086
exec "$B/bench/bench_parse" "$@" $FILES
