#!/usr/bin/env bash
# Bundles the Workers build exactly as `wrangler deploy` would (without uploading) and prints
# the Worker's size, raw and gzipped. Needs the built PWA (client/dist) for [assets].
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
CLOUDFLARE_CF_FETCH_ENABLED=false WRANGLER_SEND_METRICS=false npx wrangler deploy --dry-run --outdir "$out" >"$out.log" 2>&1 || { cat "$out.log" >&2; exit 1; }
script="$out/worker.js"
raw=$(wc -c <"$script")
gz=$(gzip -9 -c "$script" | wc -c)
echo "worker bundle: $((raw / 1024)) KiB raw, $((gz / 1024)) KiB gzip ($(grep -o 'Total Upload: .*' "$out.log"))"
rm -f "$out.log"
