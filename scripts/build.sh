#!/usr/bin/env bash
# Builds the npm package in pkg/: release wasm → wasm-bindgen (web + nodejs glue) → wasm-opt →
# entry points from js/, types generated from the Rust types → size check against the ceiling.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

cargo build --release --target wasm32-unknown-unknown --quiet
wasm=target/wasm32-unknown-unknown/release/repayment_plan.wasm

rm -rf pkg
mkdir -p pkg/web pkg/node
# web: ES module glue with an async init() for browsers and bundlers.
wasm-bindgen "$wasm" --target web --out-dir pkg/web --out-name repayment_plan --no-typescript
# nodejs: CommonJS glue that loads the .wasm synchronously with fs; Node's ESM entry shares it.
wasm-bindgen "$wasm" --target nodejs --out-dir pkg/node --out-name repayment_plan --no-typescript
# -Oz, as Cargo.toml's opt-level "z" (size first while the download is over issue #12's target).
# --one-caller-inline-max-function-size 8: wasm-opt inlines every function that has one caller
# whatever its size; the giant functions that makes compress worse. Measured 0–60 (2026-12-04,
# after schedule, compareOffers and restructure moved to serde types): 8 is the minimum, 1.1 KB
# gzip below 25 (the earlier minimum); 0 is 0.7 KB and 12 is 0.9 KB above 8 (docs/performance.md).
for f in pkg/web/repayment_plan_bg.wasm pkg/node/repayment_plan_bg.wasm; do
  node_modules/.bin/wasm-opt --one-caller-inline-max-function-size 8 -Oz --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --strip-debug --strip-producers "$f" -o "$f"
done

# TypeScript declarations, generated from the Rust input and result types (src/api/ts.rs).
cargo run --quiet --example typescript -- pkg/index.d.ts
node scripts/package.mjs
