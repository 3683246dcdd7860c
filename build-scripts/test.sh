#!/usr/bin/env bash
# npm test: set up if needed, build native, ASan and wasm, run every suite (Catch2 via ctest in float
# and double, Catch2 in float under ASan + UBSan, a minute of the libFuzzer target, the build
# scripts, the wasm module in Node, the page in headless Chromium). Only the targets the tests use
# are built, each writing its own log under build/logs/, printed if it fails.
# Order: the wasm and the native parity reference first, since the Node and Chromium suites need
# them; those suites then run (waiting on the browser's frames, they leave most of a core idle)
# while the remaining builds, the fuzz minute and Catch2 fill the idle CPU at the lowest priority,
# so that they never slow a test that waits on a frame.
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

echo "== builds the Node and Chromium suites need: wasm, and the native parity reference"
logged wasm-build bash build-scripts/build-wasm.sh backprop_wasm backprop_wasm_inline & wasm=$!
logged parity-build bash build-scripts/build-native.sh parity_dump & parity=$!
wait "$wasm"
wait "$parity"

echo "== Node (wasm module) and Chromium (page), two files at a time; beside them, at low priority:"
echo "   the Catch2 builds (float, double, ASan + UBSan), then Catch2, and a minute of libFuzzer over the Playground facade"
node --test --test-concurrency=2 tests/scripts/ tests/web/ tests/wasm/ tests/e2e/ >build/logs/node.log 2>&1 & node=$!
catch2() {
  logged native-build bash build-scripts/build-native.sh core_tests_float core_tests_double & native=$!
  logged asan-build bash build-scripts/build-asan.sh & asan=$!
  wait "$native"
  logged ctest ctest --test-dir build/native --output-on-failure -j"$(nproc)"
  wait "$asan"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 logged asan build/asan/core_tests_float
}
fuzzing() {
  logged fuzz-build bash build-scripts/build-fuzz.sh
  logged fuzz bash build-scripts/fuzz.sh 60
}
nice -n 19 bash -c "set -e; $(declare -f logged catch2); catch2" & catch=$!
nice -n 19 bash -c "set -e; $(declare -f logged fuzzing); fuzzing" & fuzz=$!

status=0
wait "$catch" || status=1
echo "== Catch2 (native core, float and double)"
tail -n 3 build/logs/ctest.log 2>/dev/null || true
echo "== Catch2 under AddressSanitizer + UBSan (float)"
tail -n 2 build/logs/asan.log 2>/dev/null || true
wait "$fuzz" || status=1
echo "== libFuzzer"
grep -E "^stat::number_of_executed_units|^Done" build/logs/fuzz.log || true
echo "== Node and Chromium"
if wait "$node"; then
  grep -E "^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms)" build/logs/node.log || tail -n 12 build/logs/node.log
else
  cat build/logs/node.log
  echo "FAILED: the Node / Chromium suites (above)"
  status=1
fi
exit "$status"
