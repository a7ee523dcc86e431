#!/bin/sh
# The README's first command: installs what is missing (Debian 12), builds a
# release gongkai, shows the report engine on the seed report, fills a demo
# database and runs the web system on it (http://127.0.0.1:8080 by default).
#   scripts/run.sh [--no-serve] [--listen ADDR:PORT]
set -eu
cd "$(dirname "$0")/.."
SERVE=1
LISTEN=127.0.0.1:8080
while [ $# -gt 0 ]; do
    case "$1" in
    --no-serve) SERVE=0 ;;
    --listen) LISTEN=$2; shift ;;
    *) echo "usage: scripts/run.sh [--no-serve] [--listen ADDR:PORT]" >&2; exit 2 ;;
    esac
    shift
done
scripts/install-deps.sh
BUILD=${GK_BUILD_DIR:-build-release}
GEN=""
if command -v ninja >/dev/null 2>&1; then GEN="-G Ninja"; fi
# shellcheck disable=SC2086
cmake -S . -B "$BUILD" $GEN -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$BUILD" -j "$(nproc)"
G="$BUILD/gongkai"
scripts/demo.sh "$G"
[ "$SERVE" = 1 ] || exit 0
DB=out/demo.db
if [ ! -e "$DB" ]; then
    echo "== gongkai demo --db $DB   (the staff accounts and their passwords are printed once, below)"
    "$G" demo --db "$DB"
else
    echo "== using the existing $DB (delete it for a fresh demo; its passwords were printed when it was made)"
fi
echo "== gongkai serve --db $DB --listen $LISTEN   (Ctrl-C stops it)"
exec "$G" serve --db "$DB" --listen "$LISTEN"
