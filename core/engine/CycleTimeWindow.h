// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <array>
#include <cstddef>

namespace sentinel {

/// Compute times of the engine's cycles in a fixed amount of memory: the most recent `capacity`
/// samples for the run summary's percentiles and the telemetry histogram, plus all-time count and
/// maximum. A run of months records millions of cycles; keeping them all grew without bound.
class CycleTimeWindow final
{
public:
    static constexpr std::size_t capacity = 4096;

    struct Summary {
        double p50 = 0; ///< nearest rank over the window
        double p99 = 0; ///< nearest rank over the window
        double max = 0; ///< over the whole run
    };

    void record(double ms);

    /// Every sample recorded since the start, including those that have left the window.
    [[nodiscard]] qint64 recorded() const { return m_recorded; }
    /// Samples still held (at most `capacity`).
    [[nodiscard]] std::size_t size() const { return std::size_t(std::min<qint64>(m_recorded, qint64(capacity))); }
    /// The sample with sequence number `sequence` (0 = the first ever recorded); it must be held,
    /// i.e. firstHeld() <= sequence < recorded().
    [[nodiscard]] double at(qint64 sequence) const;
    [[nodiscard]] qint64 firstHeld() const { return m_recorded - qint64(size()); }

    /// p50 and p99 of the held samples and the all-time maximum; zeros before the first sample.
    [[nodiscard]] Summary summary() const;

private:
    std::array<double, capacity> m_samples{};
    qint64 m_recorded = 0;
    double m_max = 0;
};

} // namespace sentinel
