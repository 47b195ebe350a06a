// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "config/Config.h"
#include "engine/RunStatistics.h"
#include "engine/Snapshots.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace sentinel {

class MarketDataProvider;

/// The core engine: a worker QObject that lives in its own thread (see EngineHost). It runs each
/// instrument's cycle when that instrument's next bar is due and publishes immutable snapshots.
/// UI updates are coalesced so a busy engine cannot flood the UI thread.
class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)
public:
    /// `clock` may be null: the engine then creates a SystemClock in its own thread on start().
    /// A given clock must live in the engine's thread.
    Engine(Config config, Clock* clock, QObject* parent = nullptr);
    ~Engine() override;

    [[nodiscard]] Clock& clock() const { return *m_clock; }
    [[nodiscard]] InstrumentSnapshots snapshots() const;
    /// True while asynchronous work (fetches, deliveries) is in flight; idle() follows when it ends.
    [[nodiscard]] bool busy() const { return m_inFlight > 0; }
    /// Counters for the run summary, with module statistics copied in.
    [[nodiscard]] RunStatistics statistics() const;

    /// Minimum time between two snapshot batches sent to the UI.
    static constexpr std::chrono::milliseconds uiCoalescing{100};

public Q_SLOTS:
    /// Creates the provider (and with it any network manager) in the engine's thread and schedules
    /// every instrument's first cycle.
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
    void stopped();
    /// No asynchronous work is in flight any more (see busy()).
    void idle();

private:
    void scheduleNextCycle(const Instrument& instrument);
    void runCycle(const Instrument& instrument);
    void markChanged(const QString& key);
    void publish();
    [[nodiscard]] EngineStatus status() const;

    Config m_config;
    Clock* m_clock;
    std::unique_ptr<Clock> m_ownedClock;
    MarketDataProvider* m_provider = nullptr;
    QHash<QString, InstrumentSnapshot> m_snapshots;
    QList<QString> m_dirty;
    QHash<QString, TimerId> m_cycleTimers;
    bool m_publishScheduled = false;
    bool m_running = false;
    int m_inFlight = 0;
    RunStatistics m_stats;
};

} // namespace sentinel
