#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the README's images in docs/images from a build:
#   main-window-{light,dark}.png   the app on the embedded demo profile on a 1920 × 1080 screen,
#   main-window-laptop.png         the same on a 1366 × 768 screen (the compact layout),
#   <panel>-{light,dark}.png       the chart, history, performance, positions panels and the
#                                  Simulate dialog, saved by the UI tests that fill them
#                                  (SENTINEL_SCREENSHOT_DIR).
# Each on a virtual X server (xvfb-run) or the offscreen platform, with a throw-away HOME so saved
# layouts and settings do not leak in.
# Usage: scripts/screenshots.sh [build-dir, default build/release as scripts/run.sh builds it]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build/release}"
app="$build/app/gui/trade-sentinel"
[ -x "$app" ] || { echo "build trade-sentinel first: $app not found" >&2; exit 1; }
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
shoot() { # theme screen file
    rm -rf "$home/.config" "$home/.local"
    HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" LANG=C.UTF-8 TZ="${TZ:-Europe/Berlin}" \
        xvfb-run -a -s "-screen 0 $2x24 -dpi 96" \
        "$app" --theme "$1" --language en --screenshot "$root/docs/images/$3" \
               --screenshot-delay "${SCREENSHOT_DELAY_MS:-8000}"
    echo "docs/images/$3"
}
shoot light 1920x1080 main-window-light.png
shoot dark 1920x1080 main-window-dark.png
shoot light 1366x768 main-window-laptop.png
for test in tst_engine_ui tst_positionspanel; do
    HOME="$home" SENTINEL_SCREENSHOT_DIR="$root/docs/images" QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 \
        TZ="${TZ:-Europe/Berlin}" "$build/tests/ui/$test" >/dev/null
done
ls "$root"/docs/images/*-light.png "$root"/docs/images/*-dark.png
