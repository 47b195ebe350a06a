#!/usr/bin/env bash
# Installs what is missing, builds the ci preset and runs every test (UI tests offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci --output-on-failure --timeout 600 -j2
