#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# CI bench stage: runs every benchmark executable in BUILD_DIR/tests/bench briefly (and, when
# BUILD_DIR/app/cli/sentinel exists, tests/bench/bench_engine_week.sh) and compares each benchmark
# with tests/bench/baseline.json. What is compared is a ratio, the benchmark's CPU time over
# BM_ReferenceLoop's (linked into every executable) measured in the same run, so a slower or busier
# machine moves both and passes; a ratio more than 2x its baseline ratio fails the stage.
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
# bench_healthz is a measurement against an absolute target (p99 under 100 ms), not a Google
# Benchmark executable: it runs after the others and is reported, not compared.
mapfile -t executables < <(find "$bench_dir" -maxdepth 1 -type f -name 'bench_*' -perm -u+x ! -name '*.sh' \
                               ! -name bench_healthz 2>/dev/null | sort)
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
for executable in "${executables[@]}"; do
    name="$(basename "$executable")"
    echo "bench: running $name" >&2
    # Interleaved repetitions spread BM_ReferenceLoop's over the whole run, so a burst of load from
    # elsewhere hits the yardstick and the benchmarks alike.
    (cd "$results" && "$executable" --benchmark_min_time="$min_time" --benchmark_repetitions="$repetitions" \
        --benchmark_enable_random_interleaving=true --benchmark_format=json \
        --benchmark_out="$results/$name.json" --benchmark_out_format=json >/dev/null)
done

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
    echo "bench: running bench_healthz (reported against its 100 ms p99 target, not compared)" >&2
    if ! QT_QPA_PLATFORM=offscreen "$healthz" --requests 500 >"$results/healthz.log" 2>&1; then
        tail -n 20 "$results/healthz.log" >&2
        echo "bench: FAILED: bench_healthz did not finish" >&2
        exit 1
    fi
    grep '^healthz_bench ' "$results/healthz.log" || { echo "bench: FAILED: bench_healthz printed no result" >&2; exit 1; }
fi

python3 - "$results" "$baseline" "$update" "$engine_week" <<'PYTHON'
import glob
import json
import os
import platform
import sys
import time

results_dir, baseline_path, update, engine_week = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4] == "1"
REFERENCE = "BM_ReferenceLoop"
THRESHOLD = 2.0
UNIT_NS = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}

# Per benchmark, the fastest repetition's CPU time: the least disturbed by other work on the machine.
measured = {}
for path in sorted(glob.glob(os.path.join(results_dir, "*.json"))):
    executable = os.path.basename(path)[: -len(".json")]
    with open(path) as handle:
        report = json.load(handle)
    fastest = {}
    for run in report["benchmarks"]:
        if run.get("run_type") != "iteration" or run.get("error_occurred"):
            continue
        name = run.get("run_name", run["name"])
        cpu_ns = run["cpu_time"] * UNIT_NS[run.get("time_unit", "ns")]
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

rows, failures = [], []
for executable in sorted(set(expected) | set(measured)):
    base = expected.get(executable, {})
    now = measured.get(executable, {})
    for name in sorted(set(base) | set(now)):
        label = f"{executable}/{name}"
        if name not in now:
            rows.append((label, base[name], None, "MISSING"))
            failures.append(f"{label} is in the baseline but did not run (build it, or --update the baseline)")
        elif name not in base:
            rows.append((label, None, now[name], "new"))
        elif now[name] > THRESHOLD * base[name]:
            rows.append((label, base[name], now[name], "SLOWER"))
            failures.append(f"{label} takes {now[name] / base[name]:.2f}x its baseline ratio "
                            f"({base[name]:.4g} -> {now[name]:.4g} x {REFERENCE}; the limit is {THRESHOLD:g}x)")
        else:
            rows.append((label, base[name], now[name], "ok"))

def cell(ratio):
    return "-" if ratio is None else f"{ratio:.4g}"

width = max(len(row[0]) for row in rows)
print(f"{'benchmark':<{width}}  {'baseline':>10}  {'measured':>10}  {'change':>7}  verdict")
for label, base, now, verdict in rows:
    change = f"{now / base:.2f}x" if base and now is not None else "-"
    print(f"{label:<{width}}  {cell(base):>10}  {cell(now):>10}  {change:>7}  {verdict}")
print(f"ratios: CPU time / {REFERENCE} ({yardstick / 1e3:.2f} us, the fastest in this run)")
new = [row[0] for row in rows if row[3] == "new"]
if new:
    print(f"bench: {len(new)} benchmark(s) without a baseline ratio; record them with scripts/bench.sh --update")
if failures:
    for failure in failures:
        print(f"bench: FAILED: {failure}", file=sys.stderr)
    sys.exit(1)
print(f"bench: all {len(rows) - len(new)} benchmarks within {THRESHOLD:g}x of their baseline ratio")
PYTHON
