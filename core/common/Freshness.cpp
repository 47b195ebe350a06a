// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Freshness.h"

namespace sentinel {

QString freshnessName(Freshness freshness)
{
    switch (freshness) {
    case Freshness::Unknown: return QStringLiteral("unknown");
    case Freshness::Fresh: return QStringLiteral("fresh");
    case Freshness::Warn: return QStringLiteral("warn");
    case Freshness::Stale: return QStringLiteral("stale");
    }
    return QStringLiteral("unknown");
}

} // namespace sentinel
