#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates docs/images/main-window-{light,dark}.png from the built app on the embedded demo
# profile, on a virtual X server (xvfb-run), with a throw-away HOME so saved layouts and settings
# do not leak in. Usage: scripts/screenshots.sh [build-dir, default build/release as scripts/run.sh builds it]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build/release}"
app="$build/app/gui/trade-sentinel"
[ -x "$app" ] || { echo "build trade-sentinel first: $app not found" >&2; exit 1; }
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
for theme in light dark; do
    HOME="$home" XDG_CONFIG_HOME="$home/.config" LANG=C.UTF-8 TZ="${TZ:-Europe/Berlin}" \
        xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" \
        "$app" --theme "$theme" --language en --screenshot "$root/docs/images/main-window-$theme.png" \
               --screenshot-delay "${SCREENSHOT_DELAY_MS:-4000}"
    echo "docs/images/main-window-$theme.png"
done
