// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "telemetry/HealthReport.h"

#include <QByteArray>
#include <QMutex>

#include <chrono>
#include <memory>

namespace sentinel {

/// The latest figures published for the telemetry endpoint: written by the thread that keeps the
/// figures (the engine's), read by the endpoint's own thread, so a scrape or a health probe never
/// waits for the engine to finish a cycle (issue 19: /healthz under 100 ms at p99 while the
/// engine runs 200 instruments). Thread-safe; an edition is immutable once published.
class TelemetryBoard final
{
public:
    using Clock = std::chrono::steady_clock;

    struct Edition {
        QByteArray metrics;  ///< the registry in the Prometheus text format
        HealthReport health; ///< the checks as they stood when published
        Clock::time_point publishedAt;
    };

    /// Replaces the current edition.
    void publish(QByteArray metrics, HealthReport health);
    /// The current edition; null before the first publish().
    [[nodiscard]] std::shared_ptr<const Edition> latest() const;

private:
    mutable QMutex m_mutex;
    std::shared_ptr<const Edition> m_latest;
};

} // namespace sentinel
