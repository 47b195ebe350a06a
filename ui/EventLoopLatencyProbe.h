// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>

class QTimer;

namespace sentinel {

/// Measures how responsive a thread's event loop is: a precise repeating timer records how late
/// each tick fires relative to the previous one. A UI thread that is blocked for 40 ms shows up
/// as one tick about 40 ms late, which is exactly what the operator would feel as a stall.
class EventLoopLatencyProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLoopLatencyProbe)
public:
    struct Report {
        int samples = 0;
        double p50Ms = 0;
        double p99Ms = 0;
        double maxMs = 0;
        int stallsOver50Ms = 0;
    };

    explicit EventLoopLatencyProbe(QObject* parent = nullptr);

    void start(int intervalMs = 5);
    void stop();
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] Report report() const;
    [[nodiscard]] int samples() const { return int(m_lateness.size()); }

private:
    void tick();

    QTimer* m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_intervalNs = 0;
    QList<double> m_lateness;
};

} // namespace sentinel
