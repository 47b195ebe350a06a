// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "config/Config.h"
#include "notify/TelegramUpdates.h"

#include <QDateTime>
#include <QPointer>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;

namespace sentinel {

/// What the Delivery panel shows about receiving from Telegram.
struct TelegramPollerState {
    enum class Status {
        Stopped,
        Polling,        ///< a getUpdates long-poll is open
        AwaitingCommit, ///< a batch was handed over; the next poll waits for commit()
        BackingOff,     ///< the network or the server failed; retrying after nextAttemptAt
        RateLimited,    ///< 429: waiting the retry_after Telegram asked for
        Conflict,       ///< 409: another poller or a webhook holds the token; retrying slowly
        Unauthorized,   ///< 401/404: the token is wrong; stopped until restarted
    };
    Status status = Status::Stopped;
    qint64 offset = 0;          ///< what the next getUpdates carries
    int consecutiveFailures = 0;
    QDateTime lastAnswerAt;     ///< the last accepted getUpdates answer
    QDateTime nextAttemptAt;    ///< while waiting to retry
    QString lastError;          ///< redacted (Error), empty after an accepted answer
    qint64 batches = 0;         ///< batches handed over
    qint64 updates = 0;
    qint64 skipped = 0;

    [[nodiscard]] static QString statusName(Status status);
};

/// Receives updates by long-polling getUpdates (ADR 0119): one request at a time, held open by
/// Telegram for `longPoll` seconds, so an idle bot costs one request every 30 s, never a busy
/// loop. A batch is handed over with batchReceived() and the poller waits: the caller stores
/// what it needs (the journal) and then calls commit(nextOffset), which the next request
/// carries, confirming the batch to Telegram. So an update is never confirmed before the caller
/// has it. 409, 429 (retry_after, clamped), network loss and server errors are retried after a
/// wait on the Clock (exponential, capped); a wrong token stops polling. Lives in one thread;
/// its network manager is created there on first use.
class TelegramPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TelegramPoller)
public:
    struct Options {
        std::chrono::seconds longPoll{30};
        /// Added to longPoll for the request's total deadline (net::Limits, ADR 0104).
        std::chrono::seconds deadlineGrace{15};
        int limit = 100;
        std::chrono::milliseconds firstBackoff{1000};
        std::chrono::milliseconds maxBackoff{60'000};
        std::chrono::seconds conflictWait{30};
        /// An answer with nothing in it that came back sooner than a long poll would have is
        /// followed by this pause, so a server that answers at once cannot make us spin.
        std::chrono::milliseconds emptyAnswerPause{1000};
    };

    TelegramPoller(const TelegramSettings& settings, Clock& clock, QObject* parent = nullptr);
    TelegramPoller(const TelegramSettings& settings, Clock& clock, Options options, QObject* parent = nullptr);
    ~TelegramPoller() override;

    /// Starts polling from `offset` (what the caller stored last; 0 when none).
    void start(qint64 offset);
    /// Aborts the open request and any pending retry.
    void stop();
    /// The caller has stored the batch; polling goes on from `offset` (never backwards).
    void commit(qint64 offset);

    [[nodiscard]] const TelegramPollerState& state() const { return m_state; }

Q_SIGNALS:
    /// A batch with something in it (updates, or skipped ones to report). Call commit(nextOffset)
    /// once it is stored; until then the poller waits.
    void batchReceived(const sentinel::UpdateBatch& batch, qint64 nextOffset);
    void stateChanged(const sentinel::TelegramPollerState& state);

private:
    using Status = TelegramPollerState::Status;

    QNetworkAccessManager* network();
    void poll();
    void onReply(QNetworkReply* reply);
    void retryAfter(Status status, std::chrono::milliseconds wait, const Error& error);
    void scheduleAfter(std::chrono::milliseconds wait);
    void setStatus(Status status);
    [[nodiscard]] std::chrono::milliseconds nextBackoff() const;
    [[nodiscard]] QString loggableUrl() const;

    TelegramSettings m_settings;
    Clock& m_clock;
    Options m_options;
    TelegramPollerState m_state;
    QNetworkAccessManager* m_network = nullptr;
    QPointer<QNetworkReply> m_inFlight;
    QDateTime m_requestStartedAt;
    TimerId m_timer = 0;
};

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::TelegramPollerState)
Q_DECLARE_METATYPE(sentinel::UpdateBatch)
