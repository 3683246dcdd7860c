#!/usr/bin/env bash
# The hardening build in build/asan (clang, AddressSanitizer + UndefinedBehaviorSanitizer, the core
# also with libFuzzer's coverage instrumentation): core_tests_float (the Catch2 suite in float, what
# ships), fuzz_playground (the libFuzzer target) and backprop (the command-line tool, which
# tests/scripts/cli.test.mjs and the native/wasm agreement test run), or only the targets named as
# arguments. The core at -O1 (the fuzzer and the suite run several times faster than at -O0), the
# test code at -O0, line tables for the stack traces, and Eigen's own bounds assertions on (no
# NDEBUG).
set -euo pipefail
cd "$(dirname "$0")/.."
source build-scripts/cmake-cache.sh
reset_stale_cache build/asan
reset_compiler build/asan clang++
cmake -S . -B build/asan -DBACKPROP_SANITIZE=ON -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" >/dev/null
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(sanitizer_programs)
cmake --build build/asan -j"$(nproc)" --target "${targets[@]}"
