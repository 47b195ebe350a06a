// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace sentinel {

/// A snapshot of one named cache's counters, cheap to copy; crosses from the engine thread to
/// the UI and into the `sentinel run` summary.
///
/// Every lookup is counted exactly once as a hit (answered from memory), a coalesced request
/// (joined a fetch already under way, so it cost no request of its own) or a miss (started a
/// load). A disabled cache counts every lookup as a miss and also as `bypassed`. A miss that a
/// shared backend (Redis) answered, because another desk had fetched the value, also counts as
/// `sharedHits`; `loads - sharedHits` is therefore the number of upstream fetches.
struct CacheStats {
    QString name;
    QString backend = QStringLiteral("memory"); ///< "memory", "redis" or "none" when disabled
    bool enabled = true;
    bool degraded = false; ///< shared backend unreachable: serving from memory only
    quint64 hits = 0;
    quint64 coalesced = 0;
    quint64 misses = 0;
    quint64 bypassed = 0;
    quint64 loads = 0;       ///< fetches started (single-flight leaders, and bypassed lookups)
    quint64 sharedHits = 0;  ///< loads answered by the shared backend without an upstream fetch
    quint64 loadErrors = 0;  ///< loads that ended in an error (errors are never cached)
    quint64 expirations = 0; ///< entries found or purged past their validity
    quint64 evictions = 0;   ///< valid entries dropped to respect the size bound
    qint64 entries = 0;
    qint64 capacity = 0;

    [[nodiscard]] quint64 lookups() const { return hits + coalesced + misses; }
    /// Share of lookups that cost no fetch of their own; 0 before the first lookup.
    [[nodiscard]] double hitRate() const
    {
        const quint64 total = lookups();
        return total == 0 ? 0.0 : double(hits + coalesced) / double(total);
    }
    /// Upstream fetches this cache caused (a shared hit cost no upstream request).
    [[nodiscard]] quint64 upstreamFetches() const { return loads - sharedHits; }
};

using CacheStatsList = QList<CacheStats>;

/// The `cache` object of the `sentinel run` summary: cache name -> {hits, misses, hit_rate,
/// ...}, plus every other counter, the backend and the enabled flag.
[[nodiscard]] QJsonObject cacheStatsJson(const CacheStatsList& stats);

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::CacheStats)
