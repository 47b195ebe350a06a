// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/RunStatistics.h"
#include "engine/Snapshots.h"
#include "notify/DeliveryStats.h"
#include "telemetry/MetricsRegistry.h"
#include "telemetry/MetricsServer.h"
#include "telemetry/TelemetryBoard.h"

#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace sentinel {

namespace advisor {
class ProviderPool;
}

/// What the engine exports on `telemetry.listen` (ADR 0081, docs/metrics.md): the counts the
/// engine keeps anyway, mirrored into the metric families and published with the checks behind
/// `/healthz` once a second (never on the decision path: a timer between cycles). Lives in the
/// engine thread with its registry; the server it owns answers from its own thread out of the
/// published edition (ADR 0110), so a busy engine does not slow a probe.
class EngineMetrics final
{
public:
    /// The engine's state at one instant, as the engine already keeps it.
    struct Inputs {
        bool running = false;
        RunStatistics statistics;
        QString provider;
        QString platform;             ///< the trading platform the account is read from
        InstrumentSnapshots instruments;
        CacheReport caches;
        std::optional<RiskSnapshot> risk;
        QList<ChannelStats> channels; ///< remote channels; empty when none is enabled
        QDateTime lastCycleAt;        ///< engine clock; invalid before the first cycle
        QDateTime now;                ///< engine clock at the scrape (the delivery window's end)
        /// The advisor's model servers; null unless strategy.name is llm_advisor. Read in the
        /// engine thread, as update() runs.
        const advisor::ProviderPool* advisorPool = nullptr;
    };
    using InputSource = std::function<Inputs()>;

    EngineMetrics();
    ~EngineMetrics();
    EngineMetrics(const EngineMetrics&) = delete;
    EngineMetrics& operator=(const EngineMetrics&) = delete;

    /// How often the figures are published while serving.
    static constexpr std::chrono::milliseconds kPublishInterval{1000};

    /// Serves `/metrics` and `/healthz` on `listenText` (empty: off, and succeeds) to whom `access`
    /// allows. `source` is asked for the engine's state once before listening, so the first
    /// scrape has every family (ADR 0105), then every `interval`.
    Status serve(const QString& listenText, const TelemetryAccess& access, InputSource source,
                 std::chrono::milliseconds interval = kPublishInterval);
    /// The bound port; 0 while not serving.
    [[nodiscard]] quint16 port() const;

    /// Brings every family up to date with `inputs`. Each family has a sample from the first
    /// update on: counters start at zero under the label sets the configuration names
    /// (providers' endpoints and error kinds, caches, markets, checks, alert kinds, channels).
    void update(const Inputs& inputs);
    [[nodiscard]] const MetricsRegistry& registry() const { return m_registry; }
    /// Healthy while the engine runs, no watched instrument is stale and every enabled channel
    /// can deliver.
    [[nodiscard]] static HealthReport health(const Inputs& inputs);

private:
    /// update() from the source, then the registry's text and the health report onto the board.
    void publish();
    void updateCycles(const Inputs& inputs);
    void updateMarketData(const Inputs& inputs);
    void updateDecisions(const RunStatistics& stats);
    void updateDelivery(const Inputs& inputs);
    void updateRisk(const Inputs& inputs);
    void updateAdvisor(const advisor::ProviderPool& pool);
    /// delivered / (delivered + failed) per channel over the last metric::deliveryWindowSeconds.
    double deliverySuccess(const ChannelStats& channel, qint64 nowMs);

    struct DeliverySample {
        qint64 atMs = 0;
        int delivered = 0;
        int failed = 0;
    };

    MetricsRegistry m_registry;
    qint64 m_cyclesObserved = 0; ///< sequence number of the next cycle time the histogram takes
    std::map<QString, qint64> m_adviceObserved; ///< per model server: the next advice latency to observe
    std::map<QString, std::deque<DeliverySample>> m_deliveryHistory; ///< channel → samples, oldest first
    InputSource m_source;
    std::shared_ptr<TelemetryBoard> m_board;
    std::unique_ptr<QTimer> m_publishTimer;
    std::unique_ptr<MetricsServer> m_server;
};

} // namespace sentinel
