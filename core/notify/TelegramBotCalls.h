// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "config/Config.h"
#include "notify/TelegramReply.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace sentinel {

/// The bot's answers to the operator (ADR 0132): answerCallbackQuery, editMessageText and short
/// replies to commands, one request at a time, on the engine thread. A press must be answered
/// within seconds, so its answer goes before everything else waiting; a 429 holds the queue for
/// its retry_after; a network failure or 5xx is tried once more after a second, then dropped
/// (logged): these calls only tell, they never decide anything. Signals go through the outbox,
/// not through here.
class TelegramBotCalls final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TelegramBotCalls)
public:
    using Done = std::function<void(const TelegramReply&)>;

    /// A press answered later than this is refused by Telegram ("query is too old"): dropped.
    static constexpr std::chrono::seconds answerLifetime{15};
    static constexpr int maxQueued = 256;

    TelegramBotCalls(const TelegramSettings& settings, Clock& clock, QObject* parent = nullptr);
    ~TelegramBotCalls() override;

    /// Queues `method` with `body`; `urgent` calls (answers to presses) go first. `done` gets
    /// Telegram's answer (Malformed with the reason when there was none). Beyond maxQueued waiting
    /// calls the oldest non-urgent one is dropped.
    void call(const QString& method, const QJsonObject& body, Done done = {}, bool urgent = false);

    [[nodiscard]] bool busy() const { return !m_inFlight.isNull() || !m_queue.empty(); }
    /// A request is on the network (a wait for retry_after is the Clock's, not in flight).
    [[nodiscard]] bool inFlight() const { return !m_inFlight.isNull(); }
    [[nodiscard]] qint64 dropped() const { return m_dropped; }

Q_SIGNALS:
    /// A request left (tests read the bodies from the stand-in).
    void requestStarted(const QString& method);
    /// Nothing is queued or in flight any more.
    void drained();

private:
    struct Call {
        QString method;
        QJsonObject body;
        Done done;
        bool urgent = false;
        QDateTime queuedAt;
        int attempts = 0;
    };

    QNetworkAccessManager* network();
    void pump();
    void onReply(QNetworkReply* reply);
    void finish(const TelegramReply& reply);
    void retryLater(std::chrono::milliseconds wait);

    TelegramSettings m_settings;
    Clock& m_clock;
    QNetworkAccessManager* m_network = nullptr;
    std::deque<Call> m_queue;
    std::optional<Call> m_current;
    QPointer<QNetworkReply> m_inFlight;
    TimerId m_timer = 0;
    qint64 m_dropped = 0;
};

} // namespace sentinel
