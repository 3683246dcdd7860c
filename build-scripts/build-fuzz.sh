#!/usr/bin/env bash
# The libFuzzer target (clang, -fsanitize=fuzzer,address,undefined) in build/fuzz:
# build/fuzz/fuzz_playground, from tests/fuzz/fuzz_playground.cpp and the core. -O1 for speed,
# line tables only for the stack traces (full debug info doubles the build).
set -euo pipefail
cd "$(dirname "$0")/.."
source build-scripts/cmake-cache.sh
reset_stale_cache build/fuzz
cmake -S . -B build/fuzz -DBACKPROP_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" >/dev/null
cmake --build build/fuzz --target fuzz_playground -j"$(nproc)"
