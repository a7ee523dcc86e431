#!/bin/sh
# bench/store/run.sh [--cases N | --long]: builds bench/bench_store.c
# against a libgk.a (default build-store/libgk.a; set GK_BUILD_DIR to use
# another build, e.g. a Release one for figures worth quoting) and runs it.
# The bench matches the build's sanitizer flags, read from its CMakeCache.
set -eu
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${GK_BUILD_DIR:-$SRC/build-store}
[ -f "$BUILD/libgk.a" ] || { echo "no $BUILD/libgk.a: build it first (ninja -C $BUILD gk)"; exit 2; }
SAN=""
if grep -q '^GK_ENABLE_SANITIZERS:BOOL=ON' "$BUILD/CMakeCache.txt" 2>/dev/null; then
    SAN="-fsanitize=address,undefined"
fi
OUT="$BUILD/bench_store"
# libgk.a holds the PostgreSQL backend when CMake found libpq (GK_WITH_PG).
PQ=""
if grep -q '^GK_WITH_PG:.*=ON' "$BUILD/CMakeCache.txt" 2>/dev/null || nm "$BUILD/libgk.a" 2>/dev/null | grep -q ' U PQexec'; then
    PQ=$(pkg-config --libs libpq)
fi
cc -std=c17 -O2 -D_GNU_SOURCE -Wall -Wextra $SAN -I"$SRC/include" "$SRC/bench/bench_store.c" "$BUILD/libgk.a" \
    $(pkg-config --libs sqlite3 jansson libutf8proc xlsxwriter libzip) $PQ -lm -lpthread -o "$OUT"
exec "$OUT" "$@"
