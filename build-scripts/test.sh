#!/usr/bin/env bash
# npm test: set up if needed, build, run every suite: Catch2 natively in double, Catch2 in float
# under AddressSanitizer + UBSan, a minute of the libFuzzer target, the build scripts, the wasm
# module in Node, the page in headless Chromium. Only the targets the tests use are built: the
# native build in double (clang), the sanitizer build (float suite, fuzz target and command-line
# tool: one compile of the core for all three) and the wasm module, side by side so that no core
# idles while one of them links. Each writes its own log under build/logs/, printed if it fails.
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

echo "== builds (native in double, clang; ASan + UBSan with the fuzz target and the CLI; wasm) (at ${SECONDS} s)"
logged native-build bash build-scripts/build-native.sh --clang core_tests_double & native=$!
logged asan-build bash build-scripts/build-asan.sh & asan=$!
logged wasm-build bash build-scripts/build-wasm.sh backprop_wasm backprop_wasm_esm & wasm=$!
wait "$native"
wait "$asan"
wait "$wasm"

# The fuzz minute runs beside the suites below, on the core the single-threaded Catch2 runs leave free.
logged fuzz bash build-scripts/fuzz.sh 60 & fuzzer=$!
echo "== Catch2 (native core, double) (at ${SECONDS} s)"
logged catch2-double build/native-clang/core_tests_double
tail -n 2 build/logs/catch2-double.log
echo "== Catch2 under AddressSanitizer + UBSan (float) (at ${SECONDS} s)"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 logged asan build/asan/core_tests_float
tail -n 2 build/logs/asan.log
echo "== Node (wasm module) and Chromium (page) (at ${SECONDS} s)"
node --test --test-concurrency=3 tests/scripts/ tests/web/ tests/wasm/ tests/e2e/
echo "== libFuzzer over the Playground facade, 60 s (at ${SECONDS} s)"
wait "$fuzzer"
grep -E "^stat::number_of_executed_units|^Done" build/logs/fuzz.log || true
echo "== done in ${SECONDS} s"
