#!/usr/bin/env bash
# Builds the PWA and widget, then runs the Node server (migrates and seeds the demo on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
exec npx tsx sync-server/src/node.ts
