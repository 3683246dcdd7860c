#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine (as root): the toolchain from Debian,
# the npm packages from package-lock.json. Idempotent and quiet when everything is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v em++ >/dev/null 2>&1 || need_apt+=(emscripten)
[ -f /usr/include/eigen3/Eigen/Core ] || need_apt+=(libeigen3-dev)
[ -f /usr/include/catch2/catch.hpp ] || need_apt+=(catch2)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# The end-to-end tests' browser: Chromium's headless shell (the same Blink and V8 without the
# desktop browser around them), about a third less CPU per page load than chromium --headless.
command -v chromium-headless-shell >/dev/null 2>&1 || need_apt+=(chromium-headless-shell)
command -v cmake >/dev/null 2>&1 || need_apt+=(cmake)
# The command-line tool's JSON (core/cli/model_file.cpp): nlohmann/json, header-only.
[ -f /usr/include/nlohmann/json.hpp ] || need_apt+=(nlohmann-json3-dev)
command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs npm)
# The libFuzzer target (npm run fuzz, and a minute of it in npm test): clang and its runtimes.
command -v clang++ >/dev/null 2>&1 || need_apt+=(clang)
compgen -G "/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a" >/dev/null || need_apt+=(libclang-rt-14-dev)
# The C++ style check (tests/scripts/format.test.mjs) and `clang-format -i` for contributors.
command -v clang-format >/dev/null 2>&1 || need_apt+=(clang-format)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]} from Debian"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# npm packages (test tools only: the page itself has no npm dependencies).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
