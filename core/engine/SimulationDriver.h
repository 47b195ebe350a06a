// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/ManualClock.h"

#include <QObject>

#include <functional>

namespace sentinel {

/// Runs simulated time as fast as the machine allows: whenever the engine has no asynchronous work
/// in flight, it jumps the ManualClock to the next scheduled callback; it never advances past `end`.
/// Each step is posted to the event loop, so network replies, queued signals and timers run between
/// steps without a nested event loop.
class SimulationDriver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimulationDriver)
public:
    /// `isBusy` says whether asynchronous work (fetches, deliveries) is still in flight; the driver
    /// waits for `idle` notifications (call notifyIdle()) before moving time again.
    SimulationDriver(ManualClock& clock, QDateTime end, std::function<bool()> isBusy, QObject* parent = nullptr);

    void start();
    /// Call when in-flight work completes, so a waiting driver resumes.
    void notifyIdle();
    /// Moves time no further and never emits finished() (the operator cancelled the run).
    void cancel();
    [[nodiscard]] qint64 steps() const { return m_steps; }

Q_SIGNALS:
    void finished();

private:
    void scheduleStep();
    void step();

    ManualClock& m_clock;
    QDateTime m_end;
    std::function<bool()> m_isBusy;
    bool m_stepPosted = false;
    bool m_finished = false;
    qint64 m_steps = 0;
};

} // namespace sentinel
