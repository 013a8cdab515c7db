#!/usr/bin/env bash
# The long reliability runs (not part of scripts/test.sh; results are recorded in the README):
#   1. every property test with PROPTEST_CASES cases (default 1,000,000; release build)
#   2. the boundary fuzzer against the built package (default 100,000 hostile inputs)
#   3. a cargo-fuzz smoke run of the JSON → input → result path (default 60 s; needs nightly)
# Usage: bash scripts/long-runs.sh [cases] [hostile-inputs] [fuzz-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-1000000}
hostile=${2:-100000}
seconds=${3:-60}

echo "== property tests, $cases cases each"
PROPTEST_CASES=$cases cargo test --release --quiet

echo "== boundary fuzzer, $hostile hostile inputs"
[ -d pkg ] || bash scripts/build.sh
node tests/fuzz/hostile.mjs --count "$hostile"

echo "== cargo fuzz, $seconds s"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
bash fuzz/seed.sh
(cd fuzz && cargo +nightly fuzz run api_json corpus/api_json -- -max_total_time="$seconds")
