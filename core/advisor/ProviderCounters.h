// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QtGlobal>

#include <array>
#include <chrono>
#include <cstddef>

namespace sentinel::advisor {

/// What one model server has done, for the advisor's metrics (issue 15): advice requests, their
/// failures by error kind, and the latencies of the recent ones in fixed memory (a sequence
/// number per sample, so a reader can take the ones it has not seen, as the engine's cycle
/// times are read).
class ProviderCounters final
{
public:
    static constexpr std::size_t latencyCapacity = 1024;

    void recordAdvice(std::chrono::microseconds latency);
    void recordFailure(const QString& kind);

    [[nodiscard]] qint64 adviceRequests() const { return m_adviceRequests; }
    [[nodiscard]] const QMap<QString, qint64>& failures() const { return m_failures; }
    /// Latencies recorded since the start, including those no longer held.
    [[nodiscard]] qint64 latenciesRecorded() const { return m_recorded; }
    [[nodiscard]] qint64 firstLatencyHeld() const;
    /// The latency with sequence number `sequence`, in seconds; firstLatencyHeld() <= sequence < latenciesRecorded().
    [[nodiscard]] double latencySeconds(qint64 sequence) const;

private:
    qint64 m_adviceRequests = 0;
    QMap<QString, qint64> m_failures;
    std::array<double, latencyCapacity> m_latencies{};
    qint64 m_recorded = 0;
};

} // namespace sentinel::advisor
