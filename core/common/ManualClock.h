// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"

#include <map>
#include <utility>

namespace sentinel {

/// A clock that only moves when told to. advanceTo() fires every due callback in time order,
/// setting now() to each callback's instant before running it, so callbacks that schedule new
/// callbacks inside the advanced window also fire, in order. Used by tests and `sentinel run
/// --simulate`.
class ManualClock final : public Clock
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ManualClock)
public:
    explicit ManualClock(const QDateTime& start, QObject* parent = nullptr);

    [[nodiscard]] QDateTime now() const override;
    TimerId callAt(const QDateTime& when, QObject* context, Callback callback) override;
    void cancel(TimerId id) override;

    /// Moves time forward to `target`, firing due callbacks in order. Never moves backwards.
    void advanceTo(const QDateTime& target);
    void advanceBy(std::chrono::milliseconds delta);
    /// Jumps to the next pending callback and fires it (and any others due at that instant).
    /// Returns false when nothing is pending.
    bool advanceToNextTimer();

    [[nodiscard]] int pendingTimers() const { return int(m_queue.size()); }
    [[nodiscard]] std::optional<QDateTime> nextTimerAt() const;

private:
    struct Entry {
        QPointer<QObject> context;
        Callback callback;
    };
    qint64 m_nowMs;
    TimerId m_nextId = 1;
    // Keyed by (due ms, id) so equal instants fire in scheduling order.
    std::map<std::pair<qint64, TimerId>, Entry> m_queue;
};

} // namespace sentinel
