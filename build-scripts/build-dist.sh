#!/usr/bin/env bash
# npm run build: set up if needed, build the wasm module, then the static site in dist/ (hosted
# copy with relative paths, and dist/offline/index.html, one file that opens from file://).
set -euo pipefail
cd "$(dirname "$0")/.."
bash build-scripts/setup.sh
bash build-scripts/build-wasm.sh >/dev/null
node build-scripts/build-dist.mjs
