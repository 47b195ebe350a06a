// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "engine/EngineSteps.h"
#include "engine/Snapshots.h"
#include "engine/StopWatch.h"
#include "providers/MarketDataProvider.h"
#include "trading/Portfolio.h"

#include <QObject>

#include <deque>
#include <optional>

namespace sentinel {

class FreshDataToken;
class PositionOrigins;
class TradeDesk;
struct EngineContext;
struct TradeProposal;
struct FreshnessVerdict;
struct InstrumentRuntime;
struct Signal;

/// The per-instrument decision cycle, run when the instrument's market can have published a new
/// bar (never while it is closed):
///   fetch through the bar cache → freshness gate → protective stop or strategy → sizing and risk
///   gate → proposal,
/// handed to the TradeDesk, which acts on it by mode. A position whose stop a fresh close crossed
/// is proposed for exit before the strategy is asked (ADR 0140). The strategy may answer later (an advisor
/// awaits a model); the engine thread never waits for it. Entries need the gate's token; exits
/// pass stale data with the verdict on record. Runs without a thread on a ManualClock in tests.
class DecisionCycle final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DecisionCycle)
public:
    /// Hands every proposal that passed the gates to `desk`.
    DecisionCycle(EngineContext& context, EngineSteps steps, TradeDesk& desk, QObject* parent = nullptr);

    /// Loads every instrument's history, then runs each on its bar schedule.
    void start();
    /// Cancels every scheduled cycle; answers still on their way are ignored.
    void stop();
    /// Watches the protective stops `origins` knows at every fresh bar (ADR 0140); off until set.
    /// `origins` must outlive the cycle.
    void watchStops(PositionOrigins& origins) { m_origins = &origins; }
    /// Re-checks every instrument between bars: polls where the market can have published
    /// (so a frozen feed is noticed) and refreshes the freshness shown elsewhere.
    void watchdogTick();

    /// Cycles started in the last minute (the status bar's rate).
    [[nodiscard]] int cyclesInLastMinute(qint64 nowMs) const;
    [[nodiscard]] std::optional<qint64> lastCycleAtMs() const;

Q_SIGNALS:
    void barsAppended(const sentinel::BarUpdate& update);
    /// An instrument's watchlist row changed (new bars, freshness, an error).
    void instrumentChanged(const QString& key);

private:
    void scheduleNextCycle(InstrumentRuntime& runtime);
    void runCycle(const QString& key);
    /// A streaming feed closed a bar: the cycle runs now rather than at the next poll.
    void onBarPublished(const QString& key);
    void startCycle(InstrumentRuntime& runtime);
    void fetch(InstrumentRuntime& runtime);
    void onBarsFetched(const QString& key, const Result<BarSeries>& result);
    /// Takes the new bars into the history; returns those that were new.
    Bars takeBars(InstrumentRuntime& runtime, const Result<BarSeries>& result);
    void decide(InstrumentRuntime& runtime, const FreshnessVerdict& verdict, const FreshDataToken* token);
    void onSignal(const QString& key, const std::optional<Signal>& signal, const FreshnessVerdict& verdict,
                  const std::optional<FreshDataToken>& token, const PortfolioSnapshot& portfolio);
    /// True when the signal became a proposal the desk acted on.
    bool decideWithPortfolio(const QString& key, const Signal& signal, const FreshnessVerdict& verdict,
                             const QString& exitNote, const PortfolioSnapshot& portfolio);
    /// Proposes the exit of a position whose stop the fresh newest close crossed; true when the
    /// desk took it (the bar is answered).
    bool proposeStopExit(const InstrumentRuntime& runtime, const FreshDataToken& token, const FreshnessVerdict& verdict,
                         const PortfolioSnapshot& portfolio);
    /// Units to trade for an entry, rounded to the lot; nullopt (with an alert) when zero.
    [[nodiscard]] std::optional<double> sizeEntry(const InstrumentRuntime& runtime, const Signal& signal,
                                                  const PortfolioSnapshot& portfolio);
    /// Runs the risk gate over a new proposal and records its verdict and VaR on it.
    [[nodiscard]] bool assess(TradeProposal& proposal, const PortfolioSnapshot& portfolio, double confidence,
                              const FreshnessVerdict& verdict);
    void recordCycleTime(qint64 computeNs);

    EngineContext& m_context;
    EngineSteps m_steps;
    TradeDesk& m_desk;
    std::deque<qint64> m_recentCycles; ///< engine-clock ms of the cycles of the last hour
    PositionOrigins* m_origins = nullptr; ///< not owned; null: stops are not watched
    StopWatch m_stopWatch;
};

} // namespace sentinel
