// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/DecisionCycle.h"

#include "cache/CachedBarSource.h"
#include "common/AlertKinds.h"
#include "common/Log.h"
#include "engine/AlertSink.h"
#include "engine/EngineContext.h"
#include "engine/EngineServices.h"
#include "engine/FreshnessMonitor.h"
#include "engine/InstrumentBook.h"
#include "engine/PortfolioRisk.h"
#include "engine/PortfolioSource.h"
#include "engine/PositionOrigins.h"
#include "engine/TradeDesk.h"
#include "risk/PositionSizer.h"
#include "risk/RiskGate.h"
#include "risk/SizingDefaults.h"
#include "strategy/Strategy.h"
#include "trading/TradingPlatform.h"

#include <QScopeGuard>

#include <algorithm>
#include <cmath>

namespace sentinel {

namespace {

constexpr qint64 hourMs = 3'600'000;

QString lagText(qint64 lagMs)
{
    const qint64 minutes = lagMs / 60000;
    if (minutes < 120)
        return QStringLiteral("%1 min").arg(minutes);
    return QStringLiteral("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

/// The stop distance an entry is sized for; its protective stop is journalled at the same
/// distance, so the stop is the one the risk per trade was computed against (ADR 0140).
double sizedStopDistance(const Signal& signal)
{
    return stopDistanceOrDefault(signal.stopDistance, signal.referencePrice);
}

} // namespace

DecisionCycle::DecisionCycle(EngineContext& context, EngineSteps steps, TradeDesk& desk, QObject* parent)
    : QObject(parent), m_context(context), m_steps(steps), m_desk(desk)
{
}

void DecisionCycle::start()
{
    connect(m_steps.services.bars.get(), &MarketDataProvider::barPublished, this, &DecisionCycle::onBarPublished,
            Qt::UniqueConnection);
    for (const auto& runtime : m_steps.instruments.all())
        runCycle(runtime->instrument.key()); // the start-up history load, then on the bar schedule
}

void DecisionCycle::stop()
{
    for (const auto& runtime : m_steps.instruments.all()) {
        if (runtime->timer)
            m_context.clock.cancel(runtime->timer);
        runtime->timer = 0;
    }
}

int DecisionCycle::cyclesInLastMinute(qint64 nowMs) const
{
    return int(std::count_if(m_recentCycles.cbegin(), m_recentCycles.cend(), [nowMs](qint64 at) { return at >= nowMs - 60'000; }));
}

std::optional<qint64> DecisionCycle::lastCycleAtMs() const
{
    return m_recentCycles.empty() ? std::nullopt : std::optional<qint64>(m_recentCycles.back());
}

void DecisionCycle::scheduleNextCycle(InstrumentRuntime& runtime)
{
    const auto due = m_steps.instruments.nextCycleAt(runtime, m_context.clock.nowMs());
    if (!due) {
        log::engine()->warn("{}: no further session in the calendar's range", runtime.instrument.key());
        return;
    }
    if (runtime.timer)
        m_context.clock.cancel(runtime.timer);
    const QString key = runtime.instrument.key();
    runtime.timer = m_context.clock.callAt(QDateTime::fromMSecsSinceEpoch(*due, Qt::UTC), this, [this, key] { runCycle(key); });
}

void DecisionCycle::runCycle(const QString& key)
{
    InstrumentRuntime* runtime = m_steps.instruments.find(key);
    if (!runtime || !m_context.running)
        return;
    runtime->timer = 0;
    scheduleNextCycle(*runtime);
    startCycle(*runtime);
}

void DecisionCycle::onBarPublished(const QString& key)
{
    InstrumentRuntime* runtime = m_steps.instruments.find(key);
    if (!runtime || !m_context.running || !runtime->loaded)
        return; // the start-up load is still out: it answers with the new bar too
    startCycle(*runtime);
}

void DecisionCycle::startCycle(InstrumentRuntime& runtime)
{
    if (runtime.fetching) {
        // That fetch may have asked before this bar closed: ask again as soon as it answers.
        runtime.cycleMissed = true;
        return;
    }
    ++m_context.stats.cycles;
    const qint64 now = m_context.clock.nowMs();
    m_recentCycles.push_back(now);
    while (!m_recentCycles.empty() && m_recentCycles.front() < now - hourMs)
        m_recentCycles.pop_front();
    fetch(runtime);
}

void DecisionCycle::fetch(InstrumentRuntime& runtime)
{
    const QString key = runtime.instrument.key();
    BarRequest request;
    request.instrument = runtime.instrument;
    request.dueAt = m_context.clock.now();
    runtime.fetching = true;
    m_context.work.begin();
    m_steps.services.bars->fetchBars(request, [this, key](const Result<BarSeries>& result) {
        onBarsFetched(key, result);
        if (InstrumentRuntime* again = m_steps.instruments.find(key); again && again->cycleMissed && m_context.running) {
            again->cycleMissed = false;
            startCycle(*again);
        }
        m_context.work.end();
    });
}

void DecisionCycle::onBarsFetched(const QString& key, const Result<BarSeries>& result)
{
    InstrumentRuntime* runtime = m_steps.instruments.find(key);
    if (!runtime)
        return;
    runtime->fetching = false;
    runtime->loaded = true;
    if (!m_context.running)
        return;
    const ComputeTimer compute(m_context.io);
    const Bars added = takeBars(*runtime, result);
    std::optional<FreshDataToken> token;
    const FreshnessVerdict verdict = m_steps.freshness.check(*runtime, &token);
    Q_EMIT instrumentChanged(key);
    runtime->computeNs = compute.elapsedNs();
    const bool newBar = !added.isEmpty() && runtime->history.newest().openTime.toMSecsSinceEpoch() != runtime->lastSignalBarMs;
    if (newBar && (m_steps.services.strategy || m_origins)) {
        decide(*runtime, verdict, token ? &*token : nullptr);
        return;
    }
    recordCycleTime(runtime->computeNs);
}

Bars DecisionCycle::takeBars(InstrumentRuntime& runtime, const Result<BarSeries>& result)
{
    const QString key = runtime.instrument.key();
    InstrumentSnapshot& snapshot = runtime.snapshot;
    snapshot.updatedAt = m_context.clock.now();
    if (!result) {
        ++m_context.stats.apiErrors[result.error().kind];
        snapshot.lastError = result.error().toString();
        log::engine()->warn("{}: fetch failed: {}", key, snapshot.lastError);
        return {};
    }
    snapshot.lastError.clear();
    for (const QString& dropped : result->droppedRows)
        log::market()->debug("{}: dropped row: {}", key, dropped);
    const bool first = runtime.history.isEmpty();
    Bars added = runtime.history.merge(result->bars, runtime.schedule.calendar());
    if (added.isEmpty())
        return added;
    const Bar& newest = runtime.history.newest();
    snapshot.lastPrice = newest.close;
    snapshot.lastBarOpen = newest.openTime;
    snapshot.barCount = int(runtime.history.bars().size());
    Q_EMIT barsAppended(BarUpdate{key, first ? runtime.history.bars() : added, first});
    const IoSpan io(m_context.io);
    if (const Status marked = m_steps.services.platform->markPrice(key, newest.close); !marked)
        log::engine()->warn("{}: cannot mark the position: {}", key, marked.error().toString());
    return added;
}

void DecisionCycle::decide(InstrumentRuntime& runtime, const FreshnessVerdict& verdict, const FreshDataToken* token)
{
    runtime.lastSignalBarMs = runtime.history.newest().openTime.toMSecsSinceEpoch();
    const QString key = runtime.instrument.key();
    const std::optional<FreshDataToken> heldToken = token ? std::optional<FreshDataToken>(*token) : std::nullopt;
    m_steps.portfolio.withPortfolio([this, key, verdict, heldToken](const Result<PortfolioSnapshot>& portfolio) {
        InstrumentRuntime* current = m_steps.instruments.find(key);
        if (!current || !m_context.running)
            return;
        const ComputeTimer compute(m_context.io);
        const auto recordCompute = qScopeGuard([&] { recordCycleTime(current->computeNs + compute.elapsedNs()); });
        if (!portfolio) {
            m_steps.alerts.raise(Alert::Severity::Warning, alertkind::platformError, key,
                                 QStringLiteral("portfolio unavailable, no decision this bar: %1").arg(portfolio.error().toString()));
            return;
        }
        // A crossed stop answers the bar: the strategy is not asked for another exit (ADR 0140).
        if (heldToken && proposeStopExit(*current, *heldToken, verdict, *portfolio))
            return;
        if (!m_steps.services.strategy)
            return;
        // A strategy that awaits an answer calls back later; the rule strategies answer at once.
        // Work in flight until then, so a simulation does not move the clock past a model's answer.
        m_context.work.begin();
        m_steps.services.strategy->evaluateLater(
            current->instrument, current->history.bars(), portfolio->positionState(key),
            [this, key, verdict, heldToken, snapshot = *portfolio](const std::optional<Signal>& signal) {
                onSignal(key, signal, verdict, heldToken, snapshot);
                m_context.work.end();
            });
    });
}

void DecisionCycle::onSignal(const QString& key, const std::optional<Signal>& signal, const FreshnessVerdict& verdict,
                             const std::optional<FreshDataToken>& token, const PortfolioSnapshot& portfolio)
{
    const InstrumentRuntime* runtime = m_steps.instruments.find(key);
    if (!signal || !runtime || !m_context.running)
        return;
    if (signal->isExit) {
        // Stale data never traps a position: exits pass, with the verdict on record.
        const ExitClearance clearance = m_steps.freshness.exitClearance(verdict);
        decideWithPortfolio(key, *signal, verdict, clearance.reason, portfolio);
        return;
    }
    if (!token) {
        ++m_context.stats.staleBlocks;
        ++m_context.stats.staleBlocksByMarket[runtime->instrument.market];
        log::engine()->info("{}: entry signal blocked by stale data: {}", key, verdict.reason);
        return;
    }
    if (token->instrumentKey() != key)
        return; // a token proves freshness of one instrument only
    decideWithPortfolio(key, *signal, verdict, {}, portfolio);
}

bool DecisionCycle::decideWithPortfolio(const QString& key, const Signal& signal, const FreshnessVerdict& verdict,
                                        const QString& exitNote, const PortfolioSnapshot& portfolio)
{
    const InstrumentRuntime* runtime = m_steps.instruments.find(key);
    if (!runtime || m_desk.hasOpenQuestion(key))
        return false; // one open question per instrument at a time
    if (m_context.paused && !signal.isExit) {
        ++m_context.stats.pausedBlocks;
        log::engine()->info("{}: entry signal not proposed: the desk is paused", key);
        return false;
    }
    std::optional<double> quantity;
    if (signal.isExit) {
        // An exit closes what is held against its side: a sell closes a long, a buy covers a short.
        const double held = portfolio.positionState(key).quantity;
        const double closable = signal.side == Side::Sell ? held : -held;
        if (closable <= 0)
            return false;
        quantity = closable;
    } else {
        quantity = sizeEntry(*runtime, signal, portfolio);
        if (!quantity)
            return false;
    }
    const QDateTime now = m_context.clock.now();
    TradeProposal proposal = TradeProposal::create(runtime->instrument, signal.side, *quantity, signal.referencePrice, now,
                                                   now.addSecs(m_context.config.approvalTimeout.count()));
    proposal.isExit = signal.isExit;
    if (!signal.isExit)
        proposal.stopPrice = protectiveStop(signal.side, signal.referencePrice, sizedStopDistance(signal));
    // A stop's exit too: the stop is the running strategy's (its suggested distance), and the
    // reason says the stop was crossed (ADR 0140).
    if (m_steps.services.strategy)
        proposal.strategy = m_steps.services.strategy->name();
    proposal.strategyReason = signal.reason;
    proposal.advice = signal.advice;
    proposal.freshness = QStringLiteral("%1 (lag %2)").arg(freshnessName(verdict.status), lagText(verdict.lagMs));
    if (!exitNote.isEmpty())
        proposal.freshness += QStringLiteral("; ") + exitNote;
    if (!assess(proposal, portfolio, signal.confidence, verdict))
        return false;
    m_desk.decide(proposal, signal.confidence);
    return true;
}

bool DecisionCycle::proposeStopExit(const InstrumentRuntime& runtime, const FreshDataToken& token,
                                    const FreshnessVerdict& verdict, const PortfolioSnapshot& portfolio)
{
    const QString key = runtime.instrument.key();
    // An order on its way has not reached the account yet: the position it closes still shows.
    if (!m_origins || runtime.history.isEmpty() || m_desk.awaitsFill(key))
        return false;
    const PositionState position = portfolio.positionState(key);
    std::optional<PositionOrigin> origin;
    if (!position.isFlat()) {
        m_origins->refresh(m_context.stats.executions); // reads the journal only after a new fill
        origin = m_origins->of(key, position.quantity);
    }
    const std::optional<Signal> exit = m_stopWatch.check(runtime.instrument, position, origin, runtime.history.newest(), token);
    if (!exit)
        return false;
    log::engine()->info("{}: {}: proposing to close {} units", key, exit->reason, std::abs(position.quantity));
    const ExitClearance clearance = m_steps.freshness.exitClearance(verdict);
    if (!decideWithPortfolio(key, *exit, verdict, clearance.reason, portfolio))
        return false; // asked again at the next fresh bar while the stop stays crossed
    m_stopWatch.proposed(key);
    return true;
}

std::optional<double> DecisionCycle::sizeEntry(const InstrumentRuntime& runtime, const Signal& signal,
                                               const PortfolioSnapshot& portfolio)
{
    SizingRequest sizing;
    sizing.balance = portfolio.equity;
    sizing.price = signal.referencePrice;
    sizing.stopDistance = sizedStopDistance(signal);
    sizing.lotSize = lotSizeFor(runtime.instrument.assetClass());
    sizing.maxPositionFraction = m_context.config.risk.maxPositionPct;
    const SizingResult sized = PositionSizer::size(sizing);
    if (sized.tradable())
        return sized.quantity;
    ++m_context.stats.riskRejections[QStringLiteral("position_size")];
    if (sized.has(SizingReasonCode::BalanceNotPositive))
        ++m_context.stats.zeroBalanceEvents;
    QStringList reasons;
    for (const SizingReason& reason : sized.reasons)
        reasons << reason.message;
    m_steps.alerts.raise(Alert::Severity::Warning, alertkind::riskRejection, runtime.instrument.key(),
                         QStringLiteral("%1 %2: no proposal, position size is zero: %3")
                             .arg(sideName(signal.side), runtime.instrument.symbol, reasons.join(u"; ")));
    return std::nullopt;
}

bool DecisionCycle::assess(TradeProposal& proposal, const PortfolioSnapshot& portfolio, double confidence,
                           const FreshnessVerdict& verdict)
{
    const TradeContext context = m_steps.risk.tradeContext(proposal, portfolio, confidence, verdict,
                                                           m_desk.pendingExposure(), m_context.clock.nowMs());
    const RiskVerdict risk = m_steps.services.riskGate->evaluate(context);
    if (risk.varAfterTrade)
        m_context.stats.varMethod = risk.varAfterTrade->method;
    proposal.verdict.approved = risk.approved;
    proposal.verdict.reasons = reasonLines(risk);
    if (risk.approved)
        proposal.verdict.reasons << QStringLiteral("all risk checks passed");
    proposal.varBefore = m_steps.risk.portfolioVar(portfolio);
    proposal.varAfter = risk.varAfterTrade ? risk.varAfterTrade->var
                                           : m_steps.risk.portfolioVar(portfolio, proposal.instrument.key(),
                                                                       proposal.quantity * proposal.price);
    if (risk.approved)
        return true;
    for (const RiskReason& reason : risk.reasons)
        ++m_context.stats.riskRejections[riskReasonName(reason.code)];
    m_steps.alerts.raise(Alert::Severity::Warning, alertkind::riskRejection, proposal.instrument.key(),
                         QStringLiteral("%1 %2 %3 refused by the risk gate: %4")
                             .arg(sideName(proposal.side), QString::number(proposal.quantity), proposal.instrument.symbol,
                                  proposal.verdict.reasons.join(u"; ")));
    return false;
}

void DecisionCycle::watchdogTick()
{
    for (const auto& runtime : m_steps.instruments.all()) {
        if (!runtime->loaded)
            continue; // still waiting for its first answer (a queued, rate-limited request)
        if (!runtime->fetching && m_steps.instruments.canPublish(*runtime, m_context.clock.nowMs())) {
            // Ask for data as a polling engine would: the schedule-aware cache answers unless the
            // market can have published a bar, so a feed that froze is noticed here too. Never
            // while the market is closed, even with caches switched off (the rollback switch
            // must not spend the quota on a weekend).
            fetch(*runtime);
            continue; // onBarsFetched re-checks freshness
        }
        const Freshness before = runtime->snapshot.freshness;
        const qint64 lagBefore = runtime->snapshot.lagSeconds / 60;
        static_cast<void>(m_steps.freshness.check(*runtime, nullptr));
        if (runtime->snapshot.freshness != before || runtime->snapshot.lagSeconds / 60 != lagBefore)
            Q_EMIT instrumentChanged(runtime->instrument.key());
    }
}

void DecisionCycle::recordCycleTime(qint64 computeNs)
{
    m_context.stats.cycleMs.record(double(computeNs) / 1e6);
}

} // namespace sentinel
