#!/usr/bin/env bash
# WebAssembly build: web/wasm/backprop-core.{js,wasm} for the page and Node, web/wasm/esm/ for
# web/backprop.js (the engine to import), and the wasm benchmark;
# or only the targets named as arguments (npm test skips the benchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
source build-scripts/cmake-cache.sh
reset_stale_cache build/wasm
source build-scripts/env.sh
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DEigen3_DIR=/usr/share/eigen3/cmake >/dev/null
cmake --build build/wasm -j"$(nproc)" ${1:+--target "$@"}
# The Emscripten loaders are CommonJS/classic scripts, but this package is "type": "module".
for dir in web/wasm build/wasm; do echo '{ "type": "commonjs" }' > "$dir/package.json"; done
