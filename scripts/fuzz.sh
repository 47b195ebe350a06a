#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets with clang under AddressSanitizer + UBSan in build-fuzz/ and runs
# each for a bounded time over a corpus seeded from tests/data/alphavantage.
#   scripts/fuzz.sh [SECONDS]   (default 60)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-60}"
build="${SENTINEL_FUZZ_BUILD_DIR:-$here/build-fuzz}"

cmake -S "$here" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ \
    -DSENTINEL_BUILD_UI=OFF -DSENTINEL_BUILD_TESTS=ON -DSENTINEL_BUILD_BENCHMARKS=OFF \
    -DSENTINEL_BUILD_FUZZERS=ON >/dev/null
cmake --build "$build" --target fuzz_alphavantage_parser -j2

corpus="$build/corpus/alphavantage"
mkdir -p "$corpus"
# Seed with every recorded and crafted body (copies: libFuzzer writes new inputs into the corpus).
find "$here/tests/data/alphavantage" -name '*.json' ! -name expected.json -print0 |
    while IFS= read -r -d '' file; do cp "$file" "$corpus/$(echo "$file" | sha1sum | cut -c1-16).json"; done

export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
"$build/tests/fuzz/fuzz_alphavantage_parser" "$corpus" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -dict="$here/tests/fuzz/alphavantage.dict" -print_final_stats=1 \
    -artifact_prefix="$build/"
