// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/CacheStats.h"

namespace sentinel {

QJsonObject cacheStatsJson(const CacheStatsList& stats)
{
    QJsonObject all;
    for (const CacheStats& s : stats) {
        all.insert(s.name, QJsonObject{
                               {QStringLiteral("hits"), qint64(s.hits)},
                               {QStringLiteral("misses"), qint64(s.misses)},
                               {QStringLiteral("hit_rate"), s.hitRate()},
                               {QStringLiteral("coalesced"), qint64(s.coalesced)},
                               {QStringLiteral("bypassed"), qint64(s.bypassed)},
                               {QStringLiteral("loads"), qint64(s.loads)},
                               {QStringLiteral("shared_hits"), qint64(s.sharedHits)},
                               {QStringLiteral("load_errors"), qint64(s.loadErrors)},
                               {QStringLiteral("expirations"), qint64(s.expirations)},
                               {QStringLiteral("evictions"), qint64(s.evictions)},
                               {QStringLiteral("entries"), s.entries},
                               {QStringLiteral("enabled"), s.enabled},
                               {QStringLiteral("backend"), s.backend},
                               {QStringLiteral("degraded"), s.degraded},
                           });
    }
    return all;
}

} // namespace sentinel
