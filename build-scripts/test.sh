#!/usr/bin/env bash
# npm test: set up if needed, build native, ASan and wasm, run every suite (Catch2 via ctest in float
# and double, Catch2 in float under ASan + UBSan, a minute of the libFuzzer target, the build
# scripts, the wasm module in Node, the page in headless Chromium). Only the targets the tests use
# are built. The builds run side by side with the fuzz minute, so that no core idles while one of
# them links; each writes its own log under build/logs/, printed if it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash build-scripts/setup.sh
mkdir -p build/logs
trap 'jobs -p | xargs -r kill 2>/dev/null || true' EXIT

# Runs "$@" with its output in build/logs/$1.log; prints that log if it fails.
logged() {
  local log="build/logs/$1.log"
  shift
  if ! "$@" >"$log" 2>&1; then
    echo "FAILED: $*"
    tail -n 200 "$log"
    return 1
  fi
}

echo "== builds (native, ASan + UBSan, wasm) beside a minute of libFuzzer over the Playground facade"
logged fuzz-build bash build-scripts/build-fuzz.sh
logged fuzz bash build-scripts/fuzz.sh 60 & fuzzer=$!
logged native-build bash build-scripts/build-native.sh core_tests_float core_tests_double parity_dump & native=$!
logged asan-build bash build-scripts/build-asan.sh & asan=$!
logged wasm-build bash build-scripts/build-wasm.sh backprop_wasm backprop_wasm_inline & wasm=$!
wait "$native"
wait "$asan"
wait "$wasm"
wait "$fuzzer"
grep -E "^stat::number_of_executed_units|^Done" build/logs/fuzz.log || true

echo "== Catch2 (native core, float and double)"
logged ctest ctest --test-dir build/native --output-on-failure -j"$(nproc)"
tail -n 3 build/logs/ctest.log
echo "== Catch2 under AddressSanitizer + UBSan (float)"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 logged asan build/asan/core_tests_float
tail -n 2 build/logs/asan.log
echo "== Node (wasm module) and Chromium (page), two files at a time"
node --test --test-concurrency=2 tests/scripts/ tests/web/ tests/wasm/ tests/e2e/
