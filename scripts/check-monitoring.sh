#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks what packaging/monitoring/ ships and what a running engine exports, with promtool:
#   1. promtool check rules  packaging/monitoring/alert-rules.yaml
#   2. promtool test rules   packaging/monitoring/alert-rules.test.yaml (series that fire and don't)
#   3. a real, live `sentinel run` (simulated feed, paper account, a webhook nobody answers, the
#      endpoint on a port the kernel picks) is scraped with curl; /metrics goes through
#      `promtool check metrics`, /healthz must answer; then the run is stopped with SIGTERM and
#      must exit 0 with its JSON summary.
# Fails on any promtool complaint. Needs promtool and curl: SENTINEL_WITH_CI_TOOLS=1 scripts/install-deps.sh
# Usage: scripts/check-monitoring.sh BUILD_DIR      (BUILD_DIR holds app/cli/sentinel, e.g. build/ci)
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -ne 1 ]]; then
  echo "usage: scripts/check-monitoring.sh BUILD_DIR   (e.g. build/ci, after building the sentinel target)" >&2
  exit 2
fi
sentinel="$1/app/cli/sentinel"
if [[ ! -x "$sentinel" ]]; then
  echo "check-monitoring: no $sentinel; build it first: cmake --build $1 --target sentinel" >&2
  exit 2
fi
for tool in promtool curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check-monitoring: $tool is missing; install it with SENTINEL_WITH_CI_TOOLS=1 scripts/install-deps.sh" >&2
    exit 2
  fi
done

step() { echo "--- $*"; }

step "promtool check rules"
promtool check rules packaging/monitoring/alert-rules.yaml

step "promtool test rules"
promtool test rules packaging/monitoring/alert-rules.test.yaml

step "live sentinel run, scraped"
work="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A port nothing listens on now (the log that names a kernel-picked port is flushed too late to
# read). Should another program take it first, the engine runs without the endpoint, raises a
# telemetry alert, and the scrape below fails with that message.
port=""
for _ in $(seq 1 50); do
  candidate=$(( 20000 + RANDOM % 40000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
    port="$candidate"
    break
  fi
done
if [[ -z "$port" ]]; then
  echo "check-monitoring: found no free port on 127.0.0.1" >&2
  exit 1
fi

cat > "$work/sentinel.yaml" <<EOF
mode: approval
provider: simulated
platform: paper
watchlist:
  - {symbol: "BTC/USD", market: CRYPTO, interval: 1min}
  - {symbol: "EUR/USD", market: FX, interval: 5min}
  - {symbol: "AAPL", market: XNYS, interval: 5min}
webhook: {enabled: true, url: "http://127.0.0.1:9/unanswered", secret: "\${SENTINEL_CHECK_WEBHOOK_SECRET}"}
journal: {path: "$work/journal.sqlite"}
telemetry: {listen: "127.0.0.1:$port"}
EOF

# The webhook's signing secret is read from the environment, as a real one would be.
export SENTINEL_CHECK_WEBHOOK_SECRET="check-monitoring-$$"
# A bounded run: --duration ends it even if this script is killed before it sends SIGTERM.
"$sentinel" run --config "$work/sentinel.yaml" --offline --duration 120 \
    --log-file "$work/sentinel.log" --log-level info >"$work/summary.json" 2>"$work/stderr.txt" &
pid=$!

# Wait for the endpoint (the start-up history load comes first).
served=0
for _ in $(seq 1 300); do
  if curl --silent --output /dev/null --max-time 1 "http://127.0.0.1:$port/healthz"; then
    served=1
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
if [[ "$served" -ne 1 ]]; then
  echo "check-monitoring: sentinel run did not serve 127.0.0.1:$port; its stderr and log:" >&2
  cat "$work/stderr.txt" "$work/sentinel.log" >&2 || true
  exit 1
fi
echo "sentinel run (pid $pid) serves 127.0.0.1:$port"

# Let the start-up load settle, then scrape twice: the first scrape and a later one.
sleep 2
curl --silent --show-error --fail --max-time 10 "http://127.0.0.1:$port/metrics" >"$work/metrics-1.txt"
sleep 1
curl --silent --show-error --fail --max-time 10 "http://127.0.0.1:$port/metrics" >"$work/metrics-2.txt"
# /healthz answers 200 or 503 (the webhook nobody answers may make it degraded); anything else fails.
health_status="$(curl --silent --output "$work/healthz.json" --write-out '%{http_code}' --max-time 10 "http://127.0.0.1:$port/healthz")"
if [[ "$health_status" != "200" && "$health_status" != "503" ]]; then
  echo "check-monitoring: /healthz answered HTTP $health_status" >&2
  exit 1
fi
echo "/healthz: HTTP $health_status $(cat "$work/healthz.json")"

for scrape in "$work/metrics-1.txt" "$work/metrics-2.txt"; do
  families="$(grep -c '^# TYPE ' "$scrape" || true)"
  samples="$(grep -c '^sentinel_' "$scrape" || true)"
  echo "promtool check metrics: $(basename "$scrape"): $families families, $samples samples"
  if [[ "$families" -eq 0 || "$samples" -eq 0 ]]; then
    echo "check-monitoring: the scrape is empty" >&2
    exit 1
  fi
  # promtool prints lint problems and exits non-zero on any; say which scrape it was.
  if ! promtool check metrics <"$scrape"; then
    echo "check-monitoring: promtool check metrics complained about $(basename "$scrape")" >&2
    exit 1
  fi
done
grep -q '^sentinel_engine_cycle_seconds_bucket{le="+Inf"} ' "$work/metrics-2.txt" \
  || { echo "check-monitoring: no cycle-time histogram in the scrape" >&2; exit 1; }

step "stopping sentinel run"
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
if [[ "$status" -ne 0 ]]; then
  echo "check-monitoring: sentinel run exited $status after SIGTERM; stderr:" >&2
  cat "$work/stderr.txt" >&2
  exit 1
fi
if ! grep -q '"cycles"' "$work/summary.json"; then
  echo "check-monitoring: sentinel run printed no summary after SIGTERM" >&2
  exit 1
fi
echo "sentinel run stopped cleanly: $(head -c 200 "$work/summary.json")..."
echo "check-monitoring: OK"
