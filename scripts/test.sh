#!/usr/bin/env bash
# Runs every test: formatting and lints, Rust unit/integration/property/doc tests, the package
# build with its size budget, Node tests against pkg/, packaging tests from the real npm tarball,
# and browser tests of www/ in headless Chromium. Installs what is missing first.
# Stops at the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."

# Property tests: a short run here (seconds); `PROPTEST_CASES=1000000 cargo test --release props`
# is the long run (see README).
export PROPTEST_CASES="${PROPTEST_CASES:-256}"

passed=0
step() {
  local name=$1
  shift
  printf '\n\033[1m== %s\033[0m\n' "$name"
  local started=$SECONDS
  if ! "$@"; then
    printf '\n\033[31mFAILED: %s\033[0m\n' "$name"
    echo "steps: $passed passed, 1 failed"
    exit 1
  fi
  passed=$((passed + 1))
  printf '(%s: %ss)\n' "$name" $((SECONDS - started))
}

step "setup" bash scripts/setup.sh --browser
step "cargo fmt" cargo fmt --check
# missing_errors_doc: every public fallible function documents its errors (issue #13).
step "clippy (native)" cargo clippy --quiet --all-targets -- -D warnings -D clippy::missing_errors_doc
step "clippy (wasm32)" cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
step "cargo test" cargo test --quiet
step "cargo doc" env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet
step "build pkg/" bash scripts/build.sh
step "node tests" node --test tests/node/
step "packaging tests" node --test --test-concurrency=1 tests/packaging/
if compgen -G "tests/browser/*.test.mjs" >/dev/null; then
  step "browser tests" node --test --test-concurrency=1 tests/browser/
fi
echo
echo "steps: $passed passed, 0 failed"
