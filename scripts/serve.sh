#!/usr/bin/env bash
# Serves the calculator page on localhost: builds pkg/ first when it is missing or older than the
# sources, then runs scripts/serve.mjs (default port 8080; PORT=... overrides) and prints the URL.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=pkg/package.json
if [ ! -f "$stamp" ] || [ -n "$(find src js Cargo.toml Cargo.lock scripts/build.sh scripts/package.mjs -newer "$stamp" -print -quit)" ]; then
  echo "serve: building the package first (pkg/ is missing or older than the sources)"
  bash scripts/build.sh
fi
exec node scripts/serve.mjs --port "${PORT:-8080}"
