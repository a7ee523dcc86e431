#!/bin/sh
# Instructions per page of parse + validate, and of gumbo building its tree
# of the same page (the reference), counted by callgrind: repeatable where
# wall time is not on a shared machine. Each figure is the difference
# between N+1 passes and 1 pass over the page, divided by N, so start-up and
# first-call costs drop out.
# usage: bench/callgrind-parse.sh [BUILD_DIR] [N]
set -eu
cd "$(dirname "$0")/.."
B=${1:-build-release}
N=${2:-5}
refs() { # mode passes file
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$B/bench/bench_parse" \
        --profile "$2" --profile-mode "$1" "$3" 2>&1 | sed -n 's/.*refs: *//p' | tr -d ,
}
per_page() { # mode file
    one=$(refs "$1" 1 "$2")
    many=$(refs "$1" $((N + 1)) "$2")
    echo $(((many - one) / N))
}
for f in tests/resources/corpus/real/*.html; do
    check=$(per_page check "$f")
    gumbo=$(per_page gumbo "$f")
    echo "$(basename "$f"): parse+validate $check instructions per page;" \
        "gumbo tree $gumbo; ratio $(echo "scale=2; $gumbo / $check" | bc)×"
done
