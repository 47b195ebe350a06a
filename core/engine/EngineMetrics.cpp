// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/EngineMetrics.h"

#include "advisor/ProviderPool.h"
#include "providers/MarketDataProvider.h"
#include "providers/ProviderError.h"
#include "risk/RiskVerdict.h"
#include "telemetry/SentinelMetrics.h"

#include <cmath>
#include <limits>

namespace sentinel {

namespace {

/// Alert kinds exported at zero from the first scrape, so `increase()` sees the first alert of a
/// kind (a series born at 1 has no earlier sample to increase from). The kinds the alert rules
/// watch must be here; others appear when first raised.
const QStringList knownAlertKinds{
    QStringLiteral("stale_data"),       QStringLiteral("risk_rejection"),         QStringLiteral("delivery_failed"),
    QStringLiteral("delivery_config"),  QStringLiteral("execution_failed"),       QStringLiteral("platform_error"),
    QStringLiteral("approval_refused"), QStringLiteral("cache_degraded"),         QStringLiteral("telemetry"),
    QStringLiteral("broker_disconnected"), QStringLiteral("reconciliation_mismatch"), QStringLiteral("advisor_unavailable"),
    QStringLiteral("telegram_unauthorised"),
};

/// Every check the risk gate can fail, and the sizer's.
QStringList knownRiskChecks()
{
    QStringList checks{QStringLiteral("position_size")};
    for (int code = int(RiskReasonCode::InvalidTrade); code <= int(RiskReasonCode::VolatilityTooHigh); ++code)
        checks << riskReasonName(RiskReasonCode(code));
    return checks;
}

/// Counters at zero under each label value, before anything is counted.
void declareEach(MetricsRegistry& registry, const QString& name, const QString& label, const QStringList& values,
                 const MetricLabels& fixed = {})
{
    for (const QString& value : values) {
        MetricLabels labels = fixed;
        labels.append({label, value});
        registry.declare(name, labels);
    }
}

/// Counters set from a map of counts kept elsewhere, under one label.
void mirror(MetricsRegistry& registry, const QString& name, const QMap<QString, qint64>& counts, const QString& label,
            const MetricLabels& fixed = {})
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

Status EngineMetrics::serve(const QString& listenText, const TelemetryAccess& access, InputSource source,
                           std::chrono::milliseconds interval)
{
    if (listenText.isEmpty())
        return okStatus(); // off
    m_source = std::move(source);
    m_board = std::make_shared<TelemetryBoard>();
    publish();
    auto server = std::make_unique<MetricsServer>(m_board);
    if (Status listening = server->listen(listenText, access); !listening)
        return listening;
    m_server = std::move(server);
    m_publishTimer = std::make_unique<QTimer>();
    m_publishTimer->setInterval(interval);
    QObject::connect(m_publishTimer.get(), &QTimer::timeout, m_publishTimer.get(), [this] { publish(); });
    m_publishTimer->start();
    return okStatus();
}

void EngineMetrics::publish()
{
    const Inputs inputs = m_source();
    update(inputs);
    m_board->publish(m_registry.exposition(), health(inputs));
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
    updateRisk(inputs);
    if (inputs.advisorPool)
        updateAdvisor(*inputs.advisorPool);
}

void EngineMetrics::updateCycles(const Inputs& inputs)
{
    const RunStatistics& stats = inputs.statistics;
    m_registry.set(metric::cycles, double(stats.cycles));
    // The histogram takes the cycle times it has not seen yet. The engine holds the last
    // CycleTimeWindow::capacity of them: more cycles than that between two scrapes (hours at any
    // real schedule) leave the oldest unobserved rather than keep memory growing.
    const CycleTimeWindow& times = stats.cycleMs;
    for (m_cyclesObserved = std::max(m_cyclesObserved, times.firstHeld()); m_cyclesObserved < times.recorded(); ++m_cyclesObserved)
        m_registry.observe(metric::cycleSeconds, times.at(m_cyclesObserved) / 1000.0);
    if (inputs.lastCycleAt.isValid())
        m_registry.set(metric::lastCycle, double(inputs.lastCycleAt.toMSecsSinceEpoch()) / 1000.0);
}

void EngineMetrics::updateMarketData(const Inputs& inputs)
{
    const RunStatistics& stats = inputs.statistics;
    const MetricLabels provider{{QStringLiteral("provider"), inputs.provider}};
    QStringList endpoints;
    QStringList markets;
    for (const InstrumentSnapshot& instrument : inputs.instruments) {
        endpoints << barEndpointName(instrument.instrument);
        markets << instrument.instrument.market;
    }
    declareEach(m_registry, metric::apiCalls, QStringLiteral("endpoint"), endpoints, provider);
    declareEach(m_registry, metric::apiErrors, QStringLiteral("kind"), providerError::allKinds(), provider);
    declareEach(m_registry, metric::staleBlocks, QStringLiteral("market"), markets);
    mirror(m_registry, metric::apiCalls, stats.apiCalls, QStringLiteral("endpoint"), provider);
    m_registry.set(metric::apiCallsWhileClosed, double(stats.apiCallsWhileClosed), provider);
    m_registry.set(metric::streamMessages, double(stats.streamMessages), provider);
    m_registry.set(metric::streamDrops, double(stats.streamDrops), provider);
    mirror(m_registry, metric::apiErrors, stats.apiErrors, QStringLiteral("kind"), provider);
    for (const QuotaSnapshot& quota : inputs.caches.quotas) {
        const MetricLabels labels{{QStringLiteral("provider"), quota.provider}};
        if (quota.stream)
            m_registry.set(metric::streamUp, quota.stream->live ? 1 : 0, labels);
        if (quota.windowLimit > 0) {
            m_registry.set(metric::rateWindowUsed, quota.windowUsed, labels);
            m_registry.set(metric::rateWindowLimit, quota.windowLimit, labels);
            m_registry.set(metric::rateWindowSeconds, double(quota.window.count()) / 1000.0, labels);
        }
        if (quota.dailyLimit <= 0) {
            // An unlimited provider: +Inf says so, and keeps the quota alerts quiet (Inf/Inf is NaN).
            m_registry.set(metric::quotaLimit, std::numeric_limits<double>::infinity(), labels);
            m_registry.set(metric::quotaRemaining, std::numeric_limits<double>::infinity(), labels);
            continue;
        }
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
    int degraded = 0;
    m_registry.clear(metric::instrumentLag); // the watchlist may have changed
    for (const InstrumentSnapshot& instrument : inputs.instruments) {
        stale += instrument.freshness == Freshness::Stale ? 1 : 0;
        degraded += instrument.degraded() ? 1 : 0;
        if (instrument.freshness != Freshness::Unknown)
            m_registry.set(metric::instrumentLag, double(instrument.lagSeconds), {{QStringLiteral("instrument"), instrument.instrument.key()}});
    }
    m_registry.set(metric::instrumentsStale, stale);
    m_registry.set(metric::instrumentsDegraded, degraded);
}

void EngineMetrics::updateDecisions(const RunStatistics& stats)
{
    declareEach(m_registry, metric::riskRejections, QStringLiteral("check"), knownRiskChecks());
    declareEach(m_registry, metric::alerts, QStringLiteral("kind"), knownAlertKinds);
    m_registry.set(metric::proposals, double(stats.proposals));
    m_registry.set(metric::decisions, double(stats.approvals), {{QStringLiteral("decision"), QStringLiteral("approved")}});
    m_registry.set(metric::decisions, double(stats.rejections), {{QStringLiteral("decision"), QStringLiteral("rejected")}});
    m_registry.set(metric::decisions, double(stats.expired), {{QStringLiteral("decision"), QStringLiteral("expired")}});
    m_registry.set(metric::executions, double(stats.executions));
    mirror(m_registry, metric::riskRejections, stats.riskRejections, QStringLiteral("check"));
    mirror(m_registry, metric::alerts, stats.alerts, QStringLiteral("kind"));
    m_registry.set(metric::zeroBalanceEvents, double(stats.zeroBalanceEvents));
}

void EngineMetrics::updateDelivery(const Inputs& inputs)
{
    for (const ChannelStats& channel : inputs.channels) {
        const MetricLabels labels{{QStringLiteral("channel"), channel.name}};
        m_registry.set(metric::deliveries, channel.delivered, {labels.first(), {QStringLiteral("outcome"), QStringLiteral("delivered")}});
        m_registry.set(metric::deliveries, channel.failed, {labels.first(), {QStringLiteral("outcome"), QStringLiteral("failed")}});
        m_registry.set(metric::outboxPending, channel.queueDepth, labels);
        m_registry.set(metric::channelUp, channelUp(channel) ? 1 : 0, labels);
        m_registry.set(metric::deliverySuccess, deliverySuccess(channel, inputs.now.toMSecsSinceEpoch()), labels);
    }
}

double EngineMetrics::deliverySuccess(const ChannelStats& channel, qint64 nowMs)
{
    std::deque<DeliverySample>& history = m_deliveryHistory[channel.name];
    if (history.empty())
        history.push_back(DeliverySample{}); // the engine's start: nothing delivered, nothing failed
    history.push_back(DeliverySample{nowMs, channel.delivered, channel.failed});
    // The baseline is the newest sample at least a window old (or the start): older ones go.
    const qint64 windowStart = nowMs - metric::deliveryWindowSeconds * 1000;
    while (history.size() > 2 && history[1].atMs <= windowStart)
        history.pop_front();
    const DeliverySample& baseline = history.front();
    const int delivered = channel.delivered - baseline.delivered;
    const int attempts = delivered + channel.failed - baseline.failed;
    return attempts > 0 ? double(delivered) / attempts : std::numeric_limits<double>::quiet_NaN();
}

void EngineMetrics::updateRisk(const Inputs& inputs)
{
    const RunStatistics& stats = inputs.statistics;
    m_registry.set(metric::portfolioApiCalls, double(stats.portfolioCalls), {{QStringLiteral("platform"), inputs.platform}});
    // Historical is the method the engine means to use; the bootstrap stands in while the history
    // is short (docs/adr/0031), so before any estimate the info says historical.
    const VarMethod inUse = stats.varMethod.value_or(VarMethod::Historical);
    for (const VarMethod method : {VarMethod::Historical, VarMethod::Bootstrap, VarMethod::Parametric})
        m_registry.set(metric::varMethod, method == inUse ? 1 : 0, {{QStringLiteral("method"), varMethodName(method)}});
    if (inputs.risk) {
        m_registry.set(metric::portfolioVar, inputs.risk->var);
        m_registry.set(metric::equity, inputs.risk->equity, {{QStringLiteral("currency"), inputs.risk->currency}});
    }
}

void EngineMetrics::updateAdvisor(const advisor::ProviderPool& pool)
{
    for (int index = 0; index < pool.size(); ++index) {
        const MetricLabels server{{QStringLiteral("provider"), pool.name(index)}};
        const advisor::ProviderCounters& counters = pool.counters(index);
        m_registry.set(metric::advisorRequests, double(counters.adviceRequests()), server);
        for (auto failure = counters.failures().cbegin(); failure != counters.failures().cend(); ++failure) {
            MetricLabels byKind = server;
            byKind.append({QStringLiteral("kind"), failure.key()});
            m_registry.set(metric::advisorFailures, double(failure.value()), byKind);
        }
        m_registry.declare(metric::advisorLatency, server);
        // As the cycle times: the latencies not observed yet, of those still held.
        qint64& next = m_adviceObserved[pool.name(index)];
        for (next = std::max(next, counters.firstLatencyHeld()); next < counters.latenciesRecorded(); ++next)
            m_registry.observe(metric::advisorLatency, counters.latencySeconds(next), server);
        const advisor::ConnectionUse use = pool.provider(index)->connectionUse();
        if (use.requests > 0)
            m_registry.set(metric::advisorConnectionReuse, 1.0 - double(use.connectionsOpened) / double(use.requests), server);
        const advisor::ProviderStatus status = pool.status(index);
        const double breaker = status.breaker == advisor::BreakerState::Closed ? 0 : status.breaker == advisor::BreakerState::HalfOpen ? 1 : 2;
        m_registry.set(metric::advisorBreaker, breaker, server);
        m_registry.set(metric::advisorAvailable, status.available ? 1 : 0, server);
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
