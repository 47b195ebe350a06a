#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Refreshes translations/sentinel_*.ts from the sources (ui/ and app/gui/) with lupdate.
# New strings arrive as type="unfinished"; translate them with Qt Linguist, then run
# tests/ui/check_translations.sh (also a CTest test) to make sure nothing is left open.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
lupdate="${LUPDATE:-$(command -v lupdate6 || command -v lupdate || echo /usr/lib/qt6/bin/lupdate)}"
[ -x "$lupdate" ] || lupdate=/usr/lib/qt6/bin/lupdate
cd "$root"
"$lupdate" -locations relative -no-obsolete -I . -I core ui app/gui -ts translations/sentinel_de.ts translations/sentinel_es.ts "$@"
