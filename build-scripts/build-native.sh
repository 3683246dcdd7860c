#!/usr/bin/env bash
# Native build: the core library, the Catch2 suites (float and double) and the benchmark; or only
# the targets named as arguments (npm test skips the benchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
source build-scripts/cmake-cache.sh
reset_stale_cache build/native
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$(nproc)" ${1:+--target "$@"}
