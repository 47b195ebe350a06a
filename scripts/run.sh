#!/usr/bin/env bash
# Installs what is missing, builds the release preset and starts the GUI on the embedded demo
# profile (simulated market feed, paper account: no keys, no network). Extra arguments go to
# trade-sentinel, e.g. ./scripts/run.sh --config my.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target trade-sentinel sentinel
exec build/release/app/gui/trade-sentinel "$@"
