#!/usr/bin/env bash
# Installs what is missing, builds the ci preset and runs every test (UI tests offscreen).
#   SENTINEL_COVERAGE=1 scripts/test.sh   the same with line and branch coverage (coverage preset),
#                                         then prints coverage per module (scripts/coverage.sh).
#   SENTINEL_TEST_PRESET=ci-asan scripts/test.sh
#                                         another preset; CI uses ci-asan, which is clang with the
#                                         sanitizers and coverage in one build (docs/ci.md).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${SENTINEL_TEST_PRESET:-ci}
if [[ -z "${SENTINEL_TEST_PRESET:-}" && "${SENTINEL_COVERAGE:-0}" == "1" ]]; then
  preset=coverage
fi
scripts/install-deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
covered=0
if grep -q '^SENTINEL_COVERAGE:BOOL=ON' "build/$preset/CMakeCache.txt"; then
  covered=1
  # Counters from an earlier run would add to this one.
  find "build/$preset" -name '*.gcda' -delete
fi
ctest --preset "$preset" --output-on-failure --timeout 600 -j2
if [[ "$covered" == 1 ]]; then
  scripts/coverage.sh "build/$preset"
fi
