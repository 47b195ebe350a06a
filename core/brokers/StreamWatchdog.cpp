// SPDX-License-Identifier: GPL-3.0-or-later
#include "brokers/StreamWatchdog.h"

#include <QDateTime>

#include <algorithm>

namespace sentinel {

StreamWatchdog::StreamWatchdog(Clock& clock, QObject* context, std::function<void()> onSilent, std::function<void()> reconnect)
    : m_clock(clock), m_context(context), m_onSilent(std::move(onSilent)), m_reconnect(std::move(reconnect))
{
}

StreamWatchdog::~StreamWatchdog()
{
    stop();
}

void StreamWatchdog::heard()
{
    m_lastHeardMs = m_clock.nowMs();
    if (m_silenceTimer == 0)
        m_silenceTimer = m_clock.callAfter(silenceLimit, m_context, [this] { checkSilence(); });
}

void StreamWatchdog::checkSilence()
{
    m_silenceTimer = 0;
    const qint64 silentFromMs = m_lastHeardMs + std::chrono::milliseconds(silenceLimit).count();
    if (m_clock.nowMs() < silentFromMs) {
        m_silenceTimer = m_clock.callAt(QDateTime::fromMSecsSinceEpoch(silentFromMs, Qt::UTC), m_context, [this] { checkSilence(); });
        return;
    }
    m_onSilent();
}

qint64 StreamWatchdog::scheduleReconnect()
{
    stop();
    const qint64 retryAtMs = m_clock.nowMs() + std::chrono::milliseconds(m_backoff).count();
    m_backoff = std::min(m_backoff * 2, longestBackoff);
    m_retryTimer = m_clock.callAt(QDateTime::fromMSecsSinceEpoch(retryAtMs, Qt::UTC), m_context, [this] {
        m_retryTimer = 0;
        m_reconnect();
    });
    return retryAtMs;
}

void StreamWatchdog::stop()
{
    m_clock.cancel(m_silenceTimer);
    m_clock.cancel(m_retryTimer);
    m_silenceTimer = m_retryTimer = 0;
}

} // namespace sentinel
