// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>

namespace sentinel {

/// Identifies a callback scheduled on a Clock so it can be cancelled.
using TimerId = quint64;

/// The only source of time in core. Production uses SystemClock; tests and simulations use
/// ManualClock, so a week of market time runs in milliseconds and no test sleeps.
/// A Clock lives in one thread; callbacks run in that thread.
class Clock : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void()>;

    explicit Clock(QObject* parent = nullptr) : QObject(parent) {}

    /// Current instant, always in UTC.
    [[nodiscard]] virtual QDateTime now() const = 0;
    [[nodiscard]] qint64 nowMs() const { return now().toMSecsSinceEpoch(); }

    /// Runs `callback` once at `when` (or as soon as possible if it is already past), unless
    /// `context` has been destroyed or the timer was cancelled.
    virtual TimerId callAt(const QDateTime& when, QObject* context, Callback callback) = 0;
    TimerId callAfter(std::chrono::milliseconds delay, QObject* context, Callback callback)
    {
        return callAt(now().addMSecs(delay.count()), context, std::move(callback));
    }
    virtual void cancel(TimerId id) = 0;
};

} // namespace sentinel
