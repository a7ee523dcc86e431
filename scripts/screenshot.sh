#!/bin/sh
# Renders a report to HTML and screenshots it in headless Chromium, to check
# by eye that the tables look like the official form (spec §1.3–1.5).
#
#   scripts/screenshot.sh [GONGKAI] [REPORT.json] [OUT.png] [HEIGHT]
#
# Defaults: $GONGKAI or build-release/gongkai (scripts/run.sh builds it), tests/resources/seed-2024.json,
# docs/report-html.png, a 1240 × 2760 px window (down to table 4, keeping the PNG
# under 600 KB). Needs chromium.
set -eu
cd "$(dirname "$0")/.."
GK=${1:-${GONGKAI:-build-release/gongkai}}
IN=${2:-tests/resources/seed-2024.json}
OUT=${3:-docs/report-html.png}
HEIGHT=${4:-2760}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
"$GK" render "$IN" --to html -o "$tmp/report.html"
"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$tmp/profile" --hide-scrollbars \
    --screenshot="$tmp/shot.png" --window-size=1240,"$HEIGHT" \
    "file://$tmp/report.html" >/dev/null 2>&1
mkdir -p "$(dirname "$OUT")"
mv "$tmp/shot.png" "$OUT"
echo "$OUT: $(wc -c <"$OUT") bytes"
