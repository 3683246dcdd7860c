#!/usr/bin/env bash
# npm test: set up if needed, build native and wasm, run every suite (Catch2 via ctest in float and
# double, Catch2 in float under ASan + UBSan, a minute of the libFuzzer target, the build scripts,
# the wasm module in Node, the page in headless Chromium). Only the targets the tests use are built,
# and the fuzz minute (one core) runs beside the wasm build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash build-scripts/setup.sh
echo "== native build"
bash build-scripts/build-native.sh core_tests_float core_tests_double parity_dump >/dev/null
echo "== Catch2 (native core, float and double)"
if ! ctest --test-dir build/native --output-on-failure -j"$(nproc)" >build/native/ctest.log 2>&1; then
  cat build/native/ctest.log
  exit 1
fi
tail -n 3 build/native/ctest.log
echo "== Catch2 under AddressSanitizer + UBSan (float)"
bash build-scripts/build-asan.sh >/dev/null
if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build/asan/core_tests_float >build/asan/tests.log 2>&1; then
  cat build/asan/tests.log
  exit 1
fi
tail -n 2 build/asan/tests.log
echo "== libFuzzer over the Playground facade (60 s), beside the wasm build"
bash build-scripts/build-fuzz.sh >/dev/null
bash build-scripts/fuzz.sh 60 >build/fuzz.log 2>&1 &
fuzzer=$!
bash build-scripts/build-wasm.sh backprop_wasm backprop_wasm_inline >/dev/null
if ! wait "$fuzzer"; then
  tail -n 60 build/fuzz.log
  exit 1
fi
grep -E "^stat::number_of_executed_units|^Done" build/fuzz.log || true
echo "== Node (wasm module) and Chromium (page)"
node --test tests/scripts/ tests/web/ tests/wasm/ tests/e2e/
