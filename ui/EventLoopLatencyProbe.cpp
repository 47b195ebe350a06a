// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EventLoopLatencyProbe.h"

#include <QTimer>

#include <algorithm>
#include <cmath>

namespace sentinel {

namespace {
double percentile(QList<double> sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    // Nearest rank: the smallest sample with at least p of all samples at or below it.
    const auto rank = qsizetype(std::ceil(p * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}
} // namespace

EventLoopLatencyProbe::EventLoopLatencyProbe(QObject* parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &EventLoopLatencyProbe::tick);
}

void EventLoopLatencyProbe::start(int intervalMs)
{
    m_lateness.clear();
    m_intervalNs = qint64(intervalMs) * 1000000;
    m_clock.start();
    m_lastNs = 0;
    m_timer->start(intervalMs);
}

void EventLoopLatencyProbe::stop()
{
    m_timer->stop();
}

bool EventLoopLatencyProbe::isRunning() const
{
    return m_timer->isActive();
}

void EventLoopLatencyProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 late = now - m_lastNs - m_intervalNs;
    m_lastNs = now;
    m_lateness.append(std::max<qint64>(late, 0) / 1e6);
}

EventLoopLatencyProbe::Report EventLoopLatencyProbe::report() const
{
    Report report;
    report.samples = int(m_lateness.size());
    if (m_lateness.isEmpty())
        return report;
    QList<double> sorted = m_lateness;
    std::sort(sorted.begin(), sorted.end());
    report.p50Ms = percentile(sorted, 0.50);
    report.p99Ms = percentile(sorted, 0.99);
    report.maxMs = sorted.constLast();
    report.stallsOver50Ms = int(std::count_if(sorted.cbegin(), sorted.cend(), [](double ms) { return ms > 50.0; }));
    return report;
}

} // namespace sentinel
