#!/usr/bin/env bash
# `npm start`: the demo. Builds the PWA and widget, then runs the Node server with the demo turned
# on explicitly: the demo workspace and logins seeded into an empty database, and the channel
# simulator. The server's own defaults are safe (no demo, no simulator): for a real deployment
# run `SEED_DEMO=false ENABLE_SIMULATOR=false npm start`, or `npx tsx sync-server/src/node.ts`.
set -euo pipefail
cd "$(dirname "$0")/.."
export SEED_DEMO="${SEED_DEMO:-true}"
export ENABLE_SIMULATOR="${ENABLE_SIMULATOR:-true}"
npm run build --silent
exec npx tsx sync-server/src/node.ts
