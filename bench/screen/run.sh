#!/bin/sh
# bench/screen/run.sh [--long] [bench_screen options]: builds a Release libgk
# (build-screen-rel/libgk.a), compiles bench/bench_screen.c against it, runs
# the C benchmark (generated corpus + 10,000-word dictionary, read() floor),
# then the npm filters over the same files (bench/screen/npm_filters.js).
# Default: 64 MB, a few seconds. --long: 512 MB and a 2 GB streamed run.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
B="$ROOT/build-screen-rel"
OUT="$B/bench-out"
mkdir -p "$OUT"
cmake -S "$ROOT" -B "$B" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
ninja -C "$B" gk >/dev/null
LIBS=$(pkg-config --libs libhs libutf8proc libzip jansson gumbo opencc xlsxwriter sqlite3)
cc -std=c17 -O2 -march=native -I"$ROOT/include" "$ROOT/bench/bench_screen.c" "$B/libgk.a" \
    $LIBS -lstdc++ -lm -lpthread -o "$B/bench_screen"
SIZE=64
if [ "${1:-}" = "--long" ]; then
    shift
    SIZE=512
fi
echo "== gongkai (C, one core)"
taskset -c 0 "$B/bench_screen" --size "$SIZE" --dir "$OUT" "$@"
echo "== Aho-Corasick fallback engine"
taskset -c 0 "$B/bench_screen" --size "$SIZE" --dir "$OUT" --engine ac --reps 1
if [ -d "$ROOT/bench/screen/node_modules" ]; then
    echo "== npm sensitive-word filters (same corpus and dictionary)"
    taskset -c 0 node "$ROOT/bench/screen/npm_filters.js" "$OUT/corpus.txt" "$OUT/words.txt"
else
    echo "NOTE: npm filters not installed: (cd bench/screen && npm install)"
fi
if [ "$SIZE" = 512 ]; then
    echo "== 2 GB streamed (flat memory)"
    taskset -c 0 "$B/bench_screen" --stream 2
fi
