#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer target listed in tests/fuzz/targets.txt for a bounded time each, over a
# corpus seeded from tests/data. The targets live in a clang build with ASan + UBSan and libraries
# instrumented for coverage: the asan preset's, or SENTINEL_FUZZ_PRESET's (CI: ci-asan), which this
# script configures and builds if needed.
#   scripts/fuzz.sh [SECONDS-PER-TARGET] [TARGET...]   (default 60 s, every target)
# A crash, leak, timeout or sanitizer report fails the script and leaves the input in
# build/<preset>/fuzz-artifacts/.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
seconds="${1:-60}"
shift || true
preset="${SENTINEL_FUZZ_PRESET:-asan}"
build="$here/build/$preset"
wanted=("$@")

declare -a names seeds patterns dicts
while read -r name seed pattern dict; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  if [[ ${#wanted[@]} -gt 0 && ! " ${wanted[*]} " == *" $name "* ]]; then continue; fi
  names+=("$name"); seeds+=("$seed"); patterns+=("$pattern"); dicts+=("${dict:-}")
done < tests/fuzz/targets.txt
if [[ ${#names[@]} -eq 0 ]]; then
  echo "fuzz.sh: no target matches ${wanted[*]} (see tests/fuzz/targets.txt)" >&2
  exit 2
fi

[[ -f "$build/CMakeCache.txt" ]] || cmake --preset "$preset" >/dev/null
cmake --build "$build" --target "${names[@]}" -j2

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export LSAN_OPTIONS="suppressions=$here/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
for i in "${!names[@]}"; do
  name="${names[$i]}"
  corpus="$build/fuzz-corpus/$name"
  mkdir -p "$corpus"
  # Copies: libFuzzer writes the inputs it finds into the corpus folder.
  find "tests/data/${seeds[$i]}" -type f -name "${patterns[$i]}" ! -name expected.json -print0 |
      while IFS= read -r -d '' file; do cp "$file" "$corpus/$(sha1sum < "$file" | cut -c1-16)"; done
  dict=()
  [[ -n "${dicts[$i]}" ]] && dict=(-dict="tests/fuzz/${dicts[$i]}")
  echo "=== $name: ${seconds}s over $(find "$corpus" -type f | wc -l) seeds"
  log="$artifacts/$name.log"
  status=0
  "$build/tests/fuzz/$name" "$corpus" "${dict[@]}" \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$artifacts/$name-" >"$log" 2>&1 || status=$?
  grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
  if [[ $status -ne 0 ]]; then
    tail -n 60 "$log" >&2
    echo "fuzz.sh: $name failed (exit $status); the input is in $artifacts/" >&2
    exit 1
  fi
done
