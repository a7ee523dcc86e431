#!/bin/sh
# Installs the Debian 12 packages gongkai needs to build, test and run.
# Idempotent: packages already present are skipped by apt-get itself.
# Usage: scripts/install-deps.sh [--test]   (--test adds the test oracles and browser)
set -eu
BUILD_PKGS="pkg-config cmake ninja-build gcc clang libclang-rt-14-dev \
  libjansson-dev libgumbo-dev libxlsxwriter-dev libzip-dev libsqlite3-dev libpq-dev \
  libmicrohttpd-dev libsodium-dev libutf8proc-dev libopencc-dev opencc libvectorscan-dev libpcre2-dev \
  libcairo2-dev libpango1.0-dev fonts-noto-cjk"
TEST_PKGS="python3-openpyxl python3-docx libreoffice-calc-nogui libreoffice-writer-nogui \
  postgresql postgresql-contrib chromium poppler-utils poppler-data wrk \
  sqlite3 curl file zip unzip"
PKGS="$BUILD_PKGS"
if [ "${1:-}" = "--test" ]; then PKGS="$PKGS $TEST_PKGS"; fi
missing=""
# Node.js (for the browser tests) comes from the machine image or Debian's nodejs; only add it when absent.
if [ "${1:-}" = "--test" ] && ! command -v npm >/dev/null 2>&1; then PKGS="$PKGS nodejs npm"; fi
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
echo "install-deps: installing:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
