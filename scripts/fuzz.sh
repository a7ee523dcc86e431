#!/bin/sh
# fuzz.sh: builds every libFuzzer target of fuzz/ with clang (ASan + UBSan +
# fuzzer instrumentation) and runs each one after the other for SECONDS
# (conventions C7, issue 3: one command).
#
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]     (default 60 s, all targets)
#   e.g. scripts/fuzz.sh 120 fuzz_html fuzz_text
#
# Environment:
#   GK_FUZZ_BUILD_DIR  build directory (default build-fuzz-lf)
#   GK_FUZZ_MERGE=1    after the runs, minimise fuzz/corpora/<target>/: the
#                      hand-named seeds and reproducers stay, plus the
#                      fewest found inputs (SHA-1 names) that add coverage
#                      (libFuzzer -merge=1), so the replay test keeps them
#
# New inputs found by a run are kept in <build>/corpus/<target>/ and reused
# by the next run. A crash, leak, timeout (> 10 s per input), out-of-memory
# or sanitizer report stops that target; its reproducer is saved under
# <build>/artifacts/<target>/ and printed. The script exits 1 when any
# target failed, 2 on a usage or build error.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD=${GK_FUZZ_BUILD_DIR:-build-fuzz-lf}
SECONDS_PER_TARGET=60

case "${1:-}" in
'' ) ;;
-h | --help)
    sed -n '2,/^set -eu/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
    exit 0
    ;;
*[!0-9]*) ;;
*)
    SECONDS_PER_TARGET=$1
    shift
    ;;
esac

command -v clang >/dev/null 2>&1 || {
    echo "fuzz.sh: clang not found (apt-get install clang libclang-rt-dev)" >&2
    exit 2
}
GEN=""
if command -v ninja >/dev/null 2>&1; then GEN="-G Ninja"; fi

# Debug keeps assertions; -O1 makes the instrumented code fast enough to
# fuzz. No -Werror: clang's -Wconversion also warns on sign conversions,
# which the gcc build (the -Werror one) does not check.
# shellcheck disable=SC2086
cmake -S . -B "$BUILD" $GEN -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_C_FLAGS=-O1 -DGK_BUILD_FUZZERS=ON -DGK_ENABLE_SANITIZERS=ON -DGK_WERROR=OFF \
    -DBUILD_TESTING=OFF -DGK_BUILD_BENCH=OFF >/dev/null || exit 2

if [ $# -eq 0 ]; then
    for f in fuzz/fuzz_*.c; do
        t=$(basename "$f" .c)
        set -- "$@" "$t"
    done
fi
for t in "$@"; do
    [ -f "fuzz/$t.c" ] || {
        echo "fuzz.sh: no target $t (fuzz/$t.c)" >&2
        exit 2
    }
done
cmake --build "$BUILD" --target "$@" -- -j 2 >"$BUILD/fuzz-build.log" 2>&1 || {
    tail -30 "$BUILD/fuzz-build.log" >&2
    echo "fuzz.sh: build failed (log: $BUILD/fuzz-build.log)" >&2
    exit 2
}

# Sanitizer reports end the run (libFuzzer then saves the input).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=""
for t in "$@"; do
    work="$BUILD/corpus/$t"
    art="$BUILD/artifacts/$t"
    seeds="fuzz/corpora/$t"
    log="$BUILD/$t.log"
    mkdir -p "$work" "$art" "$seeds"
    dict=""
    name=${t#fuzz_}
    for d in "fuzz/dict/$name.dict" "fuzz/dict/${name%%_*}.dict"; do
        if [ -f "$d" ]; then
            dict="-dict=$d"
            break
        fi
    done
    printf '%s: %s s ... ' "$t" "$SECONDS_PER_TARGET"
    # New inputs go to the first directory (the work corpus); the seeds
    # are read only.
    # shellcheck disable=SC2086
    if "$BUILD/fuzz/$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$art/" $dict \
        "$work" "$seeds" >"$log" 2>&1; then
        execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
        echo "ok (${execs:-?} runs, ${cov:-cov: ?}, corpus $(find "$work" -type f | wc -l) files)"
    else
        repro=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
        kind=$(grep -m1 -o -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer|UndefinedBehaviorSanitizer)[^(]*|runtime error:.*|deadly signal|timeout after [0-9]+ seconds' "$log" || true)
        echo "FAILED: ${kind:-see log}"
        echo "  reproducer: ${repro:-none written}"
        echo "  log: $log"
        echo "  replay: $BUILD/fuzz/$t ${repro:-<input>}"
        failed="$failed $t"
    fi
done

if [ "${GK_FUZZ_MERGE:-0}" = 1 ]; then
    # Minimise: the hand-named seeds and reproducers stay; the inputs found
    # by fuzzing (named by their SHA-1) are replaced by the few of them and
    # of the work corpus that add coverage to the named ones (-merge=1).
    # Edges only (-use_counters=0): a fifth of the inputs that hit counts
    # would keep, so the replay test stays within a few seconds; the work
    # corpus keeps everything for the next run.
    for t in "$@"; do
        seeds="fuzz/corpora/$t"
        old="$BUILD/merge-old/$t"
        rm -rf "$old"
        mkdir -p "$old"
        find "$seeds" -type f -regextype posix-extended -regex '.*/[0-9a-f]{40}' \
            -exec mv {} "$old/" \;
        before=$(find "$seeds" -type f | wc -l)
        "$BUILD/fuzz/$t" -merge=1 -use_counters=0 -timeout=10 "$seeds" "$old" "$BUILD/corpus/$t" \
            >"$BUILD/$t.merge.log" 2>&1 || {
            echo "$t: merge failed ($BUILD/$t.merge.log); old inputs back"
            mv "$old"/* "$seeds/" 2>/dev/null || true
            failed="$failed $t(merge)"
            continue
        }
        after=$(find "$seeds" -type f | wc -l)
        echo "$t: $before named inputs + $((after - before)) found by fuzzing in $seeds"
    done
fi

if [ -n "$failed" ]; then
    echo "fuzz.sh: failures in:$failed" >&2
    exit 1
fi
echo "fuzz.sh: no failures ($ROOT/$BUILD)"
