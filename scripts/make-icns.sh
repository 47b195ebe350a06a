#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes packaging/macos/TradeSentinel.icns from resources/icons/sentinel.svg, for the macOS app
# bundle (app/gui/CMakeLists.txt picks it up when it exists). macOS only: needs iconutil (Xcode
# command line tools) and rsvg-convert (Homebrew: librsvg). The .icns is a build product, not
# kept in git.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
svg="$root/resources/icons/sentinel.svg"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
set_dir="$work/TradeSentinel.iconset"
mkdir -p "$set_dir"
# The sizes and names iconutil expects: each size at 1x and 2x.
for size in 16 32 128 256 512; do
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$set_dir/icon_${size}x${size}.png"
    rsvg-convert -w "$((size * 2))" -h "$((size * 2))" "$svg" -o "$set_dir/icon_${size}x${size}@2x.png"
done
iconutil --convert icns --output "$root/packaging/macos/TradeSentinel.icns" "$set_dir"
echo "wrote packaging/macos/TradeSentinel.icns"
