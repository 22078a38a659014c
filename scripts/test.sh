#!/usr/bin/env bash
# The whole suite: types, import cycles, unit and integration tests, then browser end-to-end
# tests against the built PWA in Debian's chromium (installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
bash scripts/ensure-sqld.sh >/dev/null || echo "test: no sqld; the libSQL-server tests will be skipped" >&2
npm run typecheck --silent
# Runtime import cycles fail the run (type-only imports are left out: they vanish at run time).
npm run check:cycles --silent
npm run build --silent
bash scripts/worker-bundle.sh
report=$(mktemp -d)/vitest.json
status=0
npx vitest run --reporter=default --reporter=json --outputFile="$report" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' "$report" || true
exit $status
