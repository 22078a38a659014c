#!/usr/bin/env bash
# Make sure Debian's chromium is installed at /usr/bin/chromium (used by the e2e tests through
# playwright-core). Needs root and the Debian package mirror.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: $CHROMIUM is present ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
  exit 0
fi

echo "ensure-chromium: $CHROMIUM is missing; installing the Debian 'chromium' package"
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: ERROR: installing chromium needs root (run as root, or: sudo apt-get install -y chromium)" >&2
  exit 1
fi

echo "ensure-chromium: running: apt-get update"
if ! apt-get update; then
  echo "ensure-chromium: ERROR: 'apt-get update' failed (no access to the package mirror?)" >&2
  exit 1
fi

echo "ensure-chromium: running: apt-get install -y chromium"
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; then
  echo "ensure-chromium: ERROR: 'apt-get install -y chromium' failed; install it by hand so $CHROMIUM exists" >&2
  exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: ERROR: the chromium package installed but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
