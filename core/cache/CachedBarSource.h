// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/TtlCache.h"
#include "providers/MarketDataProvider.h"

#include <QSet>

namespace sentinel {

class BarStore;
class MarketSchedule;
class RedisBackend;

/// A MarketDataProvider in front of another that asks upstream only when the market can have
/// published a bar we have not seen: a fetched series stays valid until the market schedule's next
/// publication, so
/// the number of upstream requests equals the number of bars published, and is zero over a
/// weekend or a holiday. Concurrent requests for one series share one fetch; with a shared
/// backend (Redis) several desks share it too. With a BarStore, fetched bars are persisted
/// and warmFromStore() refills the cache at start-up.
///
/// Cache key: the instrument key, plus `since` when the request has one (a partial history
/// never answers a request for the full one). Bars are served exactly as fetched.
class CachedBarSource final : public MarketDataProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CachedBarSource)
public:
    using Cache = TtlCache<QString, BarSeries>;

    /// A series stays valid until `schedule` says the market can next publish; without a
    /// schedule (null), for one bar interval. The schedule must outlive this object.
    CachedBarSource(MarketDataProvider& upstream, Cache& cache, const MarketSchedule* schedule,
                    QObject* parent = nullptr);

    /// Optional; must outlive this object. Ignored while the cache is disabled.
    void setBarStore(BarStore* store) { m_store = store; }
    /// Optional; must outlive this object. Null or unavailable means memory only.
    void setSharedBackend(RedisBackend* backend);

    [[nodiscard]] QString name() const override;
    void fetchBars(const BarRequest& request, BarsCallback done) override;

    /// Puts each instrument's stored bars into the cache when they are still current (the
    /// market cannot have published a newer bar since the last stored one). Returns how many
    /// instruments were warmed. Only what the engine keeps is read: the newest `recentBars` bars
    /// and the closes of up to `olderDays` trading days before them (BarStore::loadRecent), so a
    /// restart costs the same on a journal of a day and of a year (ADR 0106).
    int warmFromStore(const QList<Instrument>& instruments, qsizetype recentBars, qsizetype olderDays);

    [[nodiscard]] static QString cacheKey(const BarRequest& request);
    /// Requests that reached the upstream provider.
    [[nodiscard]] quint64 upstreamFetches() const { return m_upstreamFetches; }

private:
    using Fetched = std::function<void(const Result<BarSeries>& result, const QDateTime& validUntil)>;

    void load(const BarRequest& request, const QString& key, Cache::Resolve resolve);
    void fetchUpstream(const BarRequest& request, Fetched done);
    [[nodiscard]] QDateTime validUntil(const Instrument& instrument, const QDateTime& after) const;

    MarketDataProvider& m_upstream;
    Cache& m_cache;
    const MarketSchedule* m_schedule;
    BarStore* m_store = nullptr;
    RedisBackend* m_shared = nullptr;
    quint64 m_upstreamFetches = 0;
    QSet<QString> m_pushed; ///< instruments whose feed pushed a bar the cache has not fetched yet
};

} // namespace sentinel
