// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace sentinel {

/// Delivery figures of one remote channel, for the UI's delivery panel and `run` summary.
struct ChannelStats {
    QString name;
    bool available = true;    ///< false after a configuration error (bad token, chat gone, ...)
    int delivered = 0;        ///< signals this channel confirmed
    int failed = 0;           ///< attempts that ended in an error (any kind)
    int retrying = 0;         ///< queued signals that already failed here and will be retried here
    int queueDepth = 0;       ///< queued signals this channel may still deliver
    QDateTime retryAt;        ///< set while the channel is backing off or rate limited
    QString lastError;
    QString lastRemedy;
    qint64 latencyP50Ms = -1; ///< enqueue to confirmation; -1 until something was delivered
    qint64 latencyP95Ms = -1;

    /// delivered / (delivered + failed); -1 when nothing was attempted.
    [[nodiscard]] double successRate() const
    {
        const int attempts = delivered + failed;
        return attempts == 0 ? -1.0 : double(delivered) / attempts;
    }
};

/// Snapshot of signal delivery. An immutable value: it crosses from the engine thread to the UI.
struct DeliveryStats {
    enum class LiveCheck { NotRun, Skipped, Passed, Failed };

    QList<ChannelStats> channels; ///< remote channels, in the order they are tried
    int queued = 0;               ///< signals not yet delivered (queued or sending)
    int delivered = 0;
    int failed = 0;               ///< permanently undeliverable
    int expired = 0;
    /// True while some signal has failed on every channel and is still waiting: signals must
    /// not be presented as delivered.
    bool allChannelsFailing = false;
    QString lastAlert;
    LiveCheck liveCheck = LiveCheck::NotRun; ///< Skipped: started with --offline
    QDateTime at;
};

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::ChannelStats)
Q_DECLARE_METATYPE(sentinel::DeliveryStats)
