#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CI bench stage: runs every benchmark executable in BUILD_DIR/tests/bench briefly (and, when
# BUILD_DIR/app/cli/sentinel exists, tests/bench/bench_engine_week.sh) and compares each benchmark
# with tests/bench/baseline.json. What is compared is a ratio, the benchmark's CPU time over
# BM_ReferenceLoop's (linked into every executable) measured in the same run, so a slower or busier
# machine moves both and passes. Each benchmark's change against its baseline ratio is then held
# against its peers' (its executable's median change, each executable's against the run's), so a
# CPU that is slower at one kind of work moves a whole group and passes; a change more than 2x its
# peers' fails, after a second run of that executable rules out a burst of load (ADR 0109).
# Method and figures: docs/performance.md.
#
#   scripts/bench.sh [--baseline FILE] BUILD_DIR            compare (exit 1 on a regression)
#   scripts/bench.sh --update [--baseline FILE] BUILD_DIR   measure and rewrite the baseline
#   --keep DIR        also leave Google Benchmark's JSON of each executable (absolute times) in DIR
#   --no-engine-week  skip the engine week (~6 s CPU, 25-50 s wall on a crowded 2-core machine)
#
# BUILD_DIR is a Release tree configured with -DSENTINEL_BUILD_BENCHMARKS=ON (the tests may be off).
# Environment: SENTINEL_BENCH_REPETITIONS (default 5), SENTINEL_BENCH_MIN_TIME (seconds, default 0.05).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

usage() {
    echo "usage: scripts/bench.sh [--update] [--baseline FILE] [--keep DIR] [--no-engine-week] BUILD_DIR" >&2
    exit 2
}

update=0
baseline="$here/tests/bench/baseline.json"
build=""
keep=""
engine_week=1
while [ $# -gt 0 ]; do
    case "$1" in
        --update) update=1 ;;
        --baseline) [ $# -ge 2 ] || usage; baseline="$2"; shift ;;
        --keep) [ $# -ge 2 ] || usage; keep="$2"; shift ;;
        --no-engine-week) engine_week=0 ;;
        -h|--help) usage ;;
        -*) echo "bench: unknown option $1" >&2; usage ;;
        *) [ -z "$build" ] || usage; build="$1" ;;
    esac
    shift
done
[ -n "$build" ] || usage
[ -d "$build" ] || { echo "bench: no build directory $build" >&2; exit 2; }
build="$(cd "$build" && pwd)"
command -v python3 >/dev/null || { echo "bench: python3 is needed to read the results" >&2; exit 2; }

bench_dir="$build/tests/bench"
# bench_healthz, bench_broker_stream, bench_advisor, bench_telegram_press, bench_history and bench_chart measure against absolute
# targets, not Google Benchmark executables: they run after the others and fail the stage above their targets.
mapfile -t executables < <(find "$bench_dir" -maxdepth 1 -type f -name 'bench_*' -perm -u+x ! -name '*.sh' \
                               ! -name bench_healthz ! -name bench_broker_stream ! -name bench_advisor \
                               ! -name bench_telegram_press ! -name bench_history ! -name bench_chart 2>/dev/null | sort)
if [ ${#executables[@]} -eq 0 ]; then
    echo "bench: no benchmark executables in $bench_dir; configure with -DSENTINEL_BUILD_BENCHMARKS=ON" \
         "-DCMAKE_BUILD_TYPE=Release and build them" >&2
    exit 2
fi
if [ $update -eq 0 ] && [ ! -f "$baseline" ]; then
    echo "bench: no baseline at $baseline (record one with --update)" >&2
    exit 2
fi

if [ -n "$keep" ]; then
    mkdir -p "$keep"
    results="$(cd "$keep" && pwd)"
else
    results="$(mktemp -d)"
    trap 'rm -rf "$results"' EXIT
fi
repetitions="${SENTINEL_BENCH_REPETITIONS:-5}"
min_time="${SENTINEL_BENCH_MIN_TIME:-0.05}"
# run_benchmarks DIR REPETITIONS EXECUTABLE...: each executable's JSON report into DIR.
run_benchmarks() {
    local into="$1" reps="$2"
    shift 2
    local executable name
    for executable in "$@"; do
        name="$(basename "$executable")"
        echo "bench: running $name" >&2
        # Interleaved repetitions spread BM_ReferenceLoop's over the whole run, so a burst of load
        # from elsewhere hits the yardstick and the benchmarks alike.
        (cd "$into" && "$executable" --benchmark_min_time="$min_time" --benchmark_repetitions="$reps" \
            --benchmark_enable_random_interleaving=true --benchmark_format=json \
            --benchmark_out="$into/$name.json" --benchmark_out_format=json >/dev/null)
    done
}
run_benchmarks "$results" "$repetitions" "${executables[@]}"

# The engine week (tests/bench/bench_engine_week.sh, ~8 s of CPU) is compared by the CPU time of the
# whole run, engine thread and journal included, over the same yardstick.
sentinel="$build/app/cli/sentinel"
if [ $engine_week -eq 0 ]; then
    echo "bench: engine week skipped (--no-engine-week)" >&2
elif [ -x "$sentinel" ]; then
    echo "bench: running bench_engine_week.sh" >&2
    TIMEFORMAT='%U %S %R'
    if ! { time "$here/tests/bench/bench_engine_week.sh" "$sentinel" >"$results/engine_week.log" 2>&1; } \
            2>"$results/engine_week.times"; then
        tail -n 20 "$results/engine_week.log" >&2
        echo "bench: FAILED: tests/bench/bench_engine_week.sh did not finish" >&2
        exit 1
    fi
else
    echo "bench: no $sentinel, so no engine week (build the sentinel target)" >&2
fi

healthz="$bench_dir/bench_healthz"
if [ -x "$healthz" ]; then
    echo "bench: running bench_healthz (p99 against its 100 ms target)" >&2
    if ! QT_QPA_PLATFORM=offscreen "$healthz" --requests 500 >"$results/healthz.log" 2>&1; then
        tail -n 20 "$results/healthz.log" >&2
        echo "bench: FAILED: bench_healthz did not finish" >&2
        exit 1
    fi
    grep '^healthz_bench ' "$results/healthz.log" || { echo "bench: FAILED: bench_healthz printed no result" >&2; exit 1; }
    # Served from its own thread (ADR 0110), p99 is 1-4 ms on the loaded development machine: the
    # 100 ms target is a gate now, with a margin of 25x for a slower runner.
    if ! grep -q '^healthz_bench .* within_target=yes' "$results/healthz.log"; then
        echo "bench: FAILED: /healthz p99 is above its 100 ms target (issue 19)" >&2
        exit 1
    fi
fi

broker="$bench_dir/bench_broker_stream"
if [ -x "$broker" ]; then
    echo "bench: running bench_broker_stream (targets: 5,000 candles under 10 ms; stream line to bar p99 under 1 ms)" >&2
    if ! QT_QPA_PLATFORM=offscreen "$broker" >"$results/broker_stream.log" 2>&1; then
        tail -n 20 "$results/broker_stream.log" >&2
        echo "bench: FAILED: bench_broker_stream did not finish" >&2
        exit 1
    fi
    grep -E '^(candles_parse_bench|stream_bar_bench) ' "$results/broker_stream.log" \
        || { echo "bench: FAILED: bench_broker_stream printed no result" >&2; exit 1; }
    # 5,000 candles are gated (ADR 0125) on the median CPU time of 30 parses: with the scanner
    # 2.3 ms (OANDA) and 2.9 ms (Coinbase) on the loaded 2-core development VM (load 3-4), 3.4x
    # under the 10 ms target, where the DOM reader alone takes 9.8 and 11.0 ms. Wall time, which
    # on a shared runner measures the neighbours too, read 2.3-8.9 ms. A first miss is measured
    # again alone (--parse-only) so that one burst of load does not fail the stage; two misses do.
    gated='^candles_parse_bench broker=(oanda|coinbase) ' # not the DOM-only lines of SENTINEL_BENCH_VERBOSE
    if [ "$(grep -Ec "$gated" "$results/broker_stream.log")" -ne 2 ]; then
        echo "bench: FAILED: bench_broker_stream printed no figure for OANDA's or Coinbase's candles" >&2
        exit 1
    fi
    if grep -Eq "$gated.* within_target=no" "$results/broker_stream.log"; then
        echo "bench: a candles parse is above its 10 ms target; measuring the parsers again alone" >&2
        if ! "$broker" --parse-only >"$results/broker_parse_again.log" 2>&1; then
            tail -n 20 "$results/broker_parse_again.log" >&2
            echo "bench: FAILED: bench_broker_stream --parse-only did not finish" >&2
            exit 1
        fi
        grep '^candles_parse_bench ' "$results/broker_parse_again.log" >&2 || true
        if [ "$(grep -Ec "$gated.* within_target=yes" "$results/broker_parse_again.log")" -ne 2 ]; then
            echo "bench: FAILED: parsing 5,000 candles takes 10 ms or more, twice (issue 14's target; ADR 0125)" >&2
            exit 1
        fi
    fi
    # The stream's p99 is reported, not gated yet: on the loaded 2-core runner it is still above
    # its target (see the closing note of stop 17 and docs/performance.md).
    if grep -Eq '^stream_bar_bench .* within_target=no' "$results/broker_stream.log"; then
        echo "bench: NOTE: the stream's line-to-bar p99 is above its issue-14 target (not gated yet)" >&2
    fi
fi

# run_target EXECUTABLE LOG PREFIX WHAT FAILURE: runs one absolute-target benchmark, shows its result
# line and fails the stage when it says within_target=no.
run_target() {
    local executable="$bench_dir/$1" log="$results/$2" prefix="$3"
    [ -x "$executable" ] || return 0
    echo "bench: running $1 ($4)" >&2
    if ! QT_QPA_PLATFORM=offscreen "$executable" >"$log" 2>&1; then
        tail -n 20 "$log" >&2
        echo "bench: FAILED: $1 did not finish" >&2
        exit 1
    fi
    grep "^$prefix " "$log" || { echo "bench: FAILED: $1 printed no result" >&2; exit 1; }
    if grep -q "^$prefix .* within_target=no" "$log"; then
        echo "bench: FAILED: $5" >&2
        exit 1
    fi
}
# The advisor's own work per decision, model time (each request's round trip) taken out: p99
# 0.35-0.45 ms against the 2 ms target on the 2-core VM (stop 22; docs/performance.md).
run_target bench_advisor advisor.log advisor_overhead_bench \
    "target: the advisor's overhead per decision, model time excluded, under 2 ms at p99" \
    "the advisor's overhead is above its issue-15 target of 2 ms at p99"
run_target bench_telegram_press telegram_press.log telegram_press_bench \
    "target: a Telegram press to the fill under 50 ms at p99" \
    "a Telegram press to the fill is above its issue-16 target of 50 ms at p99"
run_target bench_history history.log history_bench \
    "targets: 100,000 trades open in the History view under 1 s, page-down p99 under 16 ms" \
    "the History view is above an issue-17 target (open 1 s, scroll p99 16 ms)"
# A chart frame with 10,000 candles: p99 1.0-7.4 ms across the four scenarios (full view, ~200
# candles, pan and zoom steps) on the 2-core VM at load 1.5-3.4, standalone -O2 build; target 16 ms.
run_target bench_chart chart.log chart_bench \
    "target: 10,000 candles render a frame under 16 ms at p99 (full view, zoomed, pan and zoom steps)" \
    "a chart frame with 10,000 candles is above its issue-17 target of 16 ms at p99"

# The comparison (below) exits 3 and names executables in $results/rerun when a failure might be a
# burst of load: those run once more with twice the repetitions into $results/confirm, and the
# comparison is made again on the faster repetition of each benchmark from both runs.
compare() {
    python3 - "$results" "$baseline" "$update" "$engine_week" "$@" <<'PYTHON'
import glob
import json
import os
import platform
import statistics
import sys
import time

results_dir, baseline_path, update, engine_week = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4] == "1"
confirming = len(sys.argv) > 5 and sys.argv[5] == "--confirmed"
REFERENCE = "BM_ReferenceLoop"
THRESHOLD = 2.0
# Below this many compared benchmarks an executable's median says too little about the machine, and
# its benchmarks are held against the run's median instead.
PEERS = 3
UNIT_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}

# Per benchmark, the fastest repetition's CPU time: the least disturbed by other work on the machine.
def fastest_times(path):
    with open(path) as handle:
        report = json.load(handle)
    fastest = {}
    for run in report["benchmarks"]:
        if run.get("run_type") != "iteration" or run.get("error_occurred"):
            continue
        name = run.get("run_name", run["name"])
        cpu_ns = run["cpu_time"] * UNIT_NS[run.get("time_unit", "ns")]
        fastest[name] = min(cpu_ns, fastest.get(name, cpu_ns))
    return fastest

measured = {}
for path in sorted(glob.glob(os.path.join(results_dir, "*.json"))):
    executable = os.path.basename(path)[: -len(".json")]
    fastest = fastest_times(path)
    confirm_path = os.path.join(results_dir, "confirm", os.path.basename(path))
    if confirming and os.path.exists(confirm_path):
        for name, cpu_ns in fastest_times(confirm_path).items():
            fastest[name] = min(cpu_ns, fastest.get(name, cpu_ns))
    if REFERENCE not in fastest:
        sys.exit(f"bench: {executable} has no {REFERENCE} (link tests/bench/ReferenceLoop.cpp)")
    measured[executable] = dict(fastest)

# One yardstick for the run: the fastest BM_ReferenceLoop of any executable. A single executable's
# can be an outlier (a burst of load during its repetitions), which would shift all its ratios.
yardstick = min(times.pop(REFERENCE) for times in measured.values())
for times in measured.values():
    for name in times:
        times[name] /= yardstick

# Whole-engine run: its CPU seconds over the fastest yardstick any executable measured in this run.
times_path = os.path.join(results_dir, "engine_week.times")
if os.path.exists(times_path) and measured:
    user, system, wall = (float(field) for field in open(times_path).read().split())
    measured["bench_engine_week"] = {"cpu_seconds": (user + system) * 1e9 / yardstick}
    if not confirming:
        print(f"bench: engine week {user + system:.1f} s CPU, {wall:.1f} s wall")

if update:
    baseline = {
        "about": "Benchmark CPU time / BM_ReferenceLoop CPU time, fastest repetitions, same run. "
                 "Written by scripts/bench.sh --update; see docs/performance.md.",
        "recorded": {
            "utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}",
        },
        "ratios": {
            executable: {
                name: float(f"{ratio:.4g}") for name, ratio in sorted(ratios.items())
            }
            for executable, ratios in sorted(measured.items())
        },
    }
    with open(baseline_path, "w") as handle:
        json.dump(baseline, handle, indent=2)
        handle.write("\n")
    count = sum(len(r) for r in baseline["ratios"].values())
    print(f"bench: wrote {count} ratios to {baseline_path} ({REFERENCE} {yardstick / 1e3:.2f} us)")
    sys.exit(0)

with open(baseline_path) as handle:
    expected = json.load(handle)["ratios"]
if not engine_week:
    expected.pop("bench_engine_week", None)

# change = measured ratio / baseline ratio. One yardstick cannot stand for every kind of work on every
# CPU: on another machine allocation-heavy or memory-bound code can move 2x against an L1-bound loop
# with no change in our code (the first CI runner measured gateVerdict at 2.2x and the Alpha Vantage
# parses at 0.5x). So a change is held against its peers': each executable's median change against the
# run's median, and each benchmark against its executable's median. A regression in our code moves
# some benchmarks away from the rest; a different machine moves them together.
changes = {}
for executable, base in expected.items():
    now = measured.get(executable, {})
    for name in base:
        if name in now:
            changes.setdefault(executable, {})[name] = now[name] / base[name]
all_changes = [change for per in changes.values() for change in per.values()]
run_median = statistics.median(all_changes) if all_changes else 1.0
executable_median = {
    executable: statistics.median(per.values()) if len(per) >= PEERS else run_median
    for executable, per in changes.items()
}

rows, failures, suspects = [], [], set()
if run_median > THRESHOLD:
    failures.append(f"the run as a whole takes {run_median:.2f}x its baseline ratios (median); the limit "
                    f"is {THRESHOLD:g}x: a build-type, compiler or flag change?")
for executable, per in sorted(changes.items()):
    if len(per) >= PEERS and executable_median[executable] > THRESHOLD * run_median:
        failures.append(f"{executable} as a whole takes {executable_median[executable]:.2f}x its baseline "
                        f"ratios (median) where the run takes {run_median:.2f}x; the limit is {THRESHOLD:g}x that")
        suspects.add(executable)
for executable in sorted(set(expected) | set(measured)):
    base = expected.get(executable, {})
    now = measured.get(executable, {})
    peers = executable_median.get(executable, run_median)
    for name in sorted(set(base) | set(now)):
        label = f"{executable}/{name}"
        if name not in now:
            rows.append((label, base[name], None, None, "MISSING"))
            failures.append(f"{label} is in the baseline but did not run (build it, or --update the baseline)")
        elif name not in base:
            rows.append((label, None, now[name], None, "new"))
        else:
            relative = changes[executable][name] / peers
            if relative > THRESHOLD:
                rows.append((label, base[name], now[name], relative, "SLOWER"))
                failures.append(f"{label} takes {changes[executable][name]:.2f}x its baseline ratio "
                                f"({base[name]:.4g} -> {now[name]:.4g} x {REFERENCE}), {relative:.2f}x its peers' "
                                f"median change ({peers:.2f}x); the limit is {THRESHOLD:g}x")
                suspects.add(executable)
            else:
                rows.append((label, base[name], now[name], relative, "ok"))

def cell(ratio):
    return "-" if ratio is None else f"{ratio:.4g}"

# A first failure of a Google Benchmark executable may be a burst of load: ask for a second look.
rerun = sorted(executable for executable in suspects if executable != "bench_engine_week")
if failures and rerun and not confirming:
    with open(os.path.join(results_dir, "rerun"), "w") as handle:
        handle.write("\n".join(rerun) + "\n")
    for failure in failures:
        print(f"bench: first look: {failure}", file=sys.stderr)
    sys.exit(3)

width = max(len(row[0]) for row in rows)
print(f"{'benchmark':<{width}}  {'baseline':>10}  {'measured':>10}  {'change':>7}  {'vs peers':>8}  verdict")
for label, base, now, relative, verdict in rows:
    change = f"{now / base:.2f}x" if base and now is not None else "-"
    against = f"{relative:.2f}x" if relative is not None else "-"
    print(f"{label:<{width}}  {cell(base):>10}  {cell(now):>10}  {change:>7}  {against:>8}  {verdict}")
print(f"ratios: CPU time / {REFERENCE} ({yardstick / 1e3:.2f} us, the fastest in this run); "
      f"median change {run_median:.2f}x" + (" (after a second run of the suspects)" if confirming else ""))
new = [row[0] for row in rows if row[4] == "new"]
if new:
    print(f"bench: {len(new)} benchmark(s) without a baseline ratio; record them with scripts/bench.sh --update")
if failures:
    for failure in failures:
        print(f"bench: FAILED: {failure}", file=sys.stderr)
    sys.exit(1)
print(f"bench: all {len(rows) - len(new)} benchmarks within {THRESHOLD:g}x of their peers' change")
PYTHON
}

status=0
compare || status=$?
if [ $status -eq 3 ]; then
    mkdir -p "$results/confirm"
    mapfile -t suspects <"$results/rerun"
    echo "bench: a second run of ${suspects[*]} with $((repetitions * 2)) repetitions" >&2
    run_benchmarks "$results/confirm" $((repetitions * 2)) "${suspects[@]/#/$bench_dir/}"
    status=0
    compare --confirmed || status=$?
fi
exit $status
