#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (not a test): one simulated week of 20 instruments at 5min through the whole engine
# (calendar schedule, bar cache, freshness gate, strategy, risk gate, auto-approved paper trades,
# journal), timed on the wall clock. Prints the run summary, whose cycle_ms is the cycle's own
# compute without I/O. Use an optimised build:
#   cmake --preset bench && cmake --build --preset bench --target sentinel
#   tests/bench/bench_engine_week.sh build/bench/app/cli/sentinel
set -euo pipefail
sentinel="${1:-build/bench/app/cli/sentinel}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
{
  echo "watchlist:"
  for pair in EUR/USD GBP/USD USD/JPY AUD/USD USD/CHF USD/CAD NZD/USD EUR/GBP; do
    echo "  - {symbol: \"$pair\", market: FX, interval: 5min}"
  done
  for coin in BTC/USD ETH/USD SOL/USD XRP/USD ADA/USD DOGE/USD; do
    echo "  - {symbol: \"$coin\", market: CRYPTO, interval: 5min}"
  done
  for stock in AAPL MSFT AMZN GOOGL NVDA JPM; do
    echo "  - {symbol: \"$stock\", market: XNYS, interval: 5min}"
  done
} > "$work/week.yaml"
start=$(date +%s.%N)
"$sentinel" run --config "$work/week.yaml" --simulate --from 2026-11-23T00:00:00Z --to 2026-11-30T00:00:00Z \
    --auto-approve --journal "$work/journal.sqlite" > "$work/summary.json"
end=$(date +%s.%N)
cat "$work/summary.json"
echo "wall seconds: $(echo "$end - $start" | bc)"
