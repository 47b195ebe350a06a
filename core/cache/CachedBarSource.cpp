// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/CachedBarSource.h"

#include "cache/BarCodec.h"
#include "cache/BarStore.h"
#include "common/Log.h"
#include "market/MarketSchedule.h"

#if SENTINEL_WITH_REDIS
#include "cache/RedisBackend.h"
#endif

#include <QPointer>

#include <optional>

namespace sentinel {

CachedBarSource::CachedBarSource(MarketDataProvider& upstream, Cache& cache, const MarketSchedule* schedule,
                                 QObject* parent)
    : MarketDataProvider(parent), m_upstream(upstream), m_cache(cache), m_schedule(schedule)
{
    connect(&m_upstream, &MarketDataProvider::barPublished, this, [this](const QString& instrumentKey) {
        // The series held is one bar behind now: the next fetch asks this desk's own feed.
        m_cache.invalidate(instrumentKey);
        m_pushed.insert(instrumentKey);
        Q_EMIT barPublished(instrumentKey);
    });
}

void CachedBarSource::setSharedBackend(RedisBackend* backend)
{
    m_shared = backend;
}

QString CachedBarSource::name() const
{
    return m_upstream.name();
}

QString CachedBarSource::cacheKey(const BarRequest& request)
{
    QString key = request.instrument.key();
    if (request.since.isValid())
        key += u"|since=" + QString::number(request.since.toMSecsSinceEpoch());
    return key;
}

QDateTime CachedBarSource::validUntil(const Instrument& instrument, const QDateTime& after) const
{
    if (m_schedule)
        return m_schedule->nextPublication(instrument, after);
    return after.addSecs(std::chrono::duration_cast<std::chrono::seconds>(intervalLength(instrument.interval)).count());
}

void CachedBarSource::fetchBars(const BarRequest& request, BarsCallback done)
{
    const QString key = cacheKey(request);
    m_cache.getOrFetch(
        key, [this, request, key](Cache::Resolve resolve) { load(request, key, std::move(resolve)); },
        [this, done = std::move(done)](const Result<BarSeries>& result) {
            // The provider contract: never answer from inside fetchBars(), even on a hit.
            QMetaObject::invokeMethod(this, [done, result] { done(result); }, Qt::QueuedConnection);
        });
}

void CachedBarSource::load(const BarRequest& request, const QString& key, Cache::Resolve resolve)
{
    // A pushed bar is this desk's stream's: the shared entry cannot have it yet.
    const bool pushed = m_pushed.remove(key);
#if SENTINEL_WITH_REDIS
    if (m_shared && m_shared->isAvailable() && m_cache.enabled() && !pushed) {
        // Keeps what this desk fetched itself, so it needs no decoding.
        auto own = std::make_shared<std::optional<BarSeries>>();
        auto produce = [this, request, own](RedisBackend::Produce produced) {
            fetchUpstream(request, [own, produced = std::move(produced)](const Result<BarSeries>& result,
                                                                         const QDateTime& until) {
                if (!result.ok()) {
                    produced(result.error());
                    return;
                }
                *own = result.value();
                produced(RedisBackend::Entry{encodeBars(result.value().bars), until, false});
            });
        };
        m_shared->load(
            QByteArrayLiteral("bars:") + key.toUtf8(), std::move(produce),
            [this, request, own, resolve = std::move(resolve)](const Result<RedisBackend::Entry>& entry) {
                if (!entry.ok()) {
                    resolve(entry.error(), {});
                    return;
                }
                if (own->has_value() && !entry.value().fromShared) {
                    resolve(**own, entry.value().validUntil);
                    return;
                }
                Result<Bars> bars = decodeBars(entry.value().payload);
                if (!bars.ok()) {
                    log::cache()->warn("ignoring shared bars of {}: {}", request.instrument.key(),
                                       bars.error().message);
                    fetchUpstream(request, resolve);
                    return;
                }
                m_cache.recordSharedHit();
                resolve(BarSeries{request.instrument, std::move(bars).value(), {}, {}}, entry.value().validUntil);
            });
        return;
    }
#else
    Q_UNUSED(pushed)
#endif
    fetchUpstream(request, std::move(resolve));
}

void CachedBarSource::fetchUpstream(const BarRequest& request, Fetched done)
{
    ++m_upstreamFetches;
    const QPointer<CachedBarSource> self(this);
    m_upstream.fetchBars(request, [self, request, done = std::move(done)](const Result<BarSeries>& result) {
        if (!self)
            return;
        if (!result.ok()) {
            done(result, {});
            return;
        }
        if (self->m_store && self->m_cache.enabled() && !result.value().bars.isEmpty()) {
            const Status stored = self->m_store->upsert(request.instrument.key(), result.value().bars);
            if (!stored.ok())
                log::cache()->warn("{}", stored.error().toString());
        }
        done(result, self->validUntil(request.instrument, self->m_cache.clock().now()));
    });
}

int CachedBarSource::warmFromStore(const QList<Instrument>& instruments, qsizetype recentBars, qsizetype olderDays)
{
    if (!m_store || !m_cache.enabled())
        return 0;
    const QDateTime now = m_cache.clock().now();
    int warmed = 0;
    for (const Instrument& instrument : instruments) {
        BarStore::RecentWindow window{recentBars, olderDays, [this, instrument](qint64 openMs) {
                                          return m_schedule ? m_schedule->tradingDayOf(instrument, openMs)
                                                            : MarketSchedule::utcDayOf(openMs);
                                      }};
        const auto loaded = m_store->loadRecent(instrument.key(), window);
        if (!loaded.ok()) {
            log::cache()->warn("{}", loaded.error().toString());
            continue;
        }
        const Bars& bars = loaded.value().bars;
        if (bars.isEmpty())
            continue;
        const QDateTime lastClose = bars.constLast().openTime.addSecs(
            std::chrono::duration_cast<std::chrono::seconds>(intervalLength(instrument.interval)).count());
        if (lastClose > now)
            continue; // a bar still forming when it was stored: fetch the closed one
        // Current if the market cannot have published a newer bar since the last stored one.
        const QDateTime until = validUntil(instrument, lastClose);
        if (!until.isValid() || until <= now)
            continue;
        m_cache.putUntil(cacheKey(BarRequest{instrument, {}, {}}), BarSeries{instrument, bars, {}, {}}, until);
        ++warmed;
    }
    log::cache()->info("warmed {} of {} instruments from the bar store", warmed, instruments.size());
    return warmed;
}

} // namespace sentinel
