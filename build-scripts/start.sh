#!/usr/bin/env bash
# npm start: set up if needed, build the wasm module, serve web/ on localhost and print the address.
set -euo pipefail
cd "$(dirname "$0")/.."
bash build-scripts/setup.sh
bash build-scripts/build-wasm.sh >/dev/null
exec node build-scripts/serve.mjs "$@"
