#!/usr/bin/env bash
# Installs what is missing, builds the ci preset and runs every test (UI tests offscreen).
#   SENTINEL_COVERAGE=1 scripts/test.sh   the same with line and branch coverage (coverage preset),
#                                         then prints coverage per module (scripts/coverage.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=ci
if [[ "${SENTINEL_COVERAGE:-0}" == "1" ]]; then
  preset=coverage
fi
scripts/install-deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
if [[ "$preset" == coverage ]]; then
  # Counters from an earlier run would add to this one.
  find "build/$preset" -name '*.gcda' -delete
fi
ctest --preset "$preset" --output-on-failure --timeout 600 -j2
if [[ "$preset" == coverage ]]; then
  scripts/coverage.sh "build/$preset"
fi
