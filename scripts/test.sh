#!/bin/sh
# Builds gongkai in Debug with ASan+UBSan and -Werror, then runs every test
# (unit, golden, CLI, header, fuzz replay) through CTest. This is the README's
# test command and what .ci/run calls.
# Usage: scripts/test.sh [ctest args...]   e.g. scripts/test.sh -R unit.core
set -eu
cd "$(dirname "$0")/.."
BUILD=${GK_TEST_BUILD_DIR:-build-test}
GEN=""
if command -v ninja >/dev/null 2>&1; then GEN="-G Ninja"; fi
# shellcheck disable=SC2086
cmake -S . -B "$BUILD" $GEN -DCMAKE_BUILD_TYPE=Debug -DGK_ENABLE_SANITIZERS=ON -DGK_WERROR=ON >/dev/null
cmake --build "$BUILD" -j "$(nproc)"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$BUILD"
ctest --output-on-failure -j "$(nproc)" "$@"
