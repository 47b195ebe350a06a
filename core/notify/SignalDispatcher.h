// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Error.h"
#include "notify/DeliveryChannel.h"
#include "notify/DeliveryStats.h"
#include "notify/Outbox.h"
#include "notify/RetryPolicy.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include <deque>
#include <optional>

namespace sentinel {

/// Delivers signals from the persistent outbox through the remote channels in the order they
/// were added (Telegram first, then webhook): the first channel that confirms delivers the
/// signal; a channel that fails hands the signal to the next one and backs off (its 429
/// retry_after, or exponential back-off with jitter). Local channels (desktop, log) mirror each
/// new signal and never count as delivery. When every channel has failed for a signal it stays
/// queued, allChannelsFailed() is emitted and stats() says so. One signal is in flight at a
/// time, oldest first. All delays run on the Clock. Lives in the engine thread.
class SignalDispatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalDispatcher)
public:
    struct Options {
        std::chrono::milliseconds backoffBase{std::chrono::seconds(2)};
        std::chrono::milliseconds backoffCap{std::chrono::minutes(10)};
        std::uint64_t seed = std::random_device{}();
        /// 0: retry until delivered or expired (live signals). `notify test` gives up sooner.
        int maxRounds = 0;
        /// 0: wait as long as a channel asks. Otherwise a signal whose next attempt is further
        /// away than this is marked failed instead of waiting.
        std::chrono::seconds maxWait{0};
    };

    SignalDispatcher(Clock& clock, Outbox& outbox, QObject* parent = nullptr);
    SignalDispatcher(Clock& clock, Outbox& outbox, Options options, QObject* parent = nullptr);
    ~SignalDispatcher() override;

    /// Adds a channel (the dispatcher becomes its parent). Remote channels are tried in the
    /// order added.
    void addChannel(DeliveryChannel* channel);
    /// Requeues what a crash left in `sending` and starts delivering.
    [[nodiscard]] Status start();
    /// Commits `signal` to the outbox, mirrors it to local channels, and schedules delivery.
    /// Returns false when the signal id is already in the outbox (it is not sent again).
    [[nodiscard]] Result<bool> dispatch(const SignalMessage& signal);
    /// Marks a channel usable again after its configuration was fixed, and retries parked signals.
    void resetChannel(const QString& channelName);
    void setLiveCheck(DeliveryStats::LiveCheck result);

    [[nodiscard]] DeliveryStats stats();
    [[nodiscard]] bool isBusy() const { return m_round.has_value(); }
    /// Nothing in flight and nothing about to be picked up: only clock wake-ups may follow. A
    /// signal whose channel holds it for a pacing slot waits for the clock too (ADR 0106).
    [[nodiscard]] bool isIdle() const { return !m_pumpQueued && (!m_round || roundWaitsForClock()); }

Q_SIGNALS:
    void signalDelivered(const QString& signalId, const QString& channel);
    /// A signal that puts a proposal to the operator (SignalMessage::decisionFor) was posted as
    /// message `messageId` in `chatId`: its buttons are bound to that message (ADR 0132).
    void decisionMessagePosted(const QString& proposalId, qint64 chatId, qint64 messageId);
    /// Permanent: every channel refused this signal (or `notify test` gave up).
    void signalFailed(const QString& signalId, const QString& reason);
    void signalExpired(const QString& signalId);
    /// Critical alert: no channel could deliver this signal; it stays queued and is retried.
    void allChannelsFailed(const QString& signalId, const QString& reason);
    /// A channel cannot deliver until `key` is fixed (bad token, chat gone, receiver refuses).
    void configurationError(const QString& channel, const QString& key, const QString& message,
                            const QString& remedy);
    /// Telegram moved the chat; delivery already follows it, the config should too.
    void chatMigrated(const QString& oldChatId, const QString& newChatId);
    /// The outbox could not record a step: delivery guarantees are at risk.
    void outboxFailed(const QString& message);
    void statsChanged(const sentinel::DeliveryStats& stats);
    /// Nothing is being sent and no pass over the outbox is queued (see isIdle()); retries, or a
    /// message held for its pacing slot, may still be scheduled on the clock. Lets a simulation
    /// move time on.
    void idle();

private:
    struct ChannelSlot {
        DeliveryChannel* channel = nullptr;
        bool available = true;
        int consecutiveFailures = 0;
        QDateTime retryAt;
        int delivered = 0;
        int failed = 0;
        QString lastError;
        QString lastRemedy;
        std::deque<qint64> latenciesMs;
    };
    struct Round {
        OutboxEntry entry;
        int nextChannel = 0;
        bool attempted = false;
        QStringList errors;
    };

    void schedulePump();
    void pump();
    void tryNextChannel();
    void onChannelDone(int index, const DeliveryOutcome& outcome);
    void handleDelivered(ChannelSlot& slot, const DeliveryOutcome& outcome);
    void handleFailure(ChannelSlot& slot, const DeliveryOutcome& outcome);
    void finishUndelivered();
    [[nodiscard]] bool eligible(int index, const QString& signalId, const QDateTime& now) const;
    [[nodiscard]] std::optional<QDateTime> nextChance(const QString& signalId) const;
    void settle(const QString& signalId);
    [[nodiscard]] bool roundWaitsForClock() const;
    void check(const Status& status);
    void publish();

    Clock& m_clock;
    Outbox& m_outbox;
    Options m_options;
    RetryPolicy m_retry;
    QList<ChannelSlot> m_remote;
    QList<DeliveryChannel*> m_mirrors;
    std::optional<Round> m_round;
    bool m_running = false;
    bool m_pumpQueued = false;
    TimerId m_wakeTimer = 0;
    QHash<QString, QSet<QString>> m_rejectedBy;   ///< signal id -> channels that refused it for good
    QHash<QString, QSet<QString>> m_failedOn;     ///< signal id -> channels it is waiting to retry on
    QSet<QString> m_alerted;                      ///< signals for which allChannelsFailed was raised
    int m_failedTotal = 0;
    QString m_lastAlert;
    DeliveryStats::LiveCheck m_liveCheck = DeliveryStats::LiveCheck::NotRun;
};

} // namespace sentinel
