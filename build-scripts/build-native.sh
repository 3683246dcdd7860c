#!/usr/bin/env bash
# Native build: the core library, the Catch2 suites (float and double) and the benchmark; or only
# the targets named as arguments. With g++ in build/native; with --clang first, with clang++ in
# build/native-clang (npm test's double suite: clang compiles the test files a third faster, and
# the bench's native figures stay g++'s).
set -euo pipefail
cd "$(dirname "$0")/.."
source build-scripts/cmake-cache.sh
dir=build/native compiler=g++
if [ "${1:-}" = --clang ]; then
  dir=build/native-clang compiler=clang++
  shift
fi
reset_stale_cache "$dir"
reset_compiler "$dir" "$compiler"
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$compiler" >/dev/null
cmake --build "$dir" -j"$(nproc)" ${1:+--target "$@"}
