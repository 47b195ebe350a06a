// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "config/Config.h"
#include "engine/EngineInterface.h"
#include "engine/EngineOptions.h"
#include "engine/RunStatistics.h"
#include "notify/DeliveryStats.h"

#include <QTimer>

#include <chrono>
#include <deque>
#include <memory>
#include <optional>

namespace sentinel {

class AlertSink;
class DecisionCycle;
class DeskControls;
class TelegramDesk;
class EngineMetrics;
class EngineServices;
class FreshnessMonitor;
class HistoryDesk;
class InstrumentBook;
class PortfolioRisk;
class PortfolioSource;
class PositionOrigins;
class TradeDesk;
class RealisedToday;
class RetentionSweep;
struct EngineContext;
struct PortfolioSnapshot;

/// The core engine's thread-facing façade: a worker QObject that lives in its own thread (see
/// EngineHost). It builds the services (EngineServices) in that thread, owns the timers — each
/// instrument's bar schedule runs in DecisionCycle, the watchdog and the UI's coalescing here —
/// and publishes immutable snapshots to the UI, at most ten batches a second. What happens to a
/// proposal is TradeDesk's job; the risk figures are PortfolioRisk's.
class Engine final : public EngineInterface
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
    [[nodiscard]] const Config& config() const { return m_config; }
    [[nodiscard]] InstrumentSnapshots snapshots() const;
    [[nodiscard]] QList<ProposalView> pendingProposals() const;
    /// True while asynchronous work (fetches, orders, deliveries) is in flight; idle() follows.
    /// Work that only waits for this engine's clock (rate limits, Telegram pacing) is not in flight.
    [[nodiscard]] bool busy() const;
    /// Counters for the run summary, with module statistics copied in.
    [[nodiscard]] RunStatistics statistics() const;
    /// The port serving /metrics and /healthz; 0 when telemetry is off (EngineOptions).
    [[nodiscard]] quint16 telemetryPort() const;
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] QString journalPath() const;
    /// The operator's controls (ADR 0132); null before start(). The local control channel and
    /// tests use them with an origin of their own; the UI's slots use the desktop's.
    [[nodiscard]] DeskControls* controls() const { return m_controls.get(); }

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

    void approveProposal(const QString& proposalId) override;
    void rejectProposal(const QString& proposalId, const QString& reason) override;
    void acknowledgeAlert(const QString& alertId) override;
    void sendTestMessage() override;
    void pauseTrading() override;
    void resumeTrading() override;
    void flattenAll() override;
    void activateKillSwitch() override;
    void closePosition(const QString& instrumentKey) override;
    void requestHistoryPage(const sentinel::HistoryQuery& query) override;
    void requestHistoryDetail(const QString& proposalId) override;
    void exportHistory(const sentinel::HistoryExportRequest& request) override;
    void requestPerformance(const sentinel::PerformanceQuery& query) override;
    void savePerformance(const sentinel::PerformanceSaveRequest& request) override;

Q_SIGNALS:
    /// No asynchronous work is in flight any more (see busy()).
    void idle();

private:
    [[nodiscard]] QStringList build();
    void wireToUi();
    /// Signal-only mode is useless if Telegram cannot be reached: checks it now, stops if not.
    void verifySignalOnlyChannel();
    void onWorkSettled();
    void watchdogTick();
    void markChanged(const QString& key);
    /// `snapshot` with the feed that serves its instrument and that feed's stream state.
    [[nodiscard]] InstrumentSnapshot withFeed(InstrumentSnapshot snapshot) const;
    void publish();
    void refreshRisk();
    void publishRisk(const PortfolioSnapshot& portfolio);
    void publishDelivery();
    /// Builds the Telegram desk when operators may act from Telegram.
    void buildTelegramDesk();
    [[nodiscard]] CacheReport cacheReport() const;
    [[nodiscard]] double apiCallsInLastHour() const;
    [[nodiscard]] EngineStatus status() const;
    void startTelemetry();

    Config m_config;
    EngineOptions m_options;
    Clock* m_clock;
    std::unique_ptr<Clock> m_ownedClock;

    // Built in start(), in the engine's thread; declared so that users are destroyed first.
    std::unique_ptr<EngineContext> m_context;
    std::unique_ptr<AlertSink> m_alerts;
    std::unique_ptr<InstrumentBook> m_instruments;
    std::unique_ptr<EngineServices> m_services;
    std::unique_ptr<FreshnessMonitor> m_freshness;
    std::unique_ptr<PortfolioSource> m_portfolio;
    std::unique_ptr<PortfolioRisk> m_risk;
    std::unique_ptr<TradeDesk> m_desk;
    std::unique_ptr<DeskControls> m_controls;
    std::unique_ptr<TelegramDesk> m_telegramDesk; ///< null unless telegram.operators may act
    std::unique_ptr<DecisionCycle> m_cycle;
    std::unique_ptr<EngineMetrics> m_metrics;
    std::unique_ptr<RetentionSweep> m_retention;
    std::unique_ptr<RealisedToday> m_realisedToday;
    std::unique_ptr<PositionOrigins> m_origins; ///< positions' ages and stops (ADR 0140); the cycle watches them
    std::unique_ptr<HistoryDesk> m_history;

    std::optional<RiskSnapshot> m_lastRisk; ///< for the telemetry endpoint
    std::optional<DeliveryStats> m_lastDeliveryStats; ///< as the dispatcher last reported them
    QDateTime m_startedAt;                  ///< engine clock
    QList<QString> m_dirty;
    QTimer* m_publishTimer; ///< a child, so it moves to the engine thread with us
    TimerId m_watchdogTimer = 0;
    bool m_started = false;
    bool m_holdsPositions = false; ///< the account last published held something: its marks move with each close
    std::deque<std::pair<qint64, qint64>> m_apiCallSamples; ///< (engine ms, provider requests so far)
};

} // namespace sentinel
