#!/usr/bin/env bash
# Builds the npm package in pkg/: release wasm → wasm-bindgen (web + nodejs glue) → wasm-opt →
# hand-written entry points and types from js/ → size check against the budget.
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
for f in pkg/web/repayment_plan_bg.wasm pkg/node/repayment_plan_bg.wasm; do
  node_modules/.bin/wasm-opt -Oz --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --strip-debug --strip-producers "$f" -o "$f"
done

node scripts/package.mjs
