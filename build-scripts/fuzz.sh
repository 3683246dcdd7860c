#!/usr/bin/env bash
# npm run fuzz [seconds]: builds and runs the libFuzzer target for a bounded time (default 300 s;
# npm test runs it for 60). Starts from the seed corpus kept in tests/fuzz/corpus/playground/ (read only);
# new inputs go to build/asan/fuzz-corpus, a crashing input to build/asan/crash-* (add it to the
# seed corpus once fixed). Built in build/asan (build-asan.sh), beside the sanitized Catch2 suite.
# Exits non-zero on any crash, leak, sanitizer report or failed check.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
bash build-scripts/setup.sh
bash build-scripts/build-asan.sh fuzz_playground >/dev/null
mkdir -p build/asan/fuzz-corpus
exec build/asan/fuzz_playground -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=4096 \
  -print_final_stats=1 -artifact_prefix=build/asan/ build/asan/fuzz-corpus tests/fuzz/corpus/playground
