// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/TelegramPoller.h"

#include "common/Log.h"
#include "net/BoundedReply.h"
#include "net/NetLimits.h"
#include "notify/TelegramApi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>

namespace sentinel {

namespace {

const QString getUpdates = QStringLiteral("getUpdates");

} // namespace

QString TelegramPollerState::statusName(Status status)
{
    switch (status) {
    case Status::Stopped:
        return QStringLiteral("stopped");
    case Status::Polling:
        return QStringLiteral("polling");
    case Status::AwaitingCommit:
        return QStringLiteral("awaiting_commit");
    case Status::BackingOff:
        return QStringLiteral("backing_off");
    case Status::RateLimited:
        return QStringLiteral("rate_limited");
    case Status::Conflict:
        return QStringLiteral("conflict");
    case Status::Unauthorized:
        return QStringLiteral("unauthorized");
    }
    return QStringLiteral("stopped");
}

TelegramPoller::TelegramPoller(const TelegramSettings& settings, Clock& clock, QObject* parent)
    : TelegramPoller(settings, clock, Options{}, parent)
{
}

TelegramPoller::TelegramPoller(const TelegramSettings& settings, Clock& clock, Options options, QObject* parent)
    : QObject(parent), m_settings(settings), m_clock(clock), m_options(options)
{
}

TelegramPoller::~TelegramPoller()
{
    stop();
}

QNetworkAccessManager* TelegramPoller::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    return m_network;
}

QString TelegramPoller::loggableUrl() const
{
    return telegramApi::methodUrl(m_settings.apiBaseUrl, QStringLiteral("***"), getUpdates).toString();
}

void TelegramPoller::start(qint64 offset)
{
    stop();
    m_state.offset = std::max<qint64>(0, offset);
    m_state.consecutiveFailures = 0;
    poll();
}

void TelegramPoller::stop()
{
    if (m_timer != 0) {
        m_clock.cancel(m_timer);
        m_timer = 0;
    }
    if (m_inFlight) {
        QNetworkReply* reply = m_inFlight;
        m_inFlight = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    if (m_state.status != Status::Stopped && m_state.status != Status::Unauthorized)
        setStatus(Status::Stopped);
}

void TelegramPoller::commit(qint64 offset)
{
    m_state.offset = std::max(m_state.offset, offset);
    if (m_state.status == Status::AwaitingCommit)
        poll();
}

void TelegramPoller::setStatus(Status status)
{
    m_state.status = status;
    if (status != Status::BackingOff && status != Status::RateLimited && status != Status::Conflict)
        m_state.nextAttemptAt = {};
    Q_EMIT stateChanged(m_state);
}

void TelegramPoller::scheduleAfter(std::chrono::milliseconds wait)
{
    m_state.nextAttemptAt = m_clock.now().addMSecs(wait.count());
    m_timer = m_clock.callAfter(wait, this, [this] {
        m_timer = 0;
        poll();
    });
}

std::chrono::milliseconds TelegramPoller::nextBackoff() const
{
    // 1 s, 2 s, 4 s, ... capped. Called for a failure before it is counted (retryAfter counts it).
    const int doublings = std::clamp(m_state.consecutiveFailures, 0, 20);
    const auto wait = m_options.firstBackoff * (qint64{1} << doublings);
    return std::min<std::chrono::milliseconds>(wait, m_options.maxBackoff);
}

void TelegramPoller::retryAfter(Status status, std::chrono::milliseconds wait, const Error& error)
{
    ++m_state.consecutiveFailures;
    m_state.lastError = error.toString();
    log::notify()->warn("telegram: getUpdates: {} ({}); next attempt in {} ms", error.message, error.kind, wait.count());
    scheduleAfter(wait);
    setStatus(status);
}

void TelegramPoller::poll()
{
    if (m_inFlight)
        return;
    QNetworkRequest request(telegramApi::methodUrl(m_settings.apiBaseUrl, m_settings.botToken.reveal(), getUpdates));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const auto deadline = std::chrono::duration_cast<std::chrono::milliseconds>(m_options.longPoll + m_options.deadlineGrace);
    request.setTransferTimeout(int(deadline.count()));
    const QJsonObject body{
        {QStringLiteral("offset"), m_state.offset},
        {QStringLiteral("limit"), std::clamp(m_options.limit, 1, TelegramUpdates::maxUpdates)},
        {QStringLiteral("timeout"), qint64(m_options.longPoll.count())},
        {QStringLiteral("allowed_updates"), QJsonArray{QStringLiteral("message"), QStringLiteral("callback_query")}},
    };
    QNetworkReply* reply = network()->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    net::BoundedReply::watch(reply, net::Limits{deadline, TelegramUpdates::maxBodyBytes});
    m_inFlight = reply;
    m_requestStartedAt = m_clock.now();
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReply(reply); });
    setStatus(Status::Polling);
}

void TelegramPoller::onReply(QNetworkReply* reply)
{
    reply->deleteLater();
    if (reply != m_inFlight)
        return;
    m_inFlight = nullptr;

    std::optional<Error> transportError;
    const TelegramReply answer = telegramApi::readReply(reply, loggableUrl(), &transportError);
    if (transportError) {
        retryAfter(Status::BackingOff, nextBackoff(), *transportError);
        return;
    }
    const auto parsed = TelegramUpdates::fromReply(answer, m_state.offset);
    if (!parsed) {
        using Kind = TelegramReply::Kind;
        if (answer.kind == Kind::Unauthorized) {
            ++m_state.consecutiveFailures;
            m_state.lastError = parsed.error().toString();
            log::notify()->error("telegram: getUpdates: {}; polling stopped", parsed.error().message);
            setStatus(Status::Unauthorized);
            return;
        }
        // Not a switch: clang's use-after-scope check misreads the logger temporaries of the
        // inlined retryAfter() in case labels jumped over (found by the asan preset).
        Status status = Status::BackingOff;
        std::chrono::milliseconds wait = nextBackoff();
        if (answer.kind == Kind::RetryAfter) {
            status = Status::RateLimited;
            wait = std::chrono::seconds(std::max(1, answer.retryAfterSeconds));
        } else if (answer.kind == Kind::Conflict) {
            status = Status::Conflict;
            wait = m_options.conflictWait;
        }
        retryAfter(status, wait, parsed.error());
        return;
    }

    const UpdateBatch& batch = parsed.value();
    const qint64 next = batch.nextOffset(m_state.offset);
    m_state.lastAnswerAt = m_clock.now();
    m_state.lastError.clear();
    m_state.consecutiveFailures = 0;
    m_state.skipped += batch.skipped.size();
    for (const SkippedUpdate& skipped : batch.skipped)
        log::notify()->warn("telegram: update skipped: {}", skipped.error.message);

    if (next > m_state.offset) {
        ++m_state.batches;
        m_state.updates += batch.updates.size();
        setStatus(Status::AwaitingCommit);
        Q_EMIT batchReceived(batch, next);
        return;
    }
    // Nothing that moves the offset: a long poll that ran out, or only unreadable updates.
    if (!batch.skipped.isEmpty())
        Q_EMIT batchReceived(batch, next);
    const qint64 elapsedMs = m_requestStartedAt.msecsTo(m_clock.now());
    if (batch.skipped.isEmpty() && elapsedMs >= m_options.emptyAnswerPause.count()) {
        poll();
        return;
    }
    // Answered at once with nothing usable: pause, so such a server cannot make us spin.
    scheduleAfter(batch.skipped.isEmpty() ? m_options.emptyAnswerPause : nextBackoff());
    setStatus(Status::BackingOff);
}

} // namespace sentinel
