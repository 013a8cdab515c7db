#!/usr/bin/env bash
# Benchmark: installs the peers (bench/package-lock.json), builds pkg/ and the baseline package
# (bench/baseline/, see bench/baseline.sh) when missing, then runs.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d pkg ] || bash scripts/build.sh
[ -f bench/baseline/node.mjs ] || bash bench/baseline.sh
if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  npm ci --prefix bench --no-audit --no-fund --loglevel=error
fi
exec node bench/run.mjs "$@"
