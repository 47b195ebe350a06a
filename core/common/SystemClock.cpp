// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/SystemClock.h"

#include <QTimer>

#include <algorithm>

namespace sentinel {

SystemClock::SystemClock(QObject* parent) : Clock(parent) {}

SystemClock::~SystemClock()
{
    qDeleteAll(m_timers);
}

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

TimerId SystemClock::callAt(const QDateTime& when, QObject* context, Callback callback)
{
    const TimerId id = m_nextId++;
    auto* timer = new QTimer;
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    const qint64 delay = std::max<qint64>(0, now().msecsTo(when));
    QPointer<QObject> guard(context);
    connect(timer, &QTimer::timeout, this, [this, id, guard, callback = std::move(callback)] {
        if (QTimer* t = m_timers.take(id))
            t->deleteLater();
        if (guard)
            callback();
    });
    m_timers.insert(id, timer);
    timer->start(std::chrono::milliseconds(delay));
    return id;
}

void SystemClock::cancel(TimerId id)
{
    // Deleted now, not later: a clock whose thread ends right after (a check on its own thread)
    // would never run the deferred delete, and the timer would leak. Safe, because a firing
    // timer has left m_timers before its callback runs, so no timer is deleted in its own slot.
    delete m_timers.take(id);
}

} // namespace sentinel
