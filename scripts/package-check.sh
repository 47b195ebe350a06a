#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb from a Release build with CPack, installs it the way a user would (apt-get, so its
# dependencies resolve), runs what it installed, validates its desktop entry and AppStream data, and
# removes it again. Needs root or sudo.
#   scripts/package-check.sh [BUILD_DIR]     (default build/ci-release, the ci-release preset)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build/ci-release}"
cd "$build"
SUDO=""
[[ $(id -u) -ne 0 ]] && SUDO="sudo"

rm -f trade-sentinel_*.deb
cpack -G DEB >/dev/null
deb="$(ls "$PWD"/trade-sentinel_*.deb)"
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"
dpkg-deb --field "$deb" Depends

installed=0
# An `if`, not `[[ ]] &&`: as the EXIT trap's last command a false test would become the script's
# exit status, and a run that removed the package itself would end 1 after saying it passed.
cleanup() { if [[ $installed -eq 1 ]]; then $SUDO apt-get remove -y -qq trade-sentinel >/dev/null; fi; }
trap cleanup EXIT
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$deb" >/dev/null
installed=1

work="$(mktemp -d)"
echo "installed: $(/usr/bin/sentinel --version)"
# One simulated day on the embedded defaults, with the installed binary and a temporary journal.
/usr/bin/sentinel run --simulate --from 2026-11-24T00:00:00Z --to 2026-11-25T00:00:00Z \
    --journal "$work/journal.sqlite" > "$work/summary.json"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print("simulated day:", {k: s[k] for k in list(s)[:6]})' "$work/summary.json"
QT_QPA_PLATFORM=offscreen /usr/bin/trade-sentinel --version
desktop-file-validate /usr/share/applications/trade-sentinel.desktop
appstreamcli validate --no-net /usr/share/metainfo/org.tradesentinel.TradeSentinel.metainfo.xml
rm -rf "$work"

$SUDO apt-get remove -y -qq trade-sentinel >/dev/null
installed=0
if [[ -e /usr/bin/sentinel || -e /usr/bin/trade-sentinel ]]; then
  echo "package-check.sh: the binaries are still there after apt-get remove" >&2
  exit 1
fi
echo "package installed, ran, validated and removed"
