#!/bin/sh
# End-to-end tests of gongkai serve in headless Chromium (scripts/e2e.sh)
# with the binary under test. Needs Debian's chromium and node/npm (the
# script installs playwright-core with npm when it is missing); without
# them this test prints SKIP and passes.
set -u
if [ ! -x /usr/bin/chromium ] || ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "SKIP: needs /usr/bin/chromium, node and npm"
    exit 0
fi
GONGKAI="$GONGKAI" exec "$GK_SOURCE_DIR/scripts/e2e.sh"
