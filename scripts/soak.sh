#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The fault soak (docs/soak.md, ADR 0106): builds `sentinel` and `sentinel_soak` and runs the real
# binary over DAYS simulated days (default 1) against failing loopback stand-ins, with five SIGKILLs
# and restarts, then checks journal verify, executions, deliveries and memory.
#
#   scripts/soak.sh [DAYS] [sentinel_soak options...]   e.g. scripts/soak.sh 90, scripts/soak.sh 1 --seed 7
#
# Environment:
#   SENTINEL_SOAK_BUILD_DIR  build folder to use (default build/ci, configured with the ci preset when
#                            missing); it must have tests on (SENTINEL_BUILD_TESTS)
#   SENTINEL_SOAK_REPORT     also write the JSON report to this file
# Exit status: 0 every check passed, 1 a check failed, 2 bad usage or nothing to run.
set -euo pipefail
cd "$(dirname "$0")/.."

days=1
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
    days="$1"
    shift
fi
if ! [[ "$days" =~ ^[0-9]+([.][0-9]+)?$ ]]; then
    echo "soak: DAYS must be a number of simulated days, not '$days'" >&2
    exit 2
fi

build="${SENTINEL_SOAK_BUILD_DIR:-build/ci}"
if [ ! -f "$build/CMakeCache.txt" ]; then
    if [ -n "${SENTINEL_SOAK_BUILD_DIR:-}" ]; then
        echo "soak: $build is not a configured build folder" >&2
        exit 2
    fi
    cmake --preset ci >/dev/null
fi
# Only what the soak runs: the CLI under test and the driver (not the whole tree).
cmake --build "$build" -j2 --target sentinel sentinel_soak

report="${SENTINEL_SOAK_REPORT:-}"
status=0
if [ -n "$report" ]; then
    "$build/tests/soak/sentinel_soak" --sentinel "$build/app/cli/sentinel" --days "$days" "$@" >"$report" || status=$?
    echo "soak: report in $report" >&2
else
    "$build/tests/soak/sentinel_soak" --sentinel "$build/app/cli/sentinel" --days "$days" "$@" || status=$?
fi
exit "$status"
