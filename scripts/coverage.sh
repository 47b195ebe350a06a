#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Line and branch coverage per module from a coverage build whose tests have run:
#   scripts/coverage.sh [BUILD_DIR]        (default build/coverage)
# Prints one row per core module, ui and app, and the core total; fails when core's line coverage
# is under SENTINEL_COVERAGE_MIN (percent; unset: report only). Writes BUILD_DIR/coverage.json.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:-$here/build/coverage}" && pwd)"
cd "$here"
# A clang build writes gcov files of its own version: llvm-cov reads them, gcc's gcov does not.
gcov=(gcov)
if grep -Eq '^CMAKE_CXX_COMPILER:[A-Z]+=.*clang' "$build/CMakeCache.txt"; then
  version=$(sed -n 's/^set(CMAKE_CXX_COMPILER_VERSION "\([0-9]*\).*/\1/p' "$build"/CMakeFiles/*/CMakeCXXCompiler.cmake | head -1)
  gcov=(llvm-cov${version:+-$version} gcov)
  command -v "${gcov[0]}" >/dev/null || gcov=(llvm-cov gcov)
fi
gcovr --gcov-executable "${gcov[*]}" --root "$here" --object-directory "$build" \
      --filter "$here/core/" --filter "$here/ui/" --filter "$here/app/" \
      --exclude-unreachable-branches --exclude-throw-branches \
      --gcov-ignore-parse-errors -j 2 \
      --json-summary "$build/coverage.json" >/dev/null
python3 - "$build/coverage.json" "${SENTINEL_COVERAGE_MIN:-}" <<'PY'
import json, sys
from collections import defaultdict
summary = json.load(open(sys.argv[1]))
groups = defaultdict(lambda: [0, 0, 0, 0])   # lines covered, lines, branches covered, branches
for f in summary["files"]:
    parts = f["filename"].split("/")
    group = "/".join(parts[:2]) if parts[0] == "core" else parts[0]
    g = groups[group]
    g[0] += f["line_covered"]; g[1] += f["line_total"]
    g[2] += f["branch_covered"]; g[3] += f["branch_total"]
def pct(a, b): return 100.0 * a / b if b else 100.0
core = [sum(v[i] for k, v in groups.items() if k.startswith("core/")) for i in range(4)]
print(f"{'module':<18}{'lines':>16}{'line %':>9}{'branches':>18}{'branch %':>10}")
for name in sorted(groups) + ["core (total)"]:
    g = core if name == "core (total)" else groups[name]
    print(f"{name:<18}{g[0]:>7}/{g[1]:<8}{pct(g[0], g[1]):>8.1f}%{g[2]:>8}/{g[3]:<9}{pct(g[2], g[3]):>9.1f}%")
minimum = sys.argv[2]
if minimum and pct(core[0], core[1]) < float(minimum):
    print(f"coverage.sh: core line coverage {pct(core[0], core[1]):.1f}% is under {minimum}%", file=sys.stderr)
    sys.exit(1)
PY
