// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"

#include <chrono>
#include <functional>

class QObject;

namespace sentinel {

/// The timing every broker stream keeps (OANDA's pricing stream, ADR 0120; Coinbase's market-data
/// WebSocket, ADR 0124): a connection that has not been heard from for `silenceLimit` is lost, and
/// a lost connection is tried again after a back-off that doubles from 1 s to 60 s and starts
/// again at 1 s once a connection goes live. One timer watches the silence, re-armed only when it
/// fires, so hearing something costs no timer work. Time is the Clock's, so a ManualClock test
/// stalls and resumes a stream without sleeping.
class StreamWatchdog
{
public:
    static constexpr std::chrono::seconds silenceLimit{10};
    static constexpr std::chrono::seconds firstBackoff{1};
    static constexpr std::chrono::seconds longestBackoff{60};

    /// `context` owns the timers' callbacks (they die with it); `onSilent` runs when nothing was
    /// heard for `silenceLimit`, `reconnect` when a scheduled retry is due.
    StreamWatchdog(Clock& clock, QObject* context, std::function<void()> onSilent, std::function<void()> reconnect);
    ~StreamWatchdog();
    StreamWatchdog(const StreamWatchdog&) = delete;
    StreamWatchdog& operator=(const StreamWatchdog&) = delete;
    StreamWatchdog(StreamWatchdog&&) = delete;
    StreamWatchdog& operator=(StreamWatchdog&&) = delete;

    /// The connection was heard from now (or was just opened: one that never says anything is
    /// silent too); silence is measured from the latest of these.
    void heard();
    [[nodiscard]] qint64 lastHeardMs() const { return m_lastHeardMs; }
    /// A connection went live: the next retry waits `firstBackoff` again.
    void resetBackoff() { m_backoff = firstBackoff; }
    /// The connection was lost: stops watching the silence and schedules `reconnect` after the
    /// back-off, which then doubles. Returns when (Clock ms).
    qint64 scheduleReconnect();
    /// The wait scheduleReconnect would use now.
    [[nodiscard]] std::chrono::seconds backoff() const { return m_backoff; }
    /// Cancels both timers.
    void stop();

private:
    void checkSilence();

    Clock& m_clock;
    QObject* m_context;
    std::function<void()> m_onSilent;
    std::function<void()> m_reconnect;
    qint64 m_lastHeardMs = 0;
    TimerId m_silenceTimer = 0;
    TimerId m_retryTimer = 0;
    std::chrono::seconds m_backoff = firstBackoff;
};

} // namespace sentinel
