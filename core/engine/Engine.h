// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/TtlCache.h"
#include "common/Clock.h"
#include "config/Config.h"
#include "engine/EngineOptions.h"
#include "engine/RunStatistics.h"
#include "engine/Snapshots.h"
#include "providers/MarketDataProvider.h"
#include "trading/Portfolio.h"
#include "trading/TradeProposal.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

namespace sentinel {

class ApprovalQueue;
class BarStore;
class CacheRegistry;
class CachedBarSource;
class CalendarRegistry;
class EngineMetrics;
class FreshDataToken;
class FreshnessGate;
class Journal;
class MeteredProvider;
class Outbox;
class PaperPlatform;
class RiskGate;
class SignalDispatcher;
class Strategy;
struct Alert;
struct Fill;
struct FreshnessVerdict;
struct RiskVerdict;
struct Signal;
struct TradeContext;
template <typename Value>
class PerCycleCache;

/// The core engine: a worker QObject that lives in its own thread (see EngineHost). Each
/// instrument's cycle runs when its market can have published a new bar (its calendar and
/// interval), never while the market is closed:
///   fetch through the bar cache and rate limiter → freshness gate → strategy → risk gate →
///   by mode: signal-only dispatches; approval proposes to the operator; autonomous executes.
/// An approval re-checks freshness and risk against current data before executing. Proposals,
/// decisions, executions, alerts and outgoing signals are journalled before they are acted on.
/// UI updates are immutable snapshots, coalesced to at most ten batches a second.
class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)
public:
    /// `clock` may be null: the engine then creates a SystemClock in its own thread on start().
    /// A given clock must live in the engine's thread.
    Engine(Config config, Clock* clock, QObject* parent = nullptr);
    Engine(Config config, Clock* clock, EngineOptions options, QObject* parent = nullptr);
    ~Engine() override;

    [[nodiscard]] Clock& clock() const { return *m_clock; }
    [[nodiscard]] InstrumentSnapshots snapshots() const;
    [[nodiscard]] QList<ProposalView> pendingProposals() const;
    /// True while asynchronous work (fetches, orders, deliveries) is in flight; idle() follows.
    [[nodiscard]] bool busy() const;
    /// Counters for the run summary, with module statistics copied in.
    [[nodiscard]] RunStatistics statistics() const;
    /// The port serving /metrics and /healthz; 0 when telemetry is off (EngineOptions).
    [[nodiscard]] quint16 telemetryPort() const;
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] QString journalPath() const { return m_journalPath; }

    /// Wall-time pacing of UI batches (a busy or accelerated engine cannot flood the UI).
    static constexpr std::chrono::milliseconds uiCoalescing{100};
    /// How often the watchdog re-checks freshness when nothing else happens (engine time).
    static constexpr std::chrono::seconds watchdogInterval{60};

public Q_SLOTS:
    /// Builds every service (provider, caches, journal, platform, dispatcher) in the engine's
    /// thread, restores pending proposals, and schedules every instrument's first cycle.
    /// On a problem emits startFailed() with what to fix, and stays stopped.
    void start();
    void stop();

    /// The operator's decisions. The engine re-checks freshness and risk before executing.
    void approveProposal(const QString& proposalId);
    void rejectProposal(const QString& proposalId, const QString& reason);
    void acknowledgeAlert(const QString& alertId);
    /// Sends one test message through every enabled channel (the Delivery panel's action).
    void sendTestMessage();

Q_SIGNALS:
    void snapshotsChanged(const sentinel::InstrumentSnapshots& changed);
    void barsAppended(const sentinel::BarUpdate& update);
    void chartMarkerAdded(const sentinel::ChartMarker& marker);
    void cacheReportChanged(const sentinel::CacheReport& report);
    void riskChanged(const sentinel::RiskSnapshot& risk);
    void deliveryChanged(const sentinel::DeliverySnapshot& delivery);
    /// A new proposal, or a change of state of a known one (same id).
    void proposalChanged(const sentinel::ProposalView& proposal);
    void alertRaised(const sentinel::AlertView& alert);
    void statusChanged(const sentinel::EngineStatus& status);
    /// The engine could not start; `problems` says what to fix.
    void startFailed(const QStringList& problems);
    void stopped();
    /// No asynchronous work is in flight any more (see busy()).
    void idle();

private:
    struct InstrumentRuntime;

    [[nodiscard]] QStringList buildServices();
    void restoreJournal();
    void scheduleNextCycle(InstrumentRuntime& runtime);
    void runCycle(const QString& key);
    void startCycle(InstrumentRuntime& runtime, bool scheduled);
    void fetch(InstrumentRuntime& runtime, bool scheduled);
    void onBarsFetched(const QString& key, const Result<BarSeries>& result, bool scheduled);
    void decide(InstrumentRuntime& runtime, const FreshnessVerdict& verdict, const FreshDataToken* token);
    /// Entries need the gate's token: there is no way to propose an entry without passing it.
    void proposeEntry(const FreshDataToken& token, const QString& key, const Signal& signal,
                      const FreshnessVerdict& verdict, const PortfolioSnapshot& portfolio);
    void decideWithPortfolio(const QString& key, const Signal& signal, const FreshnessVerdict& verdict,
                             const QString& exitNote, const PortfolioSnapshot& portfolio);
    void propose(const TradeProposal& proposal);
    void execute(TradeProposal proposal);
    void onFilled(const TradeProposal& proposal, const Fill& fill);
    void dispatchSignal(const TradeProposal& proposal, const QString& text);
    void onProposalExpired(const TradeProposal& proposal);
    /// Tells the UI a proposal left the queue, and why.
    void announceResolved(TradeProposal proposal, ProposalState state, const QString& resolution);
    void watchdogTick();
    /// Whether a request now could bring a new bar: the market is open, or has just closed and
    /// its last bar is within the provider's publication delay. Fetches and the "while closed"
    /// meter use this one rule.
    [[nodiscard]] bool marketCanPublish(const InstrumentRuntime& runtime, qint64 nowMs) const;
    [[nodiscard]] FreshnessVerdict checkFreshness(InstrumentRuntime& runtime, std::optional<FreshDataToken>* token);
    void trackEpisode(InstrumentRuntime& runtime, const FreshnessVerdict& verdict);
    [[nodiscard]] TradeContext tradeContext(const TradeProposal& proposal, const PortfolioSnapshot& portfolio,
                                            double signalConfidence, const FreshnessVerdict& verdict) const;
    [[nodiscard]] double portfolioVar(const PortfolioSnapshot& portfolio, const QString& extraKey, double extraValue) const;
    void withPortfolio(std::function<void(const Result<PortfolioSnapshot>&)> done);
    void raiseAlert(int severity, const QString& kind, const QString& instrumentKey, const QString& message);
    void journalFailure(const QString& what, const Error& error);
    void beginWork();
    void endWork();
    void markChanged(const QString& key);
    void publish();
    void publishRisk(const PortfolioSnapshot& portfolio);
    [[nodiscard]] CacheReport cacheReport() const;
    [[nodiscard]] double apiCallsInLastHour() const;
    [[nodiscard]] EngineStatus status() const;
    void startTelemetry();

    Config m_config;
    EngineOptions m_options;
    Clock* m_clock;
    std::unique_ptr<Clock> m_ownedClock;
    QString m_journalPath;

    std::unique_ptr<CalendarRegistry> m_calendars;
    std::unique_ptr<FreshnessGate> m_gate;
    MarketDataProvider* m_upstream = nullptr;
    MeteredProvider* m_metered = nullptr;
    CacheRegistry* m_caches = nullptr;
    std::unique_ptr<BarStore> m_barStore;
    CachedBarSource* m_bars = nullptr;
    std::unique_ptr<PerCycleCache<PortfolioSnapshot>> m_portfolio;
    std::unique_ptr<Strategy> m_strategy;
    std::unique_ptr<RiskGate> m_riskGate;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<PaperPlatform> m_platform;
    std::unique_ptr<Outbox> m_outbox;
    SignalDispatcher* m_dispatcher = nullptr;
    ApprovalQueue* m_approvals = nullptr;
    std::unique_ptr<EngineMetrics> m_metrics;
    std::optional<RiskSnapshot> m_lastRisk; ///< for the telemetry endpoint

    QHash<QString, InstrumentRuntime*> m_instruments;
    QList<InstrumentRuntime*> m_order;
    QHash<QString, TradeProposal> m_approvedAwaiting; ///< approved, order not filled yet
    QList<QString> m_dirty;
    QTimer* m_publishTimer; ///< a child, so it moves to the engine thread with us
    TimerId m_watchdogTimer = 0;
    bool m_running = false;
    bool m_started = false;
    int m_inFlight = 0;
    qint64 m_ioNs = 0; ///< time spent in journal and platform I/O, excluded from cycle compute
    std::deque<qint64> m_recentCycles;   ///< engine-clock ms of recent cycles, for the status bar
    std::deque<std::pair<qint64, qint64>> m_apiCallSamples; ///< (engine ms, provider requests so far)
    QHash<QString, double> m_signalConfidence; ///< proposal id → the signal's confidence, for the re-check
    qint64 m_tradesDay = 0;
    int m_tradesToday = 0;
    RunStatistics m_stats;
};

} // namespace sentinel
