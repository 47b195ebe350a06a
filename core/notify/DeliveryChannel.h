// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "notify/SignalMessage.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>

namespace sentinel {

/// What one delivery attempt through one channel needs.
struct DeliveryAttempt {
    SignalMessage signal;
    int partsDone = 0; ///< Telegram parts already confirmed by an earlier attempt (not resent)
};

/// How one delivery attempt through one channel ended.
struct DeliveryOutcome {
    enum class Status {
        Delivered,          ///< the channel confirmed it
        RetryLater,         ///< transient: 5xx, network, 429; try again at retryAt (or after back-off)
        ChannelUnavailable, ///< the channel cannot deliver anything until its configuration is fixed
        Rejected,           ///< the channel refuses this message for good (never retried there)
    };
    Status status = Status::RetryLater;
    Error error;          ///< empty for Delivered
    QString configKey;    ///< for ChannelUnavailable: the key to fix, e.g. "telegram.bot_token"
    QDateTime retryAt;    ///< for RetryLater: when the service allows the next request; invalid: back off
    int partsDone = 0;
    qint64 chatId = 0;    ///< for Delivered through Telegram: where the last part went
    qint64 messageId = 0; ///< and its message id (the one that carries the buttons)

    static DeliveryOutcome delivered(int parts = 1) { return {Status::Delivered, {}, {}, {}, parts, 0, 0}; }
};

[[nodiscard]] QString deliveryStatusName(DeliveryOutcome::Status status);

/// A way to reach the operator. The dispatcher hands it one attempt at a time and is told the
/// outcome through `done`; `partDelivered` reports progress inside a multi-part message so it
/// can be committed before the next part is sent.
class DeliveryChannel : public QObject
{
    Q_OBJECT
public:
    using PartCallback = std::function<void(int partsDone)>;
    using DoneCallback = std::function<void(const DeliveryOutcome&)>;

    using QObject::QObject;

    [[nodiscard]] virtual QString name() const = 0;
    /// Remote channels (Telegram, webhook) confirm delivery and form the fallback chain;
    /// local ones (desktop, log) only mirror a signal and never count as its delivery.
    [[nodiscard]] virtual bool isRemote() const { return true; }
    virtual void deliver(const DeliveryAttempt& attempt, PartCallback partDelivered, DoneCallback done) = 0;
    /// True while the attempt in hand waits for the Clock (a pacing slot), not for the network.
    /// Nothing will happen until the clock moves, so a simulation must move it (ADR 0106).
    [[nodiscard]] virtual bool isWaitingForClock() const { return false; }

Q_SIGNALS:
    /// The attempt in hand started to wait for the Clock (see isWaitingForClock()).
    void waitingForClock();
    /// Emitted synchronously when a request leaves (tests count attempts with it).
    void requestStarted(const QString& what);
};

} // namespace sentinel
