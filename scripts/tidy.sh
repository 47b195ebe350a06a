#!/usr/bin/env bash
# clang-tidy over every .cpp under core/ with the checks of .clang-tidy (docs/adr/0107): prints each
# finding once, a count per check, and exits 1 on any finding (2 when it cannot run).
#   scripts/tidy.sh [BUILD_DIR [FILE...]]   default build/ci (configured with the ci preset if it is
#                                           not yet) and every core/**/*.cpp
# It reads BUILD_DIR/compile_commands.json and first builds the core modules' moc targets, which
# the sources include. The ci build compiles with gcc; every flag it passes is one clang knows too,
# and -Wno-unknown-warning-option keeps a gcc-only warning flag from failing the run.
#
#   SENTINEL_TIDY_JOBS   parallel clang-tidy processes (default 2)
#   SENTINEL_TIDY_CACHE  folder remembering the files that passed (default ~/.cache/sentinel-tidy;
#                        "off" for none). A file is skipped when its preprocessed text (comments
#                        kept, so NOLINTs count), .clang-tidy and the clang-tidy version are those of
#                        an earlier clean run: a whole run takes ~25 CPU-minutes, a cached file
#                        under a second.
#   SENTINEL_TIDY_SEED   a file of such keys to add to the cache before the run (CI seeds a fresh
#                        machine from .ci/tidy-clean.keys; a key is only ever the hash of a text that
#                        passed, so a stale list costs time, never a missed finding)
#   SENTINEL_TIDY_RECORD write the keys of every file that passed in this run (cached or checked)
#                        to this file, sorted: how .ci/tidy-clean.keys is made (scripts/tidy.sh
#                        after a clean full run)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:-build/ci}
shift $(( $# > 0 ? 1 : 0 ))
jobs=${SENTINEL_TIDY_JOBS:-2}
cache=${SENTINEL_TIDY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sentinel-tidy}

tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
clangxx=$(command -v clang++-14 || command -v clang++ || true)
if [[ -z "$tidy" ]]; then
  echo "tidy: clang-tidy is not installed (scripts/install-deps.sh installs it)" >&2
  exit 2
fi

if [[ ! -f "$build/compile_commands.json" ]]; then
  if [[ "$build" == build/ci ]]; then
    cmake --preset ci >/dev/null
  else
    echo "tidy: $build/compile_commands.json is missing: configure $build first" >&2
    exit 2
  fi
fi
build=$(cd "$build" && pwd)

# The sources include moc output (moc_*.cpp, *.moc); build the core modules' autogen targets.
autogen=()
for list in core/*/CMakeLists.txt; do
  autogen+=("sentinel_$(basename "$(dirname "$list")")_autogen")
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! cmake --build "$build" --target "${autogen[@]}" >"$work/autogen.log" 2>&1; then
  cat "$work/autogen.log" >&2
  echo "tidy: building the moc targets failed" >&2
  exit 2
fi

if (( $# > 0 )); then
  sources=("$@")
else
  mapfile -t sources < <(find core -name '*.cpp' | LC_ALL=C sort)
fi
extra=-extra-arg=-Wno-unknown-warning-option
version=$("$tidy" --version | tr -d '\n')

# For the cache: each source's compile command turned into a clang preprocessor run (NUL-separated
# arguments in $work/pp/N), with __FILE__ made relative so a fresh clone elsewhere shares keys.
if [[ "$cache" != off && -n "$clangxx" ]]; then
  mkdir -p "$cache" "$work/pp"
  if [[ -n "${SENTINEL_TIDY_SEED:-}" && -f "$SENTINEL_TIDY_SEED" ]]; then
    while read -r seeded; do
      [[ "$seeded" =~ ^[0-9a-f]{64}$ ]] && touch "$cache/$seeded"
    done <"$SENTINEL_TIDY_SEED"
  fi
  python3 - "$build/compile_commands.json" "$root" "$clangxx" "$work/pp" "${sources[@]}" <<'EOF'
import json, os, shlex, sys
db, root, clangxx, out, *sources = sys.argv[1:]
entries = {}
for entry in json.load(open(db)):
    path = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
    entries[path] = entry
for index, source in enumerate(sources):
    entry = entries.get(os.path.join(root, source))
    if entry is None:
        continue
    args = entry.get("arguments") or shlex.split(entry["command"])
    kept, skip = [clangxx], False
    for arg in args[1:]:
        if skip:
            skip = False
        elif arg in ("-o", "-c"):
            skip = arg == "-o"
        elif os.path.normpath(os.path.join(entry["directory"], arg)) != os.path.join(root, source):
            kept.append(arg)
    kept += ["-E", "-P", "-C", "-w", f"-fmacro-prefix-map={root}/=", os.path.join(root, source)]
    with open(os.path.join(out, str(index)), "wb") as f:
        f.write(b"\0".join(a.encode() for a in kept) + b"\0")
    with open(os.path.join(out, f"{index}.dir"), "w") as f:
        f.write(entry["directory"])
EOF
fi

# One source: its findings in $work/out/N.log, and N.failed when clang-tidy reports any.
check_one() {
  set -o pipefail
  local index=$1 source=$2 key=""
  if [[ -f "$work/pp/$index" ]]; then
    local preprocess text
    mapfile -d '' -t preprocess <"$work/pp/$index"
    # No key when the preprocessor fails: an empty text would stand for any content.
    if text=$(cd "$(cat "$work/pp/$index.dir")" && "${preprocess[@]}" 2>/dev/null | sha256sum); then
      key=$(printf '%s\n' "$version" "$extra" "$source" "$text" "$(sha256sum <"$source")" \
              "$(sha256sum <.clang-tidy)" | sha256sum | cut -d' ' -f1)
      if [[ -f "$cache/$key" ]]; then
        echo "$key" >"$work/out/$index.key"
        return 0
      fi
    fi
  fi
  if "$tidy" -p "$build" --quiet "$extra" "$source" >"$work/out/$index.log" 2>"$work/out/$index.err"; then
    if [[ -n "$key" ]]; then
      touch "$cache/$key"
      echo "$key" >"$work/out/$index.key"
    fi
  else
    touch "$work/out/$index.failed"
  fi
}
export -f check_one
export work build cache tidy version root extra
mkdir -p "$work/out"
for i in "${!sources[@]}"; do
  printf '%s\0%s\0' "$i" "${sources[$i]}"
done | xargs -0 -n2 -P "$jobs" bash -c 'check_one "$1" "$2"' _

# A header's finding is reported by every source that includes it: count each place once.
shopt -s nullglob
logs=("$work"/out/*.log)
findings=$(cat /dev/null "${logs[@]}" | sed 's/\x1b\[[0-9;]*m//g' \
  | grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error): .*\[[^]]+\]$' \
  | sed -e "s|^$root/||" -e 's/,-warnings-as-errors\]$/]/' | LC_ALL=C sort -u || true)
failed=("$work"/out/*.failed)
if [[ -n "$findings" ]]; then
  printf '%s\n' "$findings"
  echo
  echo "clang-tidy findings per check:"
  printf '%s\n' "$findings" | sed -E 's/.*\[([^]]+)\]$/\1/' | sort | uniq -c | sort -rn
fi
count=$(printf '%s' "$findings" | grep -c . || true)
if (( ${#failed[@]} > 0 )) && [[ -z "$findings" ]]; then
  # clang-tidy failed without a finding to show (a crash, a missing compile command): say why.
  for marker in "${failed[@]}"; do
    cat "${marker%.failed}.log" "${marker%.failed}.err" >&2
  done
fi
echo "tidy: ${#sources[@]} files, $count findings, ${#failed[@]} files failing"
if [[ -n "${SENTINEL_TIDY_RECORD:-}" ]]; then
  keys=("$work"/out/*.key)
  cat /dev/null "${keys[@]}" | LC_ALL=C sort -u >"$SENTINEL_TIDY_RECORD"
  echo "tidy: ${#keys[@]} keys of clean files written to $SENTINEL_TIDY_RECORD"
fi
if (( count > 0 || ${#failed[@]} > 0 )); then
  exit 1
fi
