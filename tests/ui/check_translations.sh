#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a shipped translation is incomplete: runs lupdate over the sources on a temporary
# copy of each .ts file (the tree is left untouched) and looks for entries that are unfinished
# (new or changed source strings) or vanished/obsolete (strings the code no longer has).
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/../.." && pwd)}"
lupdate="${LUPDATE:-/usr/lib/qt6/bin/lupdate}"
[ -x "$lupdate" ] || lupdate="$(command -v lupdate)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for lang in de es; do
    ts="$root/translations/sentinel_$lang.ts"
    if [ ! -f "$ts" ]; then
        echo "missing $ts" >&2
        status=1
        continue
    fi
    cp "$ts" "$work/sentinel_$lang.ts"
    (cd "$root" && "$lupdate" -silent -locations relative -I . -I core ui app/gui -ts "$work/sentinel_$lang.ts") >"$work/lupdate.log" 2>&1
    unfinished=$(grep -c 'type="unfinished"' "$work/sentinel_$lang.ts" || true)
    vanished=$(grep -Ec 'type="(vanished|obsolete)"' "$work/sentinel_$lang.ts" || true)
    messages=$(grep -c '<message' "$work/sentinel_$lang.ts" || true)
    echo "sentinel_$lang.ts: $messages messages, $unfinished unfinished, $vanished vanished or obsolete"
    if [ "$unfinished" -ne 0 ] || [ "$vanished" -ne 0 ]; then
        grep -B3 -E 'type="(unfinished|vanished|obsolete)"' "$work/sentinel_$lang.ts" | grep '<source>' | head -20 >&2 || true
        status=1
    fi
done
exit $status
