// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/EngineMetrics.h"

#include "telemetry/SentinelMetrics.h"


namespace sentinel {

namespace {

/// Cycle-time percentiles over this many recent cycles: a scrape describes now, not the run.
constexpr std::size_t recentCycles = 1000;

/// Counters set from a map of counts kept elsewhere, under one label.
void mirror(MetricsRegistry& registry, const QString& name, const QMap<QString, qint64>& counts, const QString& label,
            MetricLabels fixed = {})
{
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        MetricLabels labels = fixed;
        labels.append({label, it.key()});
        registry.set(name, double(it.value()), labels);
    }
}

/// A channel is up while it can deliver and is not backing off after a failure.
bool channelUp(const ChannelStats& channel)
{
    return channel.available && !channel.retryAt.isValid() && channel.retrying == 0;
}

} // namespace

EngineMetrics::EngineMetrics()
{
    describeSentinelMetrics(m_registry);
}

EngineMetrics::~EngineMetrics() = default;

Status EngineMetrics::serve(const QString& listenText, const TelemetryAccess& access, InputSource source)
{
    auto server = std::make_unique<MetricsServer>(m_registry, [source] { return health(source()); });
    server->setBeforeScrape([this, source] { update(source()); });
    if (Status listening = server->listen(listenText, access); !listening)
        return listening;
    m_server = std::move(server);
    return okStatus();
}

quint16 EngineMetrics::port() const
{
    return m_server ? m_server->port() : 0;
}

void EngineMetrics::update(const Inputs& inputs)
{
    updateCycles(inputs);
    updateMarketData(inputs);
    updateDecisions(inputs.statistics);
    updateDelivery(inputs);
}

void EngineMetrics::updateCycles(const Inputs& inputs)
{
    const RunStatistics& stats = inputs.statistics;
    m_registry.set(metric::cycles, double(stats.cycles));
    const std::size_t first = stats.cycleMs.size() > recentCycles ? stats.cycleMs.size() - recentCycles : 0;
    if (first < stats.cycleMs.size()) {
        const RunStatistics::CycleTimes recent =
            RunStatistics::cycleTimes({stats.cycleMs.begin() + std::ptrdiff_t(first), stats.cycleMs.end()});
        m_registry.set(metric::cycleSeconds, recent.p50 / 1000.0, {{QStringLiteral("stat"), QStringLiteral("p50")}});
        m_registry.set(metric::cycleSeconds, recent.p99 / 1000.0, {{QStringLiteral("stat"), QStringLiteral("p99")}});
        m_registry.set(metric::cycleSeconds, recent.max / 1000.0, {{QStringLiteral("stat"), QStringLiteral("max")}});
    }
    if (inputs.lastCycleAt.isValid())
        m_registry.set(metric::lastCycle, double(inputs.lastCycleAt.toMSecsSinceEpoch()) / 1000.0);
}

void EngineMetrics::updateMarketData(const Inputs& inputs)
{
    const RunStatistics& stats = inputs.statistics;
    const MetricLabels provider{{QStringLiteral("provider"), inputs.provider}};
    mirror(m_registry, metric::apiCalls, stats.apiCalls, QStringLiteral("endpoint"), provider);
    m_registry.set(metric::apiCallsWhileClosed, double(stats.apiCallsWhileClosed), provider);
    mirror(m_registry, metric::apiErrors, stats.apiErrors, QStringLiteral("kind"), provider);
    for (const QuotaSnapshot& quota : inputs.caches.quotas) {
        if (quota.dailyLimit <= 0)
            continue; // an unlimited provider has no quota to watch
        const MetricLabels labels{{QStringLiteral("provider"), quota.provider}};
        m_registry.set(metric::quotaLimit, quota.dailyLimit, labels);
        m_registry.set(metric::quotaRemaining, std::max(0, quota.dailyLimit - quota.usedToday), labels);
    }
    for (const CacheSnapshot& cache : inputs.caches.caches) {
        const MetricLabels labels{{QStringLiteral("cache"), cache.name}};
        m_registry.set(metric::cacheHits, double(cache.hits), labels);
        m_registry.set(metric::cacheMisses, double(cache.misses), labels);
        m_registry.set(metric::cacheEvictions, double(cache.evictions), labels);
    }
    mirror(m_registry, metric::staleBlocks, stats.staleBlocksByMarket, QStringLiteral("market"));
    int stale = 0;
    m_registry.clear(metric::instrumentLag); // the watchlist may have changed
    for (const InstrumentSnapshot& instrument : inputs.instruments) {
        stale += instrument.freshness == Freshness::Stale ? 1 : 0;
        if (instrument.freshness != Freshness::Unknown)
            m_registry.set(metric::instrumentLag, double(instrument.lagSeconds), {{QStringLiteral("instrument"), instrument.instrument.key()}});
    }
    m_registry.set(metric::instrumentsStale, stale);
}

void EngineMetrics::updateDecisions(const RunStatistics& stats)
{
    m_registry.set(metric::proposals, double(stats.proposals));
    m_registry.set(metric::decisions, double(stats.approvals), {{QStringLiteral("decision"), QStringLiteral("approved")}});
    m_registry.set(metric::decisions, double(stats.rejections), {{QStringLiteral("decision"), QStringLiteral("rejected")}});
    m_registry.set(metric::decisions, double(stats.expired), {{QStringLiteral("decision"), QStringLiteral("expired")}});
    m_registry.set(metric::executions, double(stats.executions));
    mirror(m_registry, metric::riskRejections, stats.riskRejections, QStringLiteral("check"));
    mirror(m_registry, metric::alerts, stats.alerts, QStringLiteral("kind"));
}

void EngineMetrics::updateDelivery(const Inputs& inputs)
{
    for (const ChannelStats& channel : inputs.channels) {
        const MetricLabels labels{{QStringLiteral("channel"), channel.name}};
        m_registry.set(metric::deliveries, channel.delivered, {labels.first(), {QStringLiteral("outcome"), QStringLiteral("delivered")}});
        m_registry.set(metric::deliveries, channel.failed, {labels.first(), {QStringLiteral("outcome"), QStringLiteral("failed")}});
        m_registry.set(metric::outboxPending, channel.queueDepth, labels);
        m_registry.set(metric::channelUp, channelUp(channel) ? 1 : 0, labels);
    }
    if (inputs.risk) {
        m_registry.set(metric::portfolioVar, inputs.risk->var);
        m_registry.set(metric::equity, inputs.risk->equity, {{QStringLiteral("currency"), inputs.risk->currency}});
    }
}

HealthReport EngineMetrics::health(const Inputs& inputs)
{
    HealthReport report;
    const QString lastCycle = inputs.lastCycleAt.isValid() ? inputs.lastCycleAt.toUTC().toString(Qt::ISODate)
                                                           : QStringLiteral("none yet");
    report.checks.append(HealthCheck{QStringLiteral("engine"), inputs.running,
                                     inputs.running ? QStringLiteral("running; %1 cycles, last at %2").arg(inputs.statistics.cycles).arg(lastCycle)
                                                    : QStringLiteral("stopped")});
    QStringList stale;
    for (const InstrumentSnapshot& instrument : inputs.instruments) {
        if (instrument.freshness == Freshness::Stale)
            stale << instrument.instrument.key();
    }
    report.checks.append(HealthCheck{QStringLiteral("market_data"), stale.isEmpty(),
                                     stale.isEmpty() ? QStringLiteral("%1 instruments, none stale").arg(inputs.instruments.size())
                                                     : QStringLiteral("stale: %1").arg(stale.join(QStringLiteral(", ")))});
    QStringList down;
    for (const ChannelStats& channel : inputs.channels) {
        if (!channelUp(channel))
            down << (channel.lastError.isEmpty() ? channel.name : channel.name + u": " + channel.lastError);
    }
    report.checks.append(HealthCheck{QStringLiteral("signal_delivery"), down.isEmpty(),
                                     inputs.channels.isEmpty() ? QStringLiteral("no remote channel enabled")
                                         : down.isEmpty()      ? QStringLiteral("every channel delivering")
                                                               : down.join(QStringLiteral("; "))});
    return report;
}

} // namespace sentinel
