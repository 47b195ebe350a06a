// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/Engine.h"

#include "cache/BarStore.h"
#include "cache/CacheRegistry.h"
#include "cache/CachedBarSource.h"
#include "cache/PerCycleCache.h"
#include "common/Log.h"
#include "common/SystemClock.h"
#include "engine/ApprovalQueue.h"
#include "engine/BarHistory.h"
#include "engine/BarSchedule.h"
#include "engine/EngineMetrics.h"
#include "engine/MeteredProvider.h"
#include "engine/ViewMapping.h"
#include "journal/Alert.h"
#include "journal/Journal.h"
#include "market/CalendarRegistry.h"
#include "market/FreshnessGate.h"
#include "market/StaleEpisodeTracker.h"
#include "notify/DesktopChannel.h"
#include "notify/Outbox.h"
#include "notify/SignalDispatcher.h"
#include "notify/TelegramChannel.h"
#include "notify/WebhookChannel.h"
#include "providers/AlphaVantageProvider.h"
#include "providers/RateLimiter.h"
#include "providers/ReplayProvider.h"
#include "providers/SimulatedProvider.h"
#include "risk/PortfolioVar.h"
#include "risk/PositionSizer.h"
#include "risk/RiskGate.h"
#include "risk/TradeContext.h"
#include "risk/VarEstimator.h"
#include "strategy/StrategyRegistry.h"
#include "trading/PaperPlatform.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

#include <QScopeGuard>

#include <cmath>

namespace sentinel {

using namespace std::chrono_literals;

namespace {
/// Adds the time spent in journal and platform I/O to a counter, so the cycle's own compute can
/// be reported without it. Spans nest (proposing journals inside a decision that journals): the
/// outermost span sets the total from its own start, so nested time is counted once, never twice
/// (counting it twice made cycle compute times negative).
struct IoSpan {
    explicit IoSpan(qint64& total) : m_total(total), m_totalAtStart(total) { m_timer.start(); }
    ~IoSpan() { m_total = m_totalAtStart + m_timer.nsecsElapsed(); }
    IoSpan(const IoSpan&) = delete;
    IoSpan& operator=(const IoSpan&) = delete;

private:
    qint64& m_total;
    const qint64 m_totalAtStart;
    QElapsedTimer m_timer;
};
} // namespace

struct Engine::InstrumentRuntime {
    InstrumentRuntime(Instrument i, BarSchedule s) : instrument(std::move(i)), schedule(std::move(s)) {}

    Instrument instrument;
    BarSchedule schedule;
    BarHistory history;
    StaleEpisodeTracker tracker;
    InstrumentSnapshot snapshot;
    TimerId timer = 0;
    bool loaded = false;        ///< the start-up history load has answered
    bool fetching = false;
    bool cycleMissed = false;   ///< a bar-close cycle came while a fetch was in flight
    qint64 lastSignalBarMs = 0; ///< one decision per bar
    qint64 computeNs = 0;       ///< the cycle's own compute so far (excludes waiting for I/O)
};

namespace {

/// Providers publish a bar a little after it closes; asking at the close would get the old bar
/// and cache it until the next close. Simulated and replayed feeds publish at once.
std::chrono::milliseconds publicationDelay(ProviderKind kind)
{
    return kind == ProviderKind::AlphaVantage ? 60s : 0ms;
}

FreshnessState toFreshnessState(FreshnessStatus status)
{
    switch (status) {
    case FreshnessStatus::Fresh: return FreshnessState::Fresh;
    case FreshnessStatus::Warn: return FreshnessState::Warn;
    case FreshnessStatus::Stale: return FreshnessState::Stale;
    }
    return FreshnessState::Unknown;
}

DataFreshness toDataFreshness(FreshnessStatus status)
{
    switch (status) {
    case FreshnessStatus::Fresh: return DataFreshness::Fresh;
    case FreshnessStatus::Warn: return DataFreshness::Warn;
    case FreshnessStatus::Stale: return DataFreshness::Stale;
    }
    return DataFreshness::Unknown;
}

QString lagText(qint64 lagMs)
{
    const qint64 minutes = lagMs / 60000;
    if (minutes < 120)
        return QStringLiteral("%1 min").arg(minutes);
    return QStringLiteral("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

double lotSizeFor(AssetClass assetClass)
{
    switch (assetClass) {
    case AssetClass::Fx: return 1000;       // a micro lot
    case AssetClass::Crypto: return 0.0001;
    case AssetClass::Equity: return 1;
    }
    return 1;
}

QString defaultJournalPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/journal.sqlite");
}

} // namespace

Engine::Engine(Config config, Clock* clock, QObject* parent) : Engine(std::move(config), clock, EngineOptions{}, parent) {}

Engine::Engine(Config config, Clock* clock, EngineOptions options, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_options(std::move(options)), m_clock(clock),
      m_publishTimer(new QTimer(this))
{
    registerSnapshotTypes();
    m_publishTimer->setSingleShot(true);
    m_publishTimer->setInterval(uiCoalescing);
    connect(m_publishTimer, &QTimer::timeout, this, &Engine::publish);
}

Engine::~Engine()
{
    // Callbacks that may still arrive refer to runtimes; stop them first.
    m_running = false;
    delete m_dispatcher;
    m_dispatcher = nullptr;
    qDeleteAll(m_order);
}

InstrumentSnapshots Engine::snapshots() const
{
    InstrumentSnapshots all;
    for (const InstrumentRuntime* runtime : m_order)
        all.append(runtime->snapshot);
    return all;
}

QList<ProposalView> Engine::pendingProposals() const
{
    QList<ProposalView> views;
    if (m_approvals) {
        for (const TradeProposal& proposal : m_approvals->pending())
            views.append(toView(proposal));
    }
    return views;
}

bool Engine::busy() const
{
    return m_inFlight > 0 || (m_dispatcher && !m_dispatcher->isIdle());
}

// ---- start-up ----------------------------------------------------------------------------

void Engine::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_clock) {
        m_ownedClock = std::make_unique<SystemClock>();
        m_clock = m_ownedClock.get();
    }
    const QStringList problems = buildServices();
    if (!problems.isEmpty()) {
        for (const QString& problem : problems)
            log::engine()->error("cannot start: {}", problem);
        Q_EMIT startFailed(problems);
        Q_EMIT statusChanged(status());
        return;
    }
    m_running = true;
    log::engine()->info("engine started: {} instruments, provider {}, mode {}, journal {}", m_order.size(),
                        m_upstream->name(), tradingModeName(m_config.mode), m_journalPath);
    restoreJournal();
    startTelemetry();
    if (!m_dispatcher) {
        // No remote channel: tell the Delivery panel once, instead of leaving it waiting.
        DeliverySnapshot none;
        none.at = m_clock->now();
        none.offline = m_options.offline;
        Q_EMIT deliveryChanged(none);
    }
    for (InstrumentRuntime* runtime : std::as_const(m_order))
        runCycle(runtime->instrument.key()); // the start-up history load, then on the bar schedule
    m_watchdogTimer = m_clock->callAfter(watchdogInterval, this, [this] { watchdogTick(); });
    withPortfolio([this](const Result<PortfolioSnapshot>& portfolio) {
        if (portfolio)
            publishRisk(*portfolio);
    });
    Q_EMIT statusChanged(status());
}

QStringList Engine::buildServices()
{
    QStringList problems;
    if (m_config.mode == TradingMode::Autonomous && !m_config.autonomousEnabled)
        problems << QStringLiteral("mode: autonomous needs autonomous.enabled: true");
    if (m_options.autoApprove && m_config.platform != u"paper")
        problems << QStringLiteral("--auto-approve is allowed only with the paper platform");
    if (m_config.watchlist.isEmpty())
        problems << QStringLiteral("watchlist: list at least one instrument");

    auto calendars = CalendarRegistry::load(m_config.calendarsFile);
    if (!calendars) {
        problems << calendars.error().toString();
        return problems;
    }
    m_calendars = std::make_unique<CalendarRegistry>(std::move(calendars).value());
    m_gate = std::make_unique<FreshnessGate>(*m_calendars, FreshnessPolicy::fromSettings(m_config.freshness));
    for (const Instrument& instrument : std::as_const(m_config.watchlist)) {
        auto calendar = m_calendars->require(instrument.market);
        if (!calendar) {
            problems << QStringLiteral("%1: %2").arg(instrument.key(), calendar.error().toString());
            continue;
        }
        auto* runtime = new InstrumentRuntime(instrument, BarSchedule(*calendar, instrument.interval));
        runtime->snapshot.instrument = instrument;
        m_order.append(runtime);
        m_instruments.insert(instrument.key(), runtime);
    }

    const auto sessionPredicate = [this](const Instrument& instrument, const QDateTime& barOpen) {
        const InstrumentRuntime* runtime = m_instruments.value(instrument.key());
        return runtime && runtime->schedule.marketOpenAt(barOpen.toMSecsSinceEpoch());
    };
    switch (m_config.provider) {
    case ProviderKind::Simulated: {
        auto* simulated = new SimulatedProvider(*m_clock, m_options.seed, this);
        simulated->setSessionPredicate(sessionPredicate);
        m_upstream = simulated;
        break;
    }
    case ProviderKind::Replay:
        m_upstream = new ReplayProvider(*m_clock, m_config.replay.directory, this);
        break;
    case ProviderKind::AlphaVantage: {
        auto* alphaVantage = new AlphaVantageProvider(*m_clock, m_config.alphaVantage, this);
        alphaVantage->setSessionPredicate(sessionPredicate);
        m_upstream = alphaVantage;
        break;
    }
    }
    connect(m_upstream, &MarketDataProvider::alertRaised, this, [this](const ProviderAlert& alert) {
        // Provider trouble (quota, circuit breaker) is the operator's business: critical.
        QString message = alert.message;
        if (alert.resumesAt.isValid())
            message += QStringLiteral(" (requests resume at %1 UTC)").arg(alert.resumesAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        raiseAlert(int(Alert::Severity::Critical), alert.kind, {}, message);
    });

    m_caches = new CacheRegistry(m_config.cache, *m_clock, this);
    for (const Issue& issue : m_caches->issues())
        problems << issue.toString();
    connect(m_caches, &CacheRegistry::backendDegraded, this, [this](const QString& reason) {
        raiseAlert(int(Alert::Severity::Warning), QStringLiteral("cache_degraded"), {},
                   QStringLiteral("shared cache unavailable, serving from memory: %1").arg(reason));
    });
    connect(m_caches, &CacheRegistry::backendRecovered, this, [this] {
        raiseAlert(int(Alert::Severity::Info), QStringLiteral("cache_recovered"), {}, QStringLiteral("shared cache is back"));
    });
    m_caches->start();
    auto& barCache = m_caches->create<QString, BarSeries>(cachenames::bars, 5min, 4096, CacheRegistry::Sharing::Shared);
    const auto delay = publicationDelay(m_config.provider);
    m_metered = new MeteredProvider(*m_upstream, [this](const Instrument& instrument) {
        const InstrumentRuntime* runtime = m_instruments.value(instrument.key());
        if (!runtime || !runtime->loaded)
            return true; // the start-up history load is reported apart (docs/adr/0090)
        return marketCanPublish(*runtime, m_clock->nowMs());
    }, this);
    m_bars = new CachedBarSource(*m_metered, barCache, [this, delay](const Instrument& instrument, const QDateTime& now) {
        const InstrumentRuntime* runtime = m_instruments.value(instrument.key());
        const auto next = runtime ? runtime->schedule.nextBarCloseAfter(now.toMSecsSinceEpoch()) : std::nullopt;
        return next ? QDateTime::fromMSecsSinceEpoch(*next + delay.count(), Qt::UTC) : QDateTime();
    }, this);
    m_bars->setSharedBackend(m_caches->sharedBackend());
    m_portfolio = std::make_unique<PerCycleCache<PortfolioSnapshot>>(
        m_caches->create<quint64, PortfolioSnapshot>(cachenames::portfolio));

    m_journalPath = !m_options.journalPath.isEmpty() ? m_options.journalPath
                    : !m_config.journalPath.isEmpty() ? m_config.journalPath
                                                      : defaultJournalPath();
    QDir().mkpath(QFileInfo(m_journalPath).absolutePath());
    auto journal = Journal::open(m_journalPath);
    if (!journal) {
        problems << QStringLiteral("journal.path: %1").arg(journal.error().toString());
        return problems;
    }
    m_journal = std::move(journal).value();
    if (auto store = BarStore::open(m_journalPath)) {
        m_barStore = std::move(store).value();
        m_bars->setBarStore(m_barStore.get());
        m_bars->warmFromStore(m_config.watchlist);
    } else {
        log::engine()->warn("bar store unavailable, a restart will fetch history again: {}", store.error().toString());
    }
    auto platform = PaperPlatform::open(m_journalPath, m_config.paper, *m_clock);
    if (!platform) {
        problems << QStringLiteral("paper: %1").arg(platform.error().toString());
        return problems;
    }
    m_platform = std::move(platform).value();
    connect(m_platform.get(), &TradingPlatform::filled, this, [this] { m_portfolio->invalidate(); });

    auto strategy = StrategyRegistry::create(m_config.strategyName);
    if (!strategy)
        problems << QStringLiteral("strategy.name: %1").arg(strategy.error().toString());
    else
        m_strategy = std::move(strategy).value();
    m_riskGate = std::make_unique<RiskGate>(m_config.risk);

    if (m_config.mode == TradingMode::SignalOnly) {
        for (const Issue& issue : validateTelegramForSignalOnly(m_config.telegram))
            problems << issue.toString();
    }
    if (m_config.telegram.enabled || m_config.webhook.enabled) {
        auto outbox = Outbox::open(m_journalPath);
        if (!outbox) {
            problems << QStringLiteral("journal.path: signal outbox: %1").arg(outbox.error().toString());
            return problems;
        }
        m_outbox = std::move(outbox).value();
        m_dispatcher = new SignalDispatcher(*m_clock, *m_outbox, this);
        TelegramChannel* telegram = nullptr;
        if (m_config.telegram.enabled) {
            telegram = new TelegramChannel(m_config.telegram, *m_clock);
            m_dispatcher->addChannel(telegram);
        }
        if (m_config.webhook.enabled)
            m_dispatcher->addChannel(new WebhookChannel(m_config.webhook, *m_clock));
        m_dispatcher->addChannel(new LogChannel);
        connect(m_dispatcher, &SignalDispatcher::allChannelsFailed, this, [this](const QString& id, const QString& reason) {
            raiseAlert(int(Alert::Severity::Critical), QStringLiteral("delivery_failed"), {},
                       QStringLiteral("signal %1 reached no channel and stays queued: %2").arg(id, reason));
        });
        connect(m_dispatcher, &SignalDispatcher::configurationError, this,
                [this](const QString& channel, const QString& key, const QString& message, const QString& remedy) {
                    raiseAlert(int(Alert::Severity::Critical), QStringLiteral("delivery_config"), {},
                               QStringLiteral("%1: %2: %3 — %4").arg(channel, key, message, remedy));
                });
        connect(m_dispatcher, &SignalDispatcher::chatMigrated, this, [this](const QString& from, const QString& to) {
            raiseAlert(int(Alert::Severity::Warning), QStringLiteral("delivery_config"), {},
                       QStringLiteral("the Telegram chat moved from %1 to %2: set telegram.chat_id: \"%2\"").arg(from, to));
        });
        connect(m_dispatcher, &SignalDispatcher::statsChanged, this, [this](const DeliveryStats& stats) {
            Q_EMIT deliveryChanged(toView(stats, m_options.offline));
        });
        // A delivery settling is work finishing: a simulation waiting on busy() may move on.
        connect(m_dispatcher, &SignalDispatcher::idle, this, [this] {
            if (!busy())
                Q_EMIT idle();
        });
        if (const Status started = m_dispatcher->start(); !started)
            problems << QStringLiteral("journal.path: signal outbox: %1").arg(started.error().toString());
        if (m_options.offline) {
            m_dispatcher->setLiveCheck(DeliveryStats::LiveCheck::Skipped);
        } else if (telegram && m_config.mode == TradingMode::SignalOnly && problems.isEmpty()) {
            // Signal-only mode is useless if Telegram cannot be reached: check it now, stop if not.
            beginWork();
            telegram->verify([this](const Issues& issues) {
                endWork();
                if (issues.isEmpty()) {
                    m_dispatcher->setLiveCheck(DeliveryStats::LiveCheck::Passed);
                    return;
                }
                m_dispatcher->setLiveCheck(DeliveryStats::LiveCheck::Failed);
                QStringList lines;
                for (const Issue& issue : issues)
                    lines << issue.toString();
                raiseAlert(int(Alert::Severity::Critical), QStringLiteral("delivery_config"), {},
                           QStringLiteral("signal-only mode needs Telegram, and the live check failed: %1").arg(lines.join(u"; ")));
                Q_EMIT startFailed(lines);
                stop();
            });
        }
    }

    m_approvals = new ApprovalQueue(*m_clock, [this](const TradeProposal& proposal) { onProposalExpired(proposal); }, this);
    return problems;
}

void Engine::restoreJournal()
{
    const QDateTime now = m_clock->now();
    if (auto pending = m_journal->restorePending(now)) {
        for (const TradeProposal& proposal : std::as_const(pending.value())) {
            m_approvals->add(proposal);
            Q_EMIT proposalChanged(toView(proposal));
        }
    } else {
        journalFailure(QStringLiteral("restoring pending proposals"), pending.error());
    }
    // Approvals a crash interrupted: record a fill that happened; never send an old approval now.
    auto awaiting = m_journal->approvedAwaitingExecution();
    if (!awaiting) {
        journalFailure(QStringLiteral("reading approvals awaiting execution"), awaiting.error());
        return;
    }
    for (TradeProposal proposal : std::as_const(awaiting.value())) {
        auto fill = m_platform->findFill(proposal.clientOrderId);
        if (fill && fill.value()) {
            onFilled(proposal, *fill.value());
            continue;
        }
        const QString reason = QStringLiteral("approved before a restart but not executed: approve again if still wanted");
        if (const Status refused = m_journal->markRefused(proposal.id, reason, now); !refused)
            journalFailure(QStringLiteral("refusing a lapsed approval"), refused.error());
        proposal.state = ProposalState::Refused;
        proposal.resolution = reason;
        Q_EMIT proposalChanged(toView(proposal));
    }
}

void Engine::stop()
{
    if (!m_running) {
        Q_EMIT stopped();
        return;
    }
    m_running = false;
    for (InstrumentRuntime* runtime : std::as_const(m_order)) {
        if (runtime->timer)
            m_clock->cancel(runtime->timer);
        runtime->timer = 0;
    }
    if (m_watchdogTimer)
        m_clock->cancel(m_watchdogTimer);
    m_watchdogTimer = 0;
    m_publishTimer->stop();
    publish();
    m_metrics.reset(); // stops listening
    Q_EMIT stopped();
}

// ---- the decision cycle ------------------------------------------------------------------

void Engine::scheduleNextCycle(InstrumentRuntime& runtime)
{
    const auto due = runtime.schedule.nextBarCloseAfter(m_clock->nowMs());
    if (!due) {
        log::engine()->warn("{}: no further session in the calendar's range", runtime.instrument.key());
        return;
    }
    if (runtime.timer)
        m_clock->cancel(runtime.timer);
    const QString key = runtime.instrument.key();
    const qint64 at = *due + publicationDelay(m_config.provider).count();
    runtime.timer = m_clock->callAt(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC), this, [this, key] { runCycle(key); });
}

void Engine::runCycle(const QString& key)
{
    InstrumentRuntime* runtime = m_instruments.value(key);
    if (!runtime || !m_running)
        return;
    runtime->timer = 0;
    const bool scheduled = runtime->loaded;
    scheduleNextCycle(*runtime);
    if (runtime->fetching) {
        // That fetch may have asked before this bar closed: ask again as soon as it answers.
        runtime->cycleMissed = true;
        return;
    }
    startCycle(*runtime, scheduled);
}

void Engine::startCycle(InstrumentRuntime& runtime, bool scheduled)
{
    ++m_stats.cycles;
    m_recentCycles.push_back(m_clock->nowMs());
    fetch(runtime, scheduled);
}

void Engine::fetch(InstrumentRuntime& runtime, bool scheduled)
{
    const QString key = runtime.instrument.key();
    BarRequest request;
    request.instrument = runtime.instrument;
    request.dueAt = m_clock->now();
    runtime.fetching = true;
    beginWork();
    m_bars->fetchBars(request, [this, key, scheduled](const Result<BarSeries>& result) {
        onBarsFetched(key, result, scheduled);
        if (InstrumentRuntime* runtime = m_instruments.value(key); runtime && runtime->cycleMissed && m_running) {
            runtime->cycleMissed = false;
            startCycle(*runtime, true);
        }
        endWork();
    });
}

void Engine::onBarsFetched(const QString& key, const Result<BarSeries>& result, bool scheduled)
{
    Q_UNUSED(scheduled)
    InstrumentRuntime* runtime = m_instruments.value(key);
    if (!runtime)
        return;
    runtime->fetching = false;
    runtime->loaded = true;
    if (!m_running)
        return;
    QElapsedTimer compute;
    compute.start();
    const qint64 ioBefore = m_ioNs;
    Bars added;
    InstrumentSnapshot& snapshot = runtime->snapshot;
    snapshot.updatedAt = m_clock->now();
    if (!result) {
        ++m_stats.apiErrors[result.error().kind];
        snapshot.lastError = result.error().toString();
        log::engine()->warn("{}: fetch failed: {}", key, snapshot.lastError);
    } else {
        snapshot.lastError.clear();
        for (const QString& dropped : result->droppedRows)
            log::market()->debug("{}: dropped row: {}", key, dropped);
        const bool first = runtime->history.isEmpty();
        added = runtime->history.merge(result->bars, runtime->schedule.calendar());
        if (!added.isEmpty()) {
            const Bar& newest = runtime->history.newest();
            snapshot.lastPrice = newest.close;
            snapshot.lastBarOpen = newest.openTime;
            snapshot.barCount = int(runtime->history.bars().size());
            Q_EMIT barsAppended(BarUpdate{key, first ? runtime->history.bars() : added, first});
            const IoSpan io(m_ioNs);
            if (const Status marked = m_platform->markPrice(key, newest.close); !marked)
                log::engine()->warn("{}: cannot mark the paper position: {}", key, marked.error().toString());
        }
    }
    std::optional<FreshDataToken> token;
    const FreshnessVerdict verdict = checkFreshness(*runtime, &token);
    markChanged(key);
    runtime->computeNs = compute.nsecsElapsed() - (m_ioNs - ioBefore);
    const bool newBar = !added.isEmpty() && runtime->history.newest().openTime.toMSecsSinceEpoch() != runtime->lastSignalBarMs;
    if (newBar && m_strategy) {
        decide(*runtime, verdict, token ? &*token : nullptr);
        return;
    }
    m_stats.cycleMs.push_back(double(runtime->computeNs) / 1e6);
}

FreshnessVerdict Engine::checkFreshness(InstrumentRuntime& runtime, std::optional<FreshDataToken>* token)
{
    const std::optional<qint64> newest = runtime.history.isEmpty()
        ? std::nullopt
        : std::optional<qint64>(runtime.history.newest().openTime.toMSecsSinceEpoch());
    FreshnessVerdict verdict;
    auto check = m_gate->evaluate(runtime.instrument, newest, m_clock->nowMs());
    if (check) {
        verdict = check->verdict;
        if (token && check->token)
            *token = check->token;
    } else {
        verdict.status = FreshnessStatus::Stale;
        verdict.instrumentKey = runtime.instrument.key();
        verdict.reason = check.error().toString();
    }
    InstrumentSnapshot& snapshot = runtime.snapshot;
    snapshot.marketOpen = verdict.phase == MarketPhase::Open;
    snapshot.marketState = verdict.marketReason.isEmpty() ? marketPhaseName(verdict.phase) : verdict.marketReason;
    snapshot.freshness = toFreshnessState(verdict.status);
    snapshot.lagSeconds = verdict.lagMs / 1000;
    snapshot.toleranceSeconds = verdict.toleranceMs / 1000;
    snapshot.freshnessReason = verdict.reason;
    trackEpisode(runtime, verdict);
    return verdict;
}

void Engine::trackEpisode(InstrumentRuntime& runtime, const FreshnessVerdict& verdict)
{
    switch (runtime.tracker.observe(verdict)) {
    case EpisodeEvent::None:
        break;
    case EpisodeEvent::RaiseAlert:
        raiseAlert(int(Alert::Severity::Warning), QStringLiteral("stale_data"), runtime.instrument.key(),
                   QStringLiteral("%1: stale data, no new entries: %2").arg(runtime.instrument.symbol, verdict.reason));
        break;
    case EpisodeEvent::Recovered:
        raiseAlert(int(Alert::Severity::Info), QStringLiteral("recovered"), runtime.instrument.key(),
                   QStringLiteral("%1: fresh data again (%2)").arg(runtime.instrument.symbol, verdict.reason));
        break;
    }
}

void Engine::decide(InstrumentRuntime& runtime, const FreshnessVerdict& verdict, const FreshDataToken* token)
{
    runtime.lastSignalBarMs = runtime.history.newest().openTime.toMSecsSinceEpoch();
    const QString key = runtime.instrument.key();
    const std::optional<FreshDataToken> heldToken = token ? std::optional<FreshDataToken>(*token) : std::nullopt;
    withPortfolio([this, key, verdict, heldToken](const Result<PortfolioSnapshot>& portfolio) {
        InstrumentRuntime* runtime = m_instruments.value(key);
        if (!runtime || !m_running)
            return;
        QElapsedTimer compute;
        compute.start();
        const qint64 ioBefore = m_ioNs;
        const auto recordCompute = qScopeGuard([&] {
            const qint64 ownNs = compute.nsecsElapsed() - (m_ioNs - ioBefore);
            m_stats.cycleMs.push_back(double(runtime->computeNs + ownNs) / 1e6);
        });
        if (!portfolio) {
            raiseAlert(int(Alert::Severity::Warning), QStringLiteral("platform_error"), key,
                       QStringLiteral("portfolio unavailable, no decision this bar: %1").arg(portfolio.error().toString()));
            return;
        }
        const auto signal = m_strategy->evaluate(runtime->instrument, runtime->history.bars(),
                                                 portfolio->positionState(key));
        if (!signal)
            return;
        if (signal->isExit) {
            // Stale data never traps a position: exits pass, with the verdict on record.
            const ExitClearance clearance = m_gate->allowsExit(verdict);
            decideWithPortfolio(key, *signal, verdict, clearance.reason, *portfolio);
            return;
        }
        if (!heldToken) {
            ++m_stats.staleBlocks;
            ++m_stats.staleBlocksByMarket[runtime->instrument.market];
            log::engine()->info("{}: entry signal blocked by stale data: {}", key, verdict.reason);
            return;
        }
        proposeEntry(*heldToken, key, *signal, verdict, *portfolio);
    });
}

void Engine::proposeEntry(const FreshDataToken& token, const QString& key, const Signal& signal,
                          const FreshnessVerdict& verdict, const PortfolioSnapshot& portfolio)
{
    if (token.instrumentKey() != key)
        return; // a token proves freshness of one instrument only
    decideWithPortfolio(key, signal, verdict, {}, portfolio);
}

void Engine::decideWithPortfolio(const QString& key, const Signal& signal, const FreshnessVerdict& verdict,
                                 const QString& exitNote, const PortfolioSnapshot& portfolio)
{
    InstrumentRuntime* runtime = m_instruments.value(key);
    if (!runtime)
        return;
    for (const TradeProposal& pending : m_approvals->pending()) {
        if (pending.instrument.key() == key)
            return; // one open question per instrument at a time
    }
    const QDateTime now = m_clock->now();
    double quantity = 0;
    if (signal.isExit) {
        quantity = portfolio.positionState(key).quantity;
        if (quantity <= 0)
            return;
    } else {
        SizingRequest sizing;
        sizing.balance = portfolio.equity;
        sizing.price = signal.referencePrice;
        sizing.stopDistance = signal.stopDistance.value_or(signal.referencePrice * 0.02);
        sizing.lotSize = lotSizeFor(runtime->instrument.assetClass());
        sizing.maxPositionFraction = m_config.risk.maxPositionPct;
        const SizingResult sized = PositionSizer::size(sizing);
        if (!sized.tradable()) {
            ++m_stats.riskRejections[QStringLiteral("position_size")];
            QStringList reasons;
            for (const SizingReason& reason : sized.reasons)
                reasons << reason.message;
            raiseAlert(int(Alert::Severity::Warning), QStringLiteral("risk_rejection"), key,
                       QStringLiteral("%1 %2: no proposal, position size is zero: %3")
                           .arg(sideName(signal.side), runtime->instrument.symbol, reasons.join(u"; ")));
            return;
        }
        quantity = sized.quantity;
    }

    TradeProposal proposal = TradeProposal::create(runtime->instrument, signal.side, quantity, signal.referencePrice, now,
                                                   now.addSecs(m_config.approvalTimeout.count()));
    proposal.isExit = signal.isExit;
    proposal.strategyReason = signal.reason;
    proposal.freshness = QStringLiteral("%1 (lag %2)").arg(freshnessStatusName(verdict.status), lagText(verdict.lagMs));
    if (!exitNote.isEmpty())
        proposal.freshness += QStringLiteral("; ") + exitNote;
    m_signalConfidence.insert(proposal.id, signal.confidence);
    const RiskVerdict risk = m_riskGate->evaluate(tradeContext(proposal, portfolio, signal.confidence, verdict));
    proposal.verdict.approved = risk.approved;
    for (const RiskReason& reason : risk.reasons)
        proposal.verdict.reasons << riskReasonName(reason.code) + QStringLiteral(": ") + reason.message;
    if (risk.approved)
        proposal.verdict.reasons << QStringLiteral("all risk checks passed");
    proposal.varBefore = portfolioVar(portfolio, {}, 0);
    proposal.varAfter = risk.varAfterTrade ? risk.varAfterTrade->var
                                           : portfolioVar(portfolio, key, quantity * signal.referencePrice);
    if (!risk.approved) {
        for (const RiskReason& reason : risk.reasons)
            ++m_stats.riskRejections[riskReasonName(reason.code)];
        raiseAlert(int(Alert::Severity::Warning), QStringLiteral("risk_rejection"), key,
                   QStringLiteral("%1 %2 %3 refused by the risk gate: %4")
                       .arg(sideName(signal.side), QString::number(quantity), runtime->instrument.symbol,
                            proposal.verdict.reasons.join(u"; ")));
        return;
    }

    const IoSpan io(m_ioNs);
    switch (m_config.mode) {
    case TradingMode::SignalOnly:
        if (const Status recorded = m_journal->recordProposal(proposal); !recorded)
            return journalFailure(QStringLiteral("recording a signal"), recorded.error());
        if (const Status rejected = m_journal->recordDecision(proposal.id, Decision::Reject,
                                                              QStringLiteral("signal-only mode: delivered, not traded"),
                                                              QStringLiteral("signal-only"), now); !rejected)
            return journalFailure(QStringLiteral("recording a signal"), rejected.error());
        dispatchSignal(proposal, QStringLiteral("Signal: ") + proposal.strategyReason);
        return;
    case TradingMode::Approval:
        propose(proposal);
        if (m_options.autoApprove)
            approveProposal(proposal.id);
        return;
    case TradingMode::Autonomous:
        if (const Status recorded = m_journal->recordProposal(proposal); !recorded)
            return journalFailure(QStringLiteral("recording a proposal"), recorded.error());
        ++m_stats.proposals;
        if (const Status approved = m_journal->recordDecision(proposal.id, Decision::Approve, {},
                                                              QStringLiteral("autonomous"), now); !approved)
            return journalFailure(QStringLiteral("recording an autonomous approval"), approved.error());
        ++m_stats.approvals;
        proposal.state = ProposalState::Approved;
        execute(proposal);
        return;
    }
}

void Engine::propose(const TradeProposal& proposal)
{
    const IoSpan io(m_ioNs);
    // Written before the operator can act on it: a crash loses no proposal.
    if (const Status recorded = m_journal->recordProposal(proposal); !recorded)
        return journalFailure(QStringLiteral("recording a proposal"), recorded.error());
    m_approvals->add(proposal);
    ++m_stats.proposals;
    Q_EMIT proposalChanged(toView(proposal));
    Q_EMIT chartMarkerAdded(ChartMarker{proposal.instrument.key(), ChartMarker::Kind::Proposal, sideName(proposal.side),
                                        proposal.createdAt, proposal.price});
}

// ---- the operator's decisions --------------------------------------------------------------

void Engine::approveProposal(const QString& proposalId)
{
    if (!m_running || !m_approvals)
        return;
    auto taken = m_approvals->take(proposalId);
    if (!taken) {
        log::engine()->warn("approve {}: not pending any more (decided or expired)", proposalId);
        return;
    }
    ++m_stats.approvals;
    TradeProposal proposal = *taken;
    InstrumentRuntime* runtime = m_instruments.value(proposal.instrument.key());
    const auto refuse = [this](TradeProposal refused, const QString& reason) {
        if (const Status marked = m_journal->markRefused(refused.id, reason, m_clock->now()); !marked)
            journalFailure(QStringLiteral("refusing an approval"), marked.error());
        refused.state = ProposalState::Refused;
        refused.resolution = reason;
        Q_EMIT proposalChanged(toView(refused));
        raiseAlert(int(Alert::Severity::Warning), QStringLiteral("approval_refused"), refused.instrument.key(),
                   QStringLiteral("%1 %2: approval refused: %3").arg(sideName(refused.side), refused.instrument.symbol, reason));
    };
    if (!runtime)
        return refuse(proposal, QStringLiteral("the instrument is no longer watched"));
    // Re-check against the data we hold NOW, not the data the proposal was made on.
    std::optional<FreshDataToken> token;
    const FreshnessVerdict verdict = checkFreshness(*runtime, &token);
    if (!proposal.isExit && !token)
        return refuse(proposal, QStringLiteral("data is stale now: %1").arg(verdict.reason));
    withPortfolio([this, proposal, verdict, refuse](const Result<PortfolioSnapshot>& portfolio) mutable {
        if (!m_running)
            return;
        if (!portfolio)
            return refuse(proposal, QStringLiteral("portfolio unavailable: %1").arg(portfolio.error().toString()));
        const double confidence = m_signalConfidence.value(proposal.id, 1.0);
        const RiskVerdict risk = m_riskGate->evaluate(tradeContext(proposal, *portfolio, confidence, verdict));
        if (!risk.approved) {
            QStringList reasons;
            for (const RiskReason& reason : risk.reasons)
                reasons << riskReasonName(reason.code) + QStringLiteral(": ") + reason.message;
            return refuse(proposal, QStringLiteral("risk check failed at approval: %1").arg(reasons.join(u"; ")));
        }
        const QString operatorName = m_options.autoApprove ? QStringLiteral("auto-approve") : QStringLiteral("operator");
        if (const Status approved = m_journal->recordDecision(proposal.id, Decision::Approve, {}, operatorName,
                                                              m_clock->now()); !approved)
            return journalFailure(QStringLiteral("recording an approval"), approved.error());
        proposal.state = ProposalState::Approved;
        Q_EMIT proposalChanged(toView(proposal));
        execute(proposal);
    });
}

void Engine::rejectProposal(const QString& proposalId, const QString& reason)
{
    if (!m_running || !m_approvals)
        return;
    auto taken = m_approvals->take(proposalId);
    if (!taken)
        return;
    TradeProposal proposal = *taken;
    const QString why = reason.trimmed().isEmpty() ? QStringLiteral("rejected by the operator") : reason.trimmed();
    if (const Status recorded = m_journal->recordDecision(proposal.id, Decision::Reject, why, QStringLiteral("operator"),
                                                          m_clock->now()); !recorded)
        return journalFailure(QStringLiteral("recording a rejection"), recorded.error());
    ++m_stats.rejections;
    announceResolved(proposal, ProposalState::Rejected, why);
}

void Engine::announceResolved(TradeProposal proposal, ProposalState state, const QString& resolution)
{
    proposal.state = state;
    proposal.resolution = resolution;
    m_signalConfidence.remove(proposal.id);
    Q_EMIT proposalChanged(toView(proposal));
}

void Engine::onProposalExpired(const TradeProposal& expired)
{
    TradeProposal proposal = expired;
    const QString why = QStringLiteral("rejected: no answer within %1 s").arg(m_config.approvalTimeout.count());
    if (const Status marked = m_journal->markExpired(proposal.id, m_clock->now()); !marked)
        return journalFailure(QStringLiteral("expiring a proposal"), marked.error());
    ++m_stats.expired;
    announceResolved(proposal, ProposalState::Expired, why);
}

void Engine::execute(TradeProposal proposal)
{
    m_approvedAwaiting.insert(proposal.id, proposal);
    OrderRequest order;
    order.clientOrderId = proposal.clientOrderId; // derived from the proposal id: a retry reuses it
    order.instrumentKey = proposal.instrument.key();
    order.side = proposal.side;
    order.quantity = proposal.quantity;
    order.referencePrice = proposal.price;
    beginWork();
    m_platform->placeOrder(order, [this, proposal](const Result<Fill>& fill) {
        m_approvedAwaiting.remove(proposal.id);
        if (fill) {
            onFilled(proposal, *fill);
        } else {
            TradeProposal refused = proposal;
            const QString reason = QStringLiteral("the platform refused the order: %1").arg(fill.error().toString());
            if (const Status marked = m_journal->markRefused(proposal.id, reason, m_clock->now()); !marked)
                journalFailure(QStringLiteral("recording a refused order"), marked.error());
            refused.state = ProposalState::Refused;
            refused.resolution = reason;
            Q_EMIT proposalChanged(toView(refused));
            raiseAlert(int(Alert::Severity::Critical), QStringLiteral("execution_failed"), proposal.instrument.key(), reason);
        }
        endWork();
    });
}

void Engine::onFilled(const TradeProposal& filledProposal, const Fill& fill)
{
    TradeProposal proposal = filledProposal;
    auto recorded = m_journal->recordExecution(proposal.id, fill);
    if (!recorded)
        return journalFailure(QStringLiteral("recording an execution"), recorded.error());
    if (recorded.value())
        ++m_stats.executions;
    m_portfolio->invalidate();
    const QDate day = m_clock->now().date();
    if (day.toJulianDay() != m_tradesDay) {
        m_tradesDay = day.toJulianDay();
        m_tradesToday = 0;
    }
    ++m_tradesToday;
    proposal.state = ProposalState::Executed;
    proposal.resolution = QStringLiteral("filled %1 @ %2 (fee %3)")
                              .arg(QString::number(fill.quantity), QString::number(fill.price, 'f', 5),
                                   QString::number(fill.fee, 'f', 2));
    m_signalConfidence.remove(proposal.id);
    Q_EMIT proposalChanged(toView(proposal));
    Q_EMIT chartMarkerAdded(ChartMarker{proposal.instrument.key(), ChartMarker::Kind::Execution, sideName(proposal.side),
                                        fill.at, fill.price});
    dispatchSignal(proposal, QStringLiteral("Executed: %1").arg(proposal.resolution));
    withPortfolio([this](const Result<PortfolioSnapshot>& portfolio) {
        if (portfolio)
            publishRisk(*portfolio);
    });
}

void Engine::dispatchSignal(const TradeProposal& proposal, const QString& text)
{
    if (!m_dispatcher) {
        log::notify()->info("signal {} {} {} @ {} (no remote channel enabled): {}", proposal.id, sideName(proposal.side),
                            proposal.instrument.key(), proposal.price, text);
        return;
    }
    SignalMessage message;
    message.id = proposal.id;
    message.instrumentKey = proposal.instrument.key();
    message.side = proposal.isExit ? QStringLiteral("EXIT") : sideName(proposal.side).toUpper();
    message.price = proposal.price;
    message.text = text + QStringLiteral("\n") + proposal.strategyReason;
    message.createdAt = m_clock->now();
    message.expiresAt = message.createdAt.addSecs(3600);
    if (auto queued = m_dispatcher->dispatch(message); !queued)
        raiseAlert(int(Alert::Severity::Critical), QStringLiteral("delivery_failed"), proposal.instrument.key(),
                   QStringLiteral("signal %1 could not be queued: %2").arg(message.id, queued.error().toString()));
}

void Engine::acknowledgeAlert(const QString& alertId)
{
    if (!m_journal)
        return;
    if (auto acknowledged = m_journal->acknowledgeAlert(alertId, m_clock->now()); !acknowledged)
        journalFailure(QStringLiteral("acknowledging an alert"), acknowledged.error());
}

void Engine::sendTestMessage()
{
    if (!m_dispatcher) {
        raiseAlert(int(Alert::Severity::Info), QStringLiteral("delivery_config"), {},
                   QStringLiteral("no remote channel is enabled: set telegram.enabled or webhook.enabled in the settings"));
        return;
    }
    SignalMessage message;
    message.id = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    message.side = QStringLiteral("TEST");
    message.text = QStringLiteral("Trade Sentinel test message: delivery works.");
    message.createdAt = m_clock->now();
    message.expiresAt = message.createdAt.addSecs(600);
    if (auto queued = m_dispatcher->dispatch(message); !queued)
        raiseAlert(int(Alert::Severity::Warning), QStringLiteral("delivery_failed"), {}, queued.error().toString());
}

// ---- supporting pieces ----------------------------------------------------------------------

void Engine::watchdogTick()
{
    m_watchdogTimer = m_clock->callAfter(watchdogInterval, this, [this] { watchdogTick(); });
    for (InstrumentRuntime* runtime : std::as_const(m_order)) {
        if (!runtime->loaded)
            continue; // still waiting for its first answer (a queued, rate-limited request)
        if (!runtime->fetching && marketCanPublish(*runtime, m_clock->nowMs())) {
            // Ask for data as a polling engine would: the schedule-aware cache answers unless the
            // market can have published a bar, so a feed that froze is noticed here too. Never
            // while the market is closed, even with caches switched off (the rollback switch
            // must not spend the quota on a weekend).
            fetch(*runtime, true);
            continue; // onBarsFetched re-checks freshness
        }
        const FreshnessState before = runtime->snapshot.freshness;
        const qint64 lagBefore = runtime->snapshot.lagSeconds / 60;
        static_cast<void>(checkFreshness(*runtime, nullptr));
        if (runtime->snapshot.freshness != before || runtime->snapshot.lagSeconds / 60 != lagBefore)
            markChanged(runtime->instrument.key());
    }
}

bool Engine::marketCanPublish(const InstrumentRuntime& runtime, qint64 nowMs) const
{
    // Open now, or closed so recently that the session's last bar may still be on its way.
    const qint64 delayMs = publicationDelay(m_config.provider).count();
    return runtime.schedule.marketOpenAt(nowMs) || runtime.schedule.marketOpenAt(nowMs - 1 - delayMs);
}

TradeContext Engine::tradeContext(const TradeProposal& proposal, const PortfolioSnapshot& portfolio,
                                  double signalConfidence, const FreshnessVerdict& verdict) const
{
    TradeContext context;
    context.instrument = proposal.instrument;
    context.side = proposal.side == Side::Buy ? TradeSide::Buy : TradeSide::Sell;
    context.isExit = proposal.isExit;
    context.quantity = proposal.quantity;
    context.price = proposal.price;
    context.signalConfidence = signalConfidence;
    context.freshness = toDataFreshness(verdict.status);
    context.freshnessReason = verdict.reason;
    const InstrumentRuntime* traded = m_instruments.value(proposal.instrument.key());
    context.marketOpen = traded && traded->schedule.marketOpenAt(m_clock->nowMs());
    PortfolioState& state = context.portfolio;
    state.balance = portfolio.equity;
    state.equityPeak = portfolio.peakEquity;
    for (const Position& position : portfolio.positions) {
        if (const InstrumentRuntime* runtime = m_instruments.value(position.instrumentKey)) {
            state.positions.append(Holding{runtime->instrument, position.quantity, position.marketPrice});
            state.returns.insert(position.instrumentKey, runtime->history.dailyReturns());
        }
    }
    for (const TradeProposal& pending : m_approvedAwaiting) {
        const double signedQuantity = pending.side == Side::Buy ? pending.quantity : -pending.quantity;
        state.pending.append(Holding{pending.instrument, signedQuantity, pending.price});
    }
    if (traded)
        state.returns.insert(proposal.instrument.key(), traded->history.dailyReturns());
    state.tradesToday = m_clock->now().date().toJulianDay() == m_tradesDay ? m_tradesToday : 0;
    return context;
}

double Engine::portfolioVar(const PortfolioSnapshot& portfolio, const QString& extraKey, double extraValue) const
{
    if (portfolio.equity <= 0)
        return 0;
    QHash<QString, double> values;
    for (const Position& position : portfolio.positions)
        values[position.instrumentKey] += position.marketValue();
    if (!extraKey.isEmpty())
        values[extraKey] += extraValue;
    QList<PortfolioExposure> exposures;
    const VolatilityPrior prior;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const InstrumentRuntime* runtime = m_instruments.value(it.key());
        if (!runtime || it.value() == 0)
            continue;
        exposures.append(PortfolioExposure{it.key(), it.value() / portfolio.equity,
                                           prior.dailyVolatility(runtime->instrument.assetClass()),
                                           runtime->history.dailyReturns()});
    }
    if (exposures.isEmpty())
        return 0;
    const VarEstimator estimator(RiskGate::gateBootstrapOptions());
    const auto report = estimatePortfolioVar(exposures, m_config.risk.varConfidence, 1, estimator);
    return report ? report->var : 0;
}

void Engine::publishRisk(const PortfolioSnapshot& portfolio)
{
    RiskSnapshot risk;
    risk.at = m_clock->now();
    risk.confidence = m_config.risk.varConfidence;
    risk.equity = portfolio.equity;
    risk.currency = portfolio.currency;
    QList<PortfolioExposure> exposures;
    const VolatilityPrior prior;
    double largest = 0;
    for (const Position& position : portfolio.positions) {
        risk.exposure += std::abs(position.marketValue());
        largest = std::max(largest, std::abs(position.marketValue()));
        if (const InstrumentRuntime* runtime = m_instruments.value(position.instrumentKey); runtime && portfolio.equity > 0) {
            exposures.append(PortfolioExposure{position.instrumentKey, position.marketValue() / portfolio.equity,
                                               prior.dailyVolatility(runtime->instrument.assetClass()),
                                               runtime->history.dailyReturns()});
        }
    }
    if (exposures.isEmpty()) {
        risk.methodLabel = QStringLiteral("no positions");
    } else {
        const VarEstimator estimator(RiskGate::gateBootstrapOptions());
        if (const auto report = estimatePortfolioVar(exposures, m_config.risk.varConfidence, 1, estimator)) {
            risk.var = report->var;
            risk.expectedShortfall = report->expectedShortfall;
            risk.methodLabel = report->methodLabel();
        } else {
            risk.methodLabel = QStringLiteral("unavailable: %1").arg(report.error().message);
        }
    }
    const double equity = std::max(portfolio.equity, 1e-9);
    risk.limits = {
        LimitUsage{QStringLiteral("portfolio VaR"), risk.var, m_config.risk.maxVarPct},
        LimitUsage{QStringLiteral("drawdown"), portfolio.drawdown(), m_config.risk.maxDrawdownPct},
        LimitUsage{QStringLiteral("largest position"), largest / equity, m_config.risk.maxPositionPct},
        LimitUsage{QStringLiteral("trades today"), double(m_tradesToday), double(m_config.risk.maxTradesPerDay)},
    };
    m_lastRisk = risk;
    Q_EMIT riskChanged(risk);
}

void Engine::withPortfolio(std::function<void(const Result<PortfolioSnapshot>&)> done)
{
    // One fetch per engine instant: every instrument whose bar closes now shares it.
    const auto cycleId = quint64(m_clock->nowMs());
    m_portfolio->get(
        cycleId,
        [this](PerCycleCache<PortfolioSnapshot>::Cache::Resolve resolve) {
            ++m_stats.portfolioCalls;
            beginWork();
            m_platform->fetchPortfolio([this, resolve](const Result<PortfolioSnapshot>& portfolio) {
                resolve(portfolio, QDateTime());
                endWork();
            });
        },
        std::move(done));
}

void Engine::raiseAlert(int severity, const QString& kind, const QString& instrumentKey, const QString& message)
{
    const IoSpan io(m_ioNs);
    const Alert alert = Alert::create(Alert::Severity(severity), kind, instrumentKey, message, m_clock->now());
    if (m_journal) {
        if (const Status recorded = m_journal->recordAlert(alert); !recorded)
            log::journal()->error("cannot record alert: {}", recorded.error().toString());
    }
    ++m_stats.alerts[kind];
    log::engine()->log(alert.severity == Alert::Severity::Info ? spdlog::level::info : spdlog::level::warn, "alert {}: {}",
                       kind, message);
    Q_EMIT alertRaised(toView(alert));
}

void Engine::journalFailure(const QString& what, const Error& error)
{
    // Nothing is acted on without its journal record; say so loudly.
    log::journal()->critical("{} failed: {}", what, error.toString());
    const Alert alert = Alert::create(Alert::Severity::Critical, QStringLiteral("journal_error"), {},
                                      QStringLiteral("%1 failed, nothing was acted on: %2").arg(what, error.toString()),
                                      m_clock->now());
    ++m_stats.alerts[alert.kind];
    Q_EMIT alertRaised(toView(alert));
}

void Engine::beginWork()
{
    ++m_inFlight;
}

void Engine::endWork()
{
    if (--m_inFlight == 0 && !busy())
        Q_EMIT idle();
}

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
        if (const InstrumentRuntime* runtime = m_instruments.value(key))
            changed.append(runtime->snapshot);
    }
    m_dirty.clear();
    if (!changed.isEmpty())
        Q_EMIT snapshotsChanged(changed);
    if (m_upstream) {
        const qint64 now = m_clock->nowMs();
        m_apiCallSamples.emplace_back(now, m_upstream->requestCount());
        while (m_apiCallSamples.size() > 2 && m_apiCallSamples.front().first < now - 3'600'000)
            m_apiCallSamples.pop_front();
    }
    if (m_caches)
        Q_EMIT cacheReportChanged(cacheReport());
    Q_EMIT statusChanged(status());
}

CacheReport Engine::cacheReport() const
{
    CacheReport report;
    report.at = m_clock->now();
    qint64 saved = 0;
    for (const CacheStats& stats : m_caches->snapshot()) {
        report.caches.append(toView(stats));
        if (stats.name == cachenames::bars)
            saved = qint64(stats.hits + stats.coalesced + stats.sharedHits);
    }
    QuotaSnapshot quota;
    quota.provider = m_upstream->name();
    quota.apiCallsSaved = saved;
    if (auto* alphaVantage = qobject_cast<AlphaVantageProvider*>(m_upstream)) {
        quota.usedToday = alphaVantage->rateLimiter().grantedToday();
        quota.dailyLimit = m_config.alphaVantage.requestsPerDay;
        quota.resetsAt = alphaVantage->rateLimiter().nextQuotaReset();
    } else {
        quota.usedToday = int(m_upstream->requestCount());
    }
    report.quotas.append(quota);
    return report;
}

EngineStatus Engine::status() const
{
    EngineStatus status;
    status.state = m_running ? QStringLiteral("running") : (m_started ? QStringLiteral("stopped") : QStringLiteral("starting"));
    status.mode = tradingModeName(m_config.mode);
    status.provider = m_upstream ? m_upstream->name() : providerKindName(m_config.provider);
    status.cycles = m_stats.cycles;
    status.offline = m_options.offline;
    status.clockTime = m_clock ? m_clock->now() : QDateTime();
    if (m_clock) {
        const qint64 now = m_clock->nowMs();
        auto& cycles = const_cast<std::deque<qint64>&>(m_recentCycles);
        while (!cycles.empty() && cycles.front() < now - 3'600'000)
            cycles.pop_front();
        const auto lastMinute = std::count_if(cycles.cbegin(), cycles.cend(), [now](qint64 at) { return at >= now - 60'000; });
        status.cyclesPerMinute = double(lastMinute);
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
    const Status serving = m_metrics->serve(m_config.telemetryListen, [this] {
        EngineMetrics::Inputs inputs;
        inputs.running = m_running;
        inputs.statistics = statistics();
        inputs.provider = m_upstream->name();
        inputs.instruments = snapshots();
        inputs.caches = cacheReport();
        inputs.risk = m_lastRisk;
        if (m_dispatcher)
            inputs.channels = m_dispatcher->stats().channels;
        if (!m_recentCycles.empty())
            inputs.lastCycleAt = QDateTime::fromMSecsSinceEpoch(m_recentCycles.back(), Qt::UTC);
        return inputs;
    });
    if (!serving) {
        // Monitoring is not trading: the engine goes on and the operator learns why there is none.
        m_metrics.reset();
        raiseAlert(int(Alert::Severity::Warning), QStringLiteral("telemetry"), {},
                   QStringLiteral("no /metrics or /healthz endpoint: %1").arg(serving.error().toString()));
    }
}

RunStatistics Engine::statistics() const
{
    RunStatistics stats = m_stats;
    if (m_metered)
        stats.apiCallsWhileClosed = m_metered->requestsWhileClosed();
    if (m_upstream) {
        const ProviderStats provider = m_upstream->stats();
        for (auto it = provider.requestsByEndpoint.cbegin(); it != provider.requestsByEndpoint.cend(); ++it)
            stats.apiCalls.insert(it.key(), it.value());
    }
    if (m_caches) {
        for (const CacheStats& cache : m_caches->snapshot())
            stats.caches.insert(cache.name, RunStatistics::CacheCounts{qint64(cache.hits + cache.coalesced),
                                                                       qint64(cache.misses)});
    }
    if (m_dispatcher) {
        const DeliveryStats delivery = m_dispatcher->stats();
        for (const ChannelStats& channel : delivery.channels)
            stats.signals.insert(channel.name, RunStatistics::SignalCounts{channel.delivered, channel.failed, channel.queueDepth});
    }
    return stats;
}

} // namespace sentinel
