#!/bin/sh
# The README's first command: installs what is missing (Debian 12), builds a
# release gongkai, and runs the main job on the embedded default data.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD=${GK_BUILD_DIR:-build-release}
GEN=""
if command -v ninja >/dev/null 2>&1; then GEN="-G Ninja"; fi
# shellcheck disable=SC2086
cmake -S . -B "$BUILD" $GEN -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$BUILD" -j "$(nproc)"
exec scripts/demo.sh "$BUILD/gongkai"
