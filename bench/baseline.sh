#!/usr/bin/env bash
# Builds the baseline package that bench/run.mjs times ours against: pkg/ as main built it at
# commit 0397289 (before issue #12), from that commit's own sources and its own scripts/build.sh,
# into bench/baseline/ (git-ignored; no binaries are checked in).
#
#   bash bench/baseline.sh [commit]      (default 0397289; rebuilds bench/baseline/ every time)
set -euo pipefail
cd "$(dirname "$0")/.."
commit=${1:-0397289}
repo=$PWD

# A detached worktree of the commit in a temporary folder, removed on exit.
work=$(mktemp -d "${TMPDIR:-/tmp}/repayment-plan-baseline.XXXXXX")
cleanup() {
  git -C "$repo" worktree remove --force "$work/src" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
git worktree add --quiet --detach "$work/src" "$commit"

# Its build needs the npm dev dependencies (wasm-opt, esbuild): ours, linked, and never
# reinstalled from there (its setup.sh runs `npm ci` when the lock file looks newer than them).
[ -f node_modules/.package-lock.json ] || bash scripts/setup.sh
ln -s "$repo/node_modules" "$work/src/node_modules"
touch -r node_modules/.package-lock.json "$work/src/package-lock.json"

echo "baseline: building $(git rev-parse --short "$commit") in $work/src"
bash "$work/src/scripts/build.sh"

rm -rf bench/baseline
cp -R "$work/src/pkg" bench/baseline
git rev-parse "$commit" >bench/baseline/COMMIT
echo "baseline: bench/baseline/ ($(cat bench/baseline/COMMIT))"
