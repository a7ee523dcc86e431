#!/bin/sh
# Peak memory of `gongkai audit` over 1,000 and over N (default 100,000)
# report files: the second must stay within a small factor of the first
# (flat memory: the audit streams and frees each report). The files are hard
# links to the corpus reports, so the tree costs almost no disk, but every
# file is opened, read, parsed and validated for real.
# usage: bench/audit-memory.sh [BUILD_DIR] [N]
set -eu
cd "$(dirname "$0")/.."
B=${1:-build-release}
N=${2:-100000}
G="$B/gongkai"
[ -x "$G" ] || { echo "build $G first (scripts/run.sh or make release)"; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
SRC=$(ls tests/resources/corpus/real/* | grep -v '\.source\.txt$')
make_tree() { # dir count: directories of 1,000 links, copied as links
    mkdir -p "$1"
    i=0 d=0
    while [ "$i" -lt "$2" ] && [ "$i" -lt 1000 ]; do
        for f in $SRC; do
            [ "$i" -lt "$2" ] && [ "$i" -lt 1000 ] || break
            mkdir -p "$1/0"
            ln "$f" "$1/0/$i-$(basename "$f")"
            i=$((i + 1))
        done
    done
    # whole directories of 1,000 (cp -al links every file of the first)
    while [ $((i + 1000)) -le "$2" ]; do
        d=$((d + 1))
        cp -al "$1/0" "$1/$d"
        i=$((i + 1000))
    done
    # the rest, one link at a time
    for f in $(ls "$1/0" | head -n $(($2 - i))); do
        mkdir -p "$1/rest"
        ln "$1/0/$f" "$1/rest/$f"
    done
}
peak() { # dir -> "KB seconds"
    /usr/bin/time -f "%M %e" "$G" audit -q --csv "$1" 2>&1 >/dev/null | tail -1
}
make_tree "$T/small" 1000
make_tree "$T/large" "$N"
set -- $(peak "$T/small")
small_kb=$1 small_s=$2
set -- $(peak "$T/large")
large_kb=$1 large_s=$2
echo "audit of 1000 files:  peak RSS ${small_kb} KB, ${small_s} s"
echo "audit of $N files: peak RSS ${large_kb} KB, ${large_s} s"
echo "ratio of peak RSS: $(echo "scale=2; $large_kb / $small_kb" | bc 2>/dev/null || echo "$large_kb/$small_kb")"
