// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/Engine.h"

#include "advisor/ProviderPool.h"
#include "cache/CacheRegistry.h"
#include "common/AlertKinds.h"
#include "config/LiveTrading.h"
#include "common/Log.h"
#include "common/SystemClock.h"
#include "engine/AdvisorServices.h"
#include "engine/AlertSink.h"
#include "engine/DecisionCycle.h"
#include "engine/DeskControls.h"
#include "engine/EngineContext.h"
#include "engine/EngineMetrics.h"
#include "engine/EngineServices.h"
#include "engine/FreshnessMonitor.h"
#include "engine/HistoryDesk.h"
#include "engine/InstrumentBook.h"
#include "engine/MeteredProvider.h"
#include "engine/PortfolioRisk.h"
#include "engine/PortfolioSource.h"
#include "engine/PositionCheck.h"
#include "engine/PositionOrigins.h"
#include "engine/RealisedToday.h"
#include "engine/RetentionSweep.h"
#include "engine/TelegramDesk.h"
#include "engine/TradeDesk.h"
#include "engine/ViewMapping.h"
#include "notify/SignalDispatcher.h"
#include "journal/Journal.h"
#include "notify/TelegramChannel.h"
#include "providers/MarketDataProvider.h"
#include "trading/TradingPlatform.h"

#include <utility>

namespace sentinel {

Engine::Engine(Config config, Clock* clock, QObject* parent) : Engine(std::move(config), clock, EngineOptions{}, parent) {}

Engine::Engine(Config config, Clock* clock, EngineOptions options, QObject* parent)
    : EngineInterface(parent), m_config(std::move(config)), m_options(std::move(options)), m_clock(clock),
      m_publishTimer(new QTimer(this))
{
    registerSnapshotTypes();
    m_publishTimer->setSingleShot(true);
    m_publishTimer->setInterval(uiCoalescing);
    connect(m_publishTimer, &QTimer::timeout, this, &Engine::publish);
}

Engine::~Engine()
{
    // Answers still on their way must find nothing to act on: stop, then take the services
    // (providers, platform, dispatcher) down before the steps that receive their answers.
    if (m_context)
        m_context->running = false;
    m_metrics.reset();
    m_realisedToday.reset(); // reads the journal the services own
    m_origins.reset();
    m_history.reset();
    m_services.reset();
}

InstrumentSnapshots Engine::snapshots() const
{
    InstrumentSnapshots all;
    if (m_instruments) {
        for (const auto& runtime : m_instruments->all())
            all.append(withFeed(runtime->snapshot));
    }
    return all;
}

InstrumentSnapshot Engine::withFeed(InstrumentSnapshot snapshot) const
{
    if (m_services && m_services->upstream) {
        snapshot.feed = m_services->upstream->feedNameFor(snapshot.instrument);
        snapshot.stream = m_services->upstream->streamStateFor(snapshot.instrument);
    }
    return snapshot;
}

QList<ProposalView> Engine::pendingProposals() const
{
    QList<ProposalView> views;
    if (m_desk) {
        for (const TradeProposal& proposal : m_desk->pendingProposals())
            views.append(toView(proposal));
    }
    return views;
}

bool Engine::busy() const
{
    // A fetch the provider's rate limiter holds waits for this engine's clock, not for the
    // network: counted as in flight, a simulation would never move the clock for it (ADR 0106).
    // Each fetch in flight holds at most one provider request (one fetch per instrument at a time).
    const int waitingForClock = m_services && m_services->upstream ? m_services->upstream->requestsWaitingForClock() : 0;
    const bool working = m_context && m_context->work.inFlight() > waitingForClock;
    // A model server's health check answers on the network: its Clock deadline must not pass
    // in a simulation before the answer could arrive.
    const bool checkingAdvisors = m_services && m_services->advisor && m_services->advisor->pool()
                                  && m_services->advisor->pool()->checksInFlight() > 0;
    const bool telegramWorking = m_telegramDesk && m_telegramDesk->busy();
    return working || checkingAdvisors || telegramWorking
           || (m_services && m_services->dispatcher && !m_services->dispatcher->isIdle());
}

bool Engine::isRunning() const
{
    return m_context && m_context->running;
}

QString Engine::journalPath() const
{
    return m_services ? m_services->journalPath() : QString();
}

// ---- start-up and shutdown ---------------------------------------------------------------------

void Engine::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_clock) {
        m_ownedClock = std::make_unique<SystemClock>();
        m_clock = m_ownedClock.get();
    }
    const QStringList problems = build();
    if (!problems.isEmpty()) {
        for (const QString& problem : problems)
            log::engine()->error("cannot start: {}", problem);
        Q_EMIT startFailed(problems);
        Q_EMIT statusChanged(status());
        return;
    }
    m_context->running = true;
    m_startedAt = m_clock->now();
    log::engine()->info("engine started: {} instruments, provider {}, mode {}, journal {}", m_instruments->size(),
                        m_services->upstream->name(), tradingModeName(m_config.mode), m_services->journalPath());
    m_desk->restore();
    if (auto desk = m_services->journal->deskState()) {
        m_controls->restore(desk.value());
        if (m_telegramDesk)
            m_telegramDesk->start(desk.value().telegramOffset);
    } else {
        // Not knowing whether the operator paused, the desk starts paused: proposing is the risk.
        m_alerts->journalFailure(QStringLiteral("reading the paused state"), desk.error());
        DeskState paused;
        paused.paused = true;
        paused.pausedBy = QStringLiteral("engine (the journal could not say)");
        paused.pausedAt = m_clock->now();
        m_controls->restore(paused);
    }
    m_retention = std::make_unique<RetentionSweep>(
        *m_clock, *m_services->journal, m_services->outbox.get(), m_config.retention,
        [this](const QString& what, const Error& error) { m_alerts->journalFailure(what, error); });
    m_retention->start();
    startTelemetry();
    if (!m_services->dispatcher) {
        // No remote channel: tell the Delivery panel once, instead of leaving it waiting.
        DeliverySnapshot none;
        none.at = m_clock->now();
        none.offline = m_options.offline;
        Q_EMIT deliveryChanged(none);
    }
    m_cycle->start();
    m_watchdogTimer = m_clock->callAfter(watchdogInterval, this, [this] { watchdogTick(); });
    refreshRisk();
    Q_EMIT statusChanged(status());
}

QStringList Engine::build()
{
    m_context = std::make_unique<EngineContext>(m_config, m_options, *m_clock);
    m_context->work.setOnEnded([this] { onWorkSettled(); });
    m_alerts = std::make_unique<AlertSink>(*m_context);
    connect(m_alerts.get(), &AlertSink::raised, this, &Engine::alertRaised);
    m_instruments = std::make_unique<InstrumentBook>();
    m_services = std::make_unique<EngineServices>(m_config, m_options, *m_clock, *m_instruments, *m_alerts);
    QStringList problems = m_services->build();
    if (!m_services->journal || !m_services->platform)
        return problems; // the steps below need both
    m_alerts->setJournal(m_services->journal.get());
    m_freshness = std::make_unique<FreshnessMonitor>(*m_clock, *m_services->gate, *m_alerts);
    m_portfolio = std::make_unique<PortfolioSource>(*m_context, *m_services->platform, *m_services->portfolioCache);
    m_risk = std::make_unique<PortfolioRisk>(m_config.risk, *m_instruments);
    m_realisedToday = std::make_unique<RealisedToday>(*m_services->journal);
    m_origins = std::make_unique<PositionOrigins>(*m_services->journal);
    m_history = std::make_unique<HistoryDesk>(*m_services->journal, m_services->outbox.get());
    const EngineSteps steps{*m_services, *m_instruments, *m_freshness, *m_portfolio, *m_risk, *m_alerts};
    m_desk = std::make_unique<TradeDesk>(*m_context, steps);
    if (m_services->platform->name() != QLatin1String("paper")) {
        // A broker's account can change outside this desk: its positions are held against the journal.
        m_portfolio->setPositionCheck(std::make_unique<PositionCheck>(
            m_services->platform->name(), *m_services->journal, *m_alerts,
            [this](const QString& instrumentKey) { return m_desk && m_desk->awaitsFill(instrumentKey); }));
    }
    m_controls = std::make_unique<DeskControls>(*m_context, steps, *m_desk);
    m_cycle = std::make_unique<DecisionCycle>(*m_context, steps, *m_desk);
    m_cycle->watchStops(*m_origins);
    buildTelegramDesk();
    wireToUi();
    problems << m_services->startDispatcher();
    if (problems.isEmpty())
        verifySignalOnlyChannel();
    return problems;
}

void Engine::buildTelegramDesk()
{
    const TelegramSettings& telegram = m_config.telegram;
    if (!telegram.enabled || telegram.operators.isEmpty() || m_options.offline || !m_services->dispatcher)
        return;
    bool numericChat = false;
    telegram.chatId.trimmed().toLongLong(&numericChat);
    if (!numericChat) {
        m_alerts->raise(Alert::Severity::Warning, alertkind::deliveryConfig, {},
                        QStringLiteral("telegram.operators is set but telegram.chat_id is not a numeric chat id: nobody can "
                                       "act from Telegram (an @channel cannot press buttons); use the group's id"));
        return;
    }
    const EngineSteps steps{*m_services, *m_instruments, *m_freshness, *m_portfolio, *m_risk, *m_alerts};
    m_telegramDesk = std::make_unique<TelegramDesk>(*m_context, steps, *m_desk, *m_controls, m_origins.get());
    connect(m_services->dispatcher.get(), &SignalDispatcher::decisionMessagePosted, m_telegramDesk.get(),
            &TelegramDesk::recordQuestion);
    connect(m_desk.get(), &TradeDesk::proposalChanged, m_telegramDesk.get(), &TelegramDesk::onProposalChanged);
    connect(m_telegramDesk.get(), &TelegramDesk::stateChanged, this, &Engine::publishDelivery);
    connect(m_telegramDesk.get(), &TelegramDesk::batchHandled, this, &Engine::onWorkSettled);
}

void Engine::publishDelivery()
{
    // The dispatcher's last statistics as its signal carried them: asking again reads the outbox.
    DeliverySnapshot delivery;
    if (m_lastDeliveryStats) {
        delivery = toView(*m_lastDeliveryStats, m_options.offline);
    } else {
        delivery.at = m_clock->now();
        delivery.offline = m_options.offline;
    }
    if (m_telegramDesk) {
        const TelegramPollerState& state = m_telegramDesk->pollerState();
        UpdatesView updates;
        updates.status = TelegramPollerState::statusName(state.status);
        updates.lastError = state.lastError;
        updates.lastAnswerAt = state.lastAnswerAt;
        updates.nextAttemptAt = state.nextAttemptAt;
        updates.handled = m_telegramDesk->handled();
        updates.refused = m_telegramDesk->refused();
        delivery.updates = updates;
    }
    Q_EMIT deliveryChanged(delivery);
}

void Engine::wireToUi()
{
    connect(m_cycle.get(), &DecisionCycle::barsAppended, this, &Engine::barsAppended);
    connect(m_cycle.get(), &DecisionCycle::instrumentChanged, this, &Engine::markChanged);
    connect(m_desk.get(), &TradeDesk::proposalChanged, this, &Engine::proposalChanged);
    connect(m_desk.get(), &TradeDesk::chartMarkerAdded, this, &Engine::chartMarkerAdded);
    connect(m_desk.get(), &TradeDesk::accountChanged, this, &Engine::refreshRisk);
    connect(m_controls.get(), &DeskControls::changed, this, [this] { Q_EMIT statusChanged(status()); });
    // A stream lost or back changes the Feed column of every instrument it serves, not of polled ones.
    connect(m_services->upstream.get(), &MarketDataProvider::streamStateChanged, this, [this] {
        for (const auto& runtime : m_instruments->all()) {
            if (m_services->upstream->streamStateFor(runtime->snapshot.instrument))
                markChanged(runtime->snapshot.instrument.key());
        }
    });
    // A model server's health check answering is work ending, as a delivery settling is.
    if (m_services->advisor && m_services->advisor->pool())
        connect(m_services->advisor->pool(), &advisor::ProviderPool::checkAnswered, this, &Engine::onWorkSettled);
    SignalDispatcher* dispatcher = m_services->dispatcher.get();
    if (!dispatcher)
        return;
    connect(dispatcher, &SignalDispatcher::statsChanged, this, [this](const DeliveryStats& stats) {
        m_lastDeliveryStats = stats;
        publishDelivery();
    });
    // A delivery settling is work finishing: a simulation waiting on busy() may move on.
    connect(dispatcher, &SignalDispatcher::idle, this, &Engine::onWorkSettled);
}

void Engine::verifySignalOnlyChannel()
{
    SignalDispatcher* dispatcher = m_services->dispatcher.get();
    if (!dispatcher)
        return;
    if (m_options.offline) {
        dispatcher->setLiveCheck(DeliveryStats::LiveCheck::Skipped);
        return;
    }
    if (!m_services->telegram || m_config.mode != TradingMode::SignalOnly)
        return;
    m_context->work.begin();
    m_services->telegram->verify([this, dispatcher](const Issues& issues) {
        m_context->work.end();
        if (issues.isEmpty()) {
            dispatcher->setLiveCheck(DeliveryStats::LiveCheck::Passed);
            return;
        }
        dispatcher->setLiveCheck(DeliveryStats::LiveCheck::Failed);
        QStringList lines;
        for (const Issue& issue : issues)
            lines << issue.toString();
        m_alerts->raise(Alert::Severity::Critical, alertkind::deliveryConfig, {},
                        QStringLiteral("signal-only mode needs Telegram, and the live check failed: %1").arg(lines.join(u"; ")));
        Q_EMIT startFailed(lines);
        stop();
    });
}

void Engine::stop()
{
    if (!isRunning()) {
        Q_EMIT stopped();
        return;
    }
    m_context->running = false;
    m_cycle->stop();
    if (m_telegramDesk)
        m_telegramDesk->stop();
    if (m_watchdogTimer)
        m_clock->cancel(m_watchdogTimer);
    m_watchdogTimer = 0;
    m_publishTimer->stop();
    m_retention.reset();
    publish();
    m_metrics.reset(); // stops listening
    Q_EMIT stopped();
}

void Engine::onWorkSettled()
{
    if (!busy())
        Q_EMIT idle();
}

void Engine::watchdogTick()
{
    m_watchdogTimer = m_clock->callAfter(watchdogInterval, this, [this] { watchdogTick(); });
    m_cycle->watchdogTick();
}

// ---- the operator's decisions ---------------------------------------------------------------------

void Engine::approveProposal(const QString& proposalId)
{
    if (m_desk)
        m_desk->approve(proposalId, OperatorOrigin::desktop());
}

void Engine::rejectProposal(const QString& proposalId, const QString& reason)
{
    if (m_desk)
        m_desk->reject(proposalId, reason, OperatorOrigin::desktop());
}

void Engine::acknowledgeAlert(const QString& alertId)
{
    if (m_alerts)
        m_alerts->acknowledge(alertId);
}

void Engine::sendTestMessage()
{
    if (m_desk)
        m_desk->sendTestMessage();
}

// ---- the operator's controls (ADR 0132) ----------------------------------------------------------

void Engine::pauseTrading()
{
    if (isRunning())
        m_controls->pause(OperatorOrigin::desktop());
}

void Engine::resumeTrading()
{
    if (isRunning())
        m_controls->resume(OperatorOrigin::desktop());
}

void Engine::flattenAll()
{
    if (isRunning())
        m_controls->flattenAll(OperatorOrigin::desktop());
}

void Engine::activateKillSwitch()
{
    if (isRunning())
        m_controls->killSwitch(OperatorOrigin::desktop());
}

void Engine::closePosition(const QString& instrumentKey)
{
    if (isRunning())
        m_controls->closePosition(instrumentKey, OperatorOrigin::desktop());
}

// ---- what the UI and the monitoring see ---------------------------------------------------------

void Engine::markChanged(const QString& key)
{
    if (!m_dirty.contains(key))
        m_dirty.append(key);
    if (!m_publishTimer->isActive())
        m_publishTimer->start();
}

void Engine::publish()
{
    InstrumentSnapshots changed;
    for (const QString& key : std::as_const(m_dirty)) {
        if (const InstrumentRuntime* runtime = m_instruments->find(key))
            changed.append(withFeed(runtime->snapshot));
    }
    m_dirty.clear();
    if (!changed.isEmpty())
        Q_EMIT snapshotsChanged(changed);
    // Held positions are marked at each new close: their P&L, the equity and their age move with it.
    if (!changed.isEmpty() && m_holdsPositions)
        refreshRisk();
    if (m_services && m_services->upstream) {
        const qint64 now = m_clock->nowMs();
        m_apiCallSamples.emplace_back(now, m_services->upstream->requestCount());
        while (m_apiCallSamples.size() > 2 && m_apiCallSamples.front().first < now - 3'600'000)
            m_apiCallSamples.pop_front();
    }
    if (m_services && m_services->caches)
        Q_EMIT cacheReportChanged(cacheReport());
    Q_EMIT statusChanged(status());
}

void Engine::refreshRisk()
{
    m_portfolio->withPortfolio([this](const Result<PortfolioSnapshot>& portfolio) {
        if (portfolio)
            publishRisk(*portfolio);
    });
}

void Engine::publishRisk(const PortfolioSnapshot& portfolio)
{
    const RiskSnapshot risk = m_risk->snapshot(portfolio, m_desk->tradesToday(), m_clock->now());
    m_lastRisk = risk;
    if (risk.method)
        m_context->stats.varMethod = risk.method;
    Q_EMIT riskChanged(risk);
    PortfolioView view = toView(portfolio);
    if (m_realisedToday)
        view.realisedToday = m_realisedToday->at(m_clock->now(), m_context->stats.executions);
    if (m_origins)
        m_origins->annotate(view, m_context->stats.executions);
    m_holdsPositions = !view.positions.isEmpty();
    Q_EMIT portfolioChanged(view);
}

CacheReport Engine::cacheReport() const
{
    CacheReport report;
    report.at = m_clock->now();
    qint64 saved = 0;
    for (const CacheStats& stats : m_services->caches->snapshot()) {
        report.caches.append(toView(stats));
        if (stats.name == cachenames::bars)
            saved = qint64(stats.hits + stats.coalesced + stats.sharedHits);
    }
    // One line per feed, so a desk on OANDA and Coinbase shows each broker's rate and stream; the
    // calls the cache saved are the desk's, counted once.
    for (const MarketDataProvider* feed : m_services->upstream->feeds()) {
        const ProviderQuota used = feed->quota();
        QuotaSnapshot quota{feed->name(), used.usedToday, used.dailyLimit, used.resetsAt, std::exchange(saved, 0), feed->streamState()};
        quota.windowLimit = used.windowLimit;
        quota.windowUsed = used.windowUsed;
        quota.window = used.window;
        report.quotas.append(quota);
    }
    return report;
}

EngineStatus Engine::status() const
{
    EngineStatus status;
    status.state = isRunning() ? EngineState::Running : (m_started ? EngineState::Stopped : EngineState::Starting);
    status.mode = m_config.mode;
    status.provider = m_services && m_services->upstream ? m_services->upstream->name() : providerKindName(m_config.provider);
    status.cycles = m_context ? m_context->stats.cycles : 0;
    status.offline = m_options.offline;
    if (const auto live = liveTradingAccount(m_config))
        status.liveAccount = live->describe();
    status.clockTime = m_clock ? m_clock->now() : QDateTime();
    if (m_controls && m_controls->paused()) {
        status.paused = true;
        status.pausedBy = m_controls->pausedBy();
        status.pausedAt = m_controls->pausedAt();
    }
    if (m_clock && m_cycle) {
        status.cyclesPerMinute = double(m_cycle->cyclesInLastMinute(m_clock->nowMs()));
        status.apiCallsPerHour = apiCallsInLastHour();
    }
    return status;
}

double Engine::apiCallsInLastHour() const
{
    if (m_apiCallSamples.size() < 2)
        return 0;
    return double(m_apiCallSamples.back().second - m_apiCallSamples.front().second);
}

quint16 Engine::telemetryPort() const
{
    return m_metrics ? m_metrics->port() : 0;
}

void Engine::startTelemetry()
{
    if (!m_options.serveTelemetry || m_config.telemetryListen.isEmpty())
        return;
    m_metrics = std::make_unique<EngineMetrics>();
    const TelemetryAccess access{m_config.telemetryAllowRemote, m_config.telemetryBearerToken};
    const Status serving = m_metrics->serve(m_config.telemetryListen, access, [this] {
        EngineMetrics::Inputs inputs;
        inputs.running = isRunning();
        inputs.statistics = statistics();
        inputs.provider = m_services->upstream->name();
        inputs.platform = m_services->platform->name();
        inputs.instruments = snapshots();
        inputs.caches = cacheReport();
        inputs.risk = m_lastRisk;
        if (m_services->dispatcher)
            inputs.channels = m_services->dispatcher->stats().channels;
        // Before the first cycle the start stands in, so a stall alert also covers an engine
        // that never cycles.
        const auto last = m_cycle->lastCycleAtMs();
        inputs.lastCycleAt = last ? QDateTime::fromMSecsSinceEpoch(*last, Qt::UTC) : m_startedAt;
        inputs.now = m_clock->now();
        inputs.advisorPool = m_services->advisor ? m_services->advisor->pool() : nullptr;
        return inputs;
    });
    if (!serving) {
        // Monitoring is not trading: the engine goes on and the operator learns why there is none.
        m_metrics.reset();
        m_alerts->raise(Alert::Severity::Warning, alertkind::telemetry, {},
                        QStringLiteral("no /metrics or /healthz endpoint: %1").arg(serving.error().toString()));
    }
}

RunStatistics Engine::statistics() const
{
    if (!m_context)
        return {};
    RunStatistics stats = m_context->stats;
    if (!m_services)
        return stats;
    if (m_services->metered)
        stats.apiCallsWhileClosed = m_services->metered->requestsWhileClosed();
    if (m_services->upstream) {
        const ProviderStats provider = m_services->upstream->stats();
        for (auto it = provider.requestsByEndpoint.cbegin(); it != provider.requestsByEndpoint.cend(); ++it)
            stats.apiCalls.insert(it.key(), it.value());
        stats.streamMessages = provider.streamMessages;
        stats.streamDrops = provider.streamDrops;
    }
    if (m_services->caches) {
        for (const CacheStats& cache : m_services->caches->snapshot())
            stats.caches.insert(cache.name, RunStatistics::CacheCounts{qint64(cache.hits + cache.coalesced),
                                                                       qint64(cache.misses)});
    }
    if (m_services->dispatcher) {
        const DeliveryStats delivery = m_services->dispatcher->stats();
        for (const ChannelStats& channel : delivery.channels)
            stats.signals.insert(channel.name, RunStatistics::SignalCounts{channel.delivered, channel.failed, channel.queueDepth});
    }
    return stats;
}

} // namespace sentinel
