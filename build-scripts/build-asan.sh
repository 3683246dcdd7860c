#!/usr/bin/env bash
# The Catch2 suite in float (what ships) under AddressSanitizer + UndefinedBehaviorSanitizer (g++),
# in build/asan: -O0 (nothing optimised away; builds in half the time of -O1 -g) with line tables
# for the stack traces (-g1) and Eigen's own bounds assertions on (no NDEBUG).
# build/asan/core_tests_float.
set -euo pipefail
cd "$(dirname "$0")/.."
source build-scripts/cmake-cache.sh
reset_stale_cache build/asan
cmake -S . -B build/asan -DBACKPROP_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O0 -g1" >/dev/null
cmake --build build/asan --target core_tests_float -j"$(nproc)"
