// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ManualClock.h"

#include <algorithm>

namespace sentinel {

ManualClock::ManualClock(const QDateTime& start, QObject* parent)
    : Clock(parent), m_nowMs(start.toMSecsSinceEpoch())
{
}

QDateTime ManualClock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(m_nowMs, Qt::UTC);
}

TimerId ManualClock::callAt(const QDateTime& when, QObject* context, Callback callback)
{
    const TimerId id = m_nextId++;
    const qint64 due = std::max(m_nowMs, when.toMSecsSinceEpoch());
    m_queue.emplace(std::make_pair(due, id), Entry{QPointer<QObject>(context), std::move(callback)});
    return id;
}

void ManualClock::cancel(TimerId id)
{
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        if (it->first.second == id) {
            m_queue.erase(it);
            return;
        }
    }
}

void ManualClock::advanceTo(const QDateTime& target)
{
    const qint64 targetMs = target.toMSecsSinceEpoch();
    while (!m_queue.empty() && m_queue.begin()->first.first <= targetMs) {
        auto node = m_queue.extract(m_queue.begin());
        m_nowMs = std::max(m_nowMs, node.key().first);
        if (node.mapped().context)
            node.mapped().callback();
    }
    m_nowMs = std::max(m_nowMs, targetMs);
}

void ManualClock::advanceBy(std::chrono::milliseconds delta)
{
    advanceTo(now().addMSecs(delta.count()));
}

bool ManualClock::advanceToNextTimer()
{
    if (m_queue.empty())
        return false;
    advanceTo(QDateTime::fromMSecsSinceEpoch(m_queue.begin()->first.first, Qt::UTC));
    return true;
}

std::optional<QDateTime> ManualClock::nextTimerAt() const
{
    if (m_queue.empty())
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(m_queue.begin()->first.first, Qt::UTC);
}

} // namespace sentinel
