#!/usr/bin/env bash
# npm run fuzz [seconds]: builds and runs the libFuzzer target for a bounded time (default 300 s;
# npm test runs it for 60). Starts from the seed corpus kept in tests/fuzz/corpus/playground/ (read only);
# new inputs go to build/fuzz/corpus, a crashing input to build/fuzz/crash-* (add it to the seed
# corpus once fixed). Exits non-zero on any crash, leak, sanitizer report or failed check.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
bash build-scripts/setup.sh
bash build-scripts/build-fuzz.sh >/dev/null
mkdir -p build/fuzz/corpus
exec build/fuzz/fuzz_playground -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len=4096 \
  -print_final_stats=1 -artifact_prefix=build/fuzz/ build/fuzz/corpus tests/fuzz/corpus/playground
