// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/TelegramBotCalls.h"

#include "common/Log.h"
#include "net/BoundedReply.h"
#include "notify/TelegramApi.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>

namespace sentinel {

namespace {
constexpr std::chrono::seconds callDeadline{10};
constexpr qint64 maxAnswerBytes = qint64{256} * 1024;
const QString answerCallbackQuery = QStringLiteral("answerCallbackQuery");
} // namespace

TelegramBotCalls::TelegramBotCalls(const TelegramSettings& settings, Clock& clock, QObject* parent)
    : QObject(parent), m_settings(settings), m_clock(clock)
{
}

TelegramBotCalls::~TelegramBotCalls()
{
    if (m_timer)
        m_clock.cancel(m_timer);
    if (m_inFlight)
        m_inFlight->abort();
}

QNetworkAccessManager* TelegramBotCalls::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    return m_network;
}

void TelegramBotCalls::call(const QString& method, const QJsonObject& body, Done done, bool urgent)
{
    Call call{method, body, std::move(done), urgent, m_clock.now(), 0};
    if (urgent) {
        // After the other urgent ones, before everything else.
        const auto firstOrdinary = std::find_if(m_queue.begin(), m_queue.end(), [](const Call& c) { return !c.urgent; });
        m_queue.insert(firstOrdinary, std::move(call));
    } else {
        m_queue.push_back(std::move(call));
    }
    if (int(m_queue.size()) > maxQueued) {
        const auto oldest = std::find_if(m_queue.begin(), m_queue.end(), [](const Call& c) { return !c.urgent; });
        if (oldest != m_queue.end()) {
            log::notify()->warn("telegram: {} answers waiting; dropping a {}", m_queue.size(), oldest->method);
            m_queue.erase(oldest);
            ++m_dropped;
        }
    }
    pump();
}

void TelegramBotCalls::pump()
{
    if (m_inFlight || m_timer || m_current)
        return;
    while (!m_queue.empty()) {
        Call next = std::move(m_queue.front());
        m_queue.pop_front();
        if (next.method == answerCallbackQuery && next.queuedAt.secsTo(m_clock.now()) > answerLifetime.count()) {
            ++m_dropped; // Telegram would refuse it as too old
            continue;
        }
        m_current = std::move(next);
        break;
    }
    if (!m_current) {
        Q_EMIT drained();
        return;
    }
    ++m_current->attempts;
    QNetworkRequest request(telegramApi::methodUrl(m_settings.apiBaseUrl, m_settings.botToken.reveal(), m_current->method));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(int(std::chrono::milliseconds(callDeadline).count()));
    QNetworkReply* reply = network()->post(request, QJsonDocument(m_current->body).toJson(QJsonDocument::Compact));
    net::BoundedReply::watch(reply, net::Limits{callDeadline, maxAnswerBytes});
    m_inFlight = reply;
    Q_EMIT requestStarted(m_current->method);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReply(reply); });
}

void TelegramBotCalls::onReply(QNetworkReply* reply)
{
    reply->deleteLater();
    if (reply != m_inFlight || !m_current)
        return;
    m_inFlight = nullptr;
    const QString where = telegramApi::methodUrl(m_settings.apiBaseUrl, QStringLiteral("***"), m_current->method).toString();
    std::optional<Error> transportError;
    const TelegramReply answer = telegramApi::readReply(reply, where, &transportError);
    using Kind = TelegramReply::Kind;
    if (transportError || answer.kind == Kind::ServerError || answer.kind == Kind::Malformed) {
        const QString why = transportError ? transportError->toString() : answer.summary();
        if (m_current->attempts < 2) {
            log::notify()->warn("telegram: {}: {}; trying once more in 1 s", m_current->method, why);
            return retryLater(std::chrono::seconds(1));
        }
        log::notify()->warn("telegram: {}: {}; given up (it only informs)", m_current->method, why);
        TelegramReply failed = answer;
        if (transportError)
            failed.description = transportError->toString();
        return finish(failed);
    }
    if (answer.kind == Kind::RetryAfter) {
        log::notify()->warn("telegram: {}: rate limited; waiting {} s", m_current->method, answer.retryAfterSeconds);
        return retryLater(std::chrono::seconds(std::max(1, answer.retryAfterSeconds)));
    }
    if (answer.kind != Kind::Ok)
        log::notify()->warn("telegram: {}: {}", m_current->method, answer.summary());
    finish(answer);
}

void TelegramBotCalls::retryLater(std::chrono::milliseconds wait)
{
    // Back to the front of its kind: the order of answers is kept.
    Call again = std::move(*m_current);
    m_current.reset();
    m_queue.push_front(std::move(again));
    m_timer = m_clock.callAfter(wait, this, [this] {
        m_timer = 0;
        pump();
    });
}

void TelegramBotCalls::finish(const TelegramReply& reply)
{
    Done done = std::move(m_current->done);
    m_current.reset();
    if (done)
        done(reply);
    pump();
}

} // namespace sentinel
