#!/usr/bin/env bash
# npm test: set up if needed, build native and wasm, run every suite (Catch2 via ctest in float and
# double, the wasm module in Node, the page in headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash build-scripts/setup.sh
echo "== native build"
bash build-scripts/build-native.sh >/dev/null
echo "== Catch2 (native core, float and double)"
if ! ctest --test-dir build/native --output-on-failure -j"$(nproc)" >build/native/ctest.log 2>&1; then
  cat build/native/ctest.log
  exit 1
fi
tail -n 3 build/native/ctest.log
echo "== wasm build"
bash build-scripts/build-wasm.sh >/dev/null
echo "== Node (wasm module) and Chromium (page)"
node --test tests/web/ tests/wasm/ tests/e2e/
