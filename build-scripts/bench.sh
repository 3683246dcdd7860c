#!/usr/bin/env bash
# npm run bench: builds both, runs the same benchmark natively and as wasm in Node (interleaved,
# warm, medians and ratios), then measures the page's frame times in headless Chromium, then the
# budget (gzipped size of dist/, first render). Optional args: repetitions, seconds per figure and
# repetition, seconds of frames.
set -euo pipefail
cd "$(dirname "$0")/.."
bash build-scripts/setup.sh
bash build-scripts/build-native.sh backprop_bench >/dev/null
bash build-scripts/build-wasm.sh >/dev/null
node tests/bench/compare.mjs "${1:-3}" "${2:-3}"
echo
node tests/bench/frames.mjs "${3:-4}"
echo
node tests/bench/budget.mjs
