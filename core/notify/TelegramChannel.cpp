// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/TelegramChannel.h"

#include "common/Log.h"
#include "config/TelegramShapes.h"
#include "net/BoundedReply.h"
#include "notify/CallbackToken.h"
#include "notify/TelegramApi.h"
#include "notify/TelegramKeyboard.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QUrlQuery>

namespace sentinel {

namespace {

const QString sendMessage = QStringLiteral("sendMessage");

Error telegramError(const QString& kind, const QString& message, const QString& remedy)
{
    return Error{kind, message, remedy};
}

DeliveryOutcome unavailable(const QString& key, Error error)
{
    DeliveryOutcome outcome;
    outcome.status = DeliveryOutcome::Status::ChannelUnavailable;
    outcome.configKey = key;
    outcome.error = std::move(error);
    return outcome;
}

} // namespace

Issues validateTelegramForSignalOnly(const TelegramSettings& settings)
{
    Issues issues;
    auto add = [&](const QString& key, const QString& message, const QString& remedy) {
        issues.append(Issue{Issue::Severity::Error, key, message, remedy});
    };
    if (!settings.enabled) {
        add(QStringLiteral("telegram.enabled"),
            QStringLiteral("signal-only mode delivers signals through Telegram, but Telegram is disabled"),
            QStringLiteral("set telegram.enabled: true, or choose another mode"));
    }
    if (settings.botToken.isEmpty()) {
        add(QStringLiteral("telegram.bot_token"), QStringLiteral("the bot token is empty"),
            QStringLiteral("set telegram.bot_token to \"${TELEGRAM_BOT_TOKEN}\" and export the token @BotFather gave you"));
    } else if (!isBotTokenShaped(settings.botToken.reveal())) {
        add(QStringLiteral("telegram.bot_token"),
            QStringLiteral("the bot token is not shaped like <bot id>:<secret> (digits, a colon, 30 or more letters, digits, '_' or '-')"),
            QStringLiteral("copy the whole token from @BotFather, without spaces or quotes"));
    }
    if (settings.chatId.trimmed().isEmpty()) {
        add(QStringLiteral("telegram.chat_id"), QStringLiteral("the chat id is empty"),
            QStringLiteral("set telegram.chat_id to the numeric chat id (e.g. from getUpdates) or @channelname"));
    } else if (!isChatIdShaped(settings.chatId)) {
        add(QStringLiteral("telegram.chat_id"),
            QStringLiteral("the chat id '%1' is neither a number nor an @channel name").arg(settings.chatId),
            QStringLiteral("use the numeric id (groups start with -100...) or @channelname"));
    }
    const QUrl base = settings.apiBaseUrl;
    if (!base.isValid() || (base.scheme() != u"https" && base.scheme() != u"http") || base.host().isEmpty()) {
        add(QStringLiteral("telegram.api_base_url"),
            QStringLiteral("'%1' is not an http(s) URL").arg(base.toString()),
            QStringLiteral("use https://api.telegram.org or remove the key"));
    }
    return issues;
}

TelegramChannel::TelegramChannel(const TelegramSettings& settings, Clock& clock, QObject* parent)
    : TelegramChannel(settings, clock, Options{}, parent)
{
}

TelegramChannel::TelegramChannel(const TelegramSettings& settings, Clock& clock, Options options, QObject* parent)
    : DeliveryChannel(parent)
    , m_settings(settings)
    , m_chatId(settings.chatId.trimmed())
    , m_clock(clock)
    , m_options(options)
    , m_pacer(options.limits)
    , m_callbackKey(CallbackTokenCodec::deriveKey(settings.botToken.reveal()))
{
}

TelegramChannel::~TelegramChannel()
{
    if (m_job && m_job->timer)
        m_clock.cancel(m_job->timer);
    // Aborting emits finished() at once; the owner (usually the dispatcher, being destroyed)
    // must not hear about it.
    m_job.reset();
    if (m_inFlight) {
        m_inFlight->disconnect(this);
        m_inFlight->abort();
    }
}

QNetworkAccessManager* TelegramChannel::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    return m_network;
}

QUrl TelegramChannel::methodUrl(const QString& method, const QString& tokenText) const
{
    return telegramApi::methodUrl(m_settings.apiBaseUrl, tokenText, method);
}

QUrl TelegramChannel::methodUrl(const QString& method) const
{
    return methodUrl(method, m_settings.botToken.reveal());
}

QString TelegramChannel::loggableUrl(const QString& method) const
{
    return methodUrl(method, QStringLiteral("***")).toString();
}

QNetworkReply* TelegramChannel::post(const QString& method, const QJsonObject& body)
{
    QNetworkRequest request(methodUrl(method));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(int(m_options.request.deadline.count()));
    Q_EMIT requestStarted(method);
    QNetworkReply* reply = network()->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    net::BoundedReply::watch(reply, m_options.request);
    return reply;
}

QNetworkReply* TelegramChannel::get(const QString& method, const QUrlQuery& query)
{
    QUrl url = methodUrl(method);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(int(m_options.request.deadline.count()));
    Q_EMIT requestStarted(method);
    QNetworkReply* reply = network()->get(request);
    net::BoundedReply::watch(reply, m_options.request);
    return reply;
}

TelegramReply TelegramChannel::readReply(QNetworkReply* reply, const QString& method,
                                         std::optional<Error>* transportError) const
{
    return telegramApi::readReply(reply, loggableUrl(method), transportError);
}

void TelegramChannel::deliver(const DeliveryAttempt& attempt, PartCallback partDelivered, DoneCallback done)
{
    Q_ASSERT(!m_job);
    Job job;
    job.attempt = attempt;
    job.parts = TelegramFormatter::render(attempt.signal);
    job.next = std::clamp(attempt.partsDone, 0, int(job.parts.size()));
    job.partDelivered = std::move(partDelivered);
    job.done = std::move(done);
    m_job = std::move(job);
    if (m_job->next >= m_job->parts.size()) {
        finish(DeliveryOutcome::delivered(int(m_job->parts.size())));
        return;
    }
    schedulePart();
}

std::optional<QJsonObject> TelegramChannel::decisionMarkup(const SignalMessage& signal) const
{
    // Buttons only where someone may press them: a numeric chat and configured operators.
    bool numericChat = false;
    const qint64 chatId = m_chatId.toLongLong(&numericChat);
    if (signal.decisionFor.isEmpty() || m_settings.operators.isEmpty() || !numericChat)
        return std::nullopt;
    auto markup = TelegramKeyboard::proposalMarkup(m_callbackKey, signal.decisionFor, chatId);
    if (!markup) {
        log::notify()->warn("telegram: no buttons for proposal {}: {}", signal.decisionFor, markup.error().toString());
        return std::nullopt;
    }
    return markup.value();
}

void TelegramChannel::schedulePart()
{
    const QDateTime now = m_clock.now();
    const QDateTime slot = m_pacer.nextSlot(m_chatId, now);
    if (slot <= now) {
        sendPart();
        return;
    }
    m_job->timer = m_clock.callAt(slot, this, [this] {
        m_job->timer = 0;
        sendPart();
    });
    Q_EMIT waitingForClock();
}

void TelegramChannel::sendPart()
{
    const TelegramPart& part = m_job->parts.at(m_job->next);
    QJsonObject body{{QStringLiteral("chat_id"), m_chatId}};
    if (m_job->plainText) {
        body.insert(QStringLiteral("text"), part.plainText);
    } else {
        body.insert(QStringLiteral("text"), part.markdownV2);
        body.insert(QStringLiteral("parse_mode"), QStringLiteral("MarkdownV2"));
    }
    if (m_job->next == m_job->parts.size() - 1) {
        if (const auto markup = decisionMarkup(m_job->attempt.signal))
            body.insert(QStringLiteral("reply_markup"), *markup);
    }
    m_pacer.record(m_chatId, m_clock.now());
    log::notify()->debug("telegram: POST {} signal {} part {}/{}{}", loggableUrl(sendMessage),
                         m_job->attempt.signal.id, m_job->next + 1, m_job->parts.size(),
                         m_job->plainText ? " (plain text)" : "");
    QNetworkReply* reply = post(sendMessage, body);
    m_inFlight = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onPartReply(reply); });
}

void TelegramChannel::onPartReply(QNetworkReply* reply)
{
    reply->deleteLater();
    m_inFlight = nullptr;
    if (!m_job)
        return;
    std::optional<Error> transportError;
    const TelegramReply answer = readReply(reply, sendMessage, &transportError);
    const QString& signalId = m_job->attempt.signal.id;
    const QString partLabel = QStringLiteral("%1/%2").arg(m_job->next + 1).arg(m_job->parts.size());

    if (transportError) {
        log::notify()->warn("telegram: signal {} part {}: {}: {}", signalId, partLabel, transportError->kind,
                            transportError->message);
        DeliveryOutcome outcome;
        outcome.error = std::move(*transportError);
        finish(outcome);
        return;
    }
    if (answer.kind == TelegramReply::Kind::Ok) {
        log::notify()->info("telegram: delivered signal {} part {} to chat {} via {}", signalId, partLabel,
                            m_chatId, loggableUrl(sendMessage));
        // The Message sent: its id is what the buttons of a proposal are bound to.
        const QJsonValue messageId = answer.result.toObject().value(u"message_id");
        m_lastMessageId = messageId.isDouble() ? qint64(messageId.toDouble()) : 0;
        onPartDelivered();
        return;
    }
    if (resendPart(answer, partLabel))
        return;
    log::notify()->warn("telegram: signal {} part {}: {} ({})", signalId, partLabel, answer.summary(),
                        loggableUrl(sendMessage));
    finish(failedOutcome(answer));
}

void TelegramChannel::onPartDelivered()
{
    ++m_job->next;
    m_job->plainText = false;
    m_job->migrated = false;
    if (m_job->partDelivered)
        m_job->partDelivered(m_job->next);
    if (!m_job)
        return;
    if (m_job->next >= m_job->parts.size()) {
        DeliveryOutcome outcome = DeliveryOutcome::delivered(int(m_job->parts.size()));
        outcome.chatId = m_chatId.toLongLong();
        outcome.messageId = m_lastMessageId;
        finish(outcome);
    } else {
        schedulePart();
    }
}

bool TelegramChannel::resendPart(const TelegramReply& answer, const QString& partLabel)
{
    using Kind = TelegramReply::Kind;
    if (answer.kind == Kind::ParseError && !m_job->plainText) {
        log::notify()->warn("telegram: signal {} part {}: {}; resending as plain text", m_job->attempt.signal.id,
                            partLabel, answer.description);
        m_job->plainText = true;
        schedulePart();
        return true;
    }
    if (answer.kind == Kind::ChatMigrated && !m_job->migrated && !answer.migrateToChatId.isEmpty()) {
        const QString oldChat = m_chatId;
        m_chatId = answer.migrateToChatId;
        m_job->migrated = true;
        log::notify()->warn("telegram: chat {} was migrated to {}; resending there (update telegram.chat_id)",
                            oldChat, m_chatId);
        Q_EMIT chatMigrated(oldChat, m_chatId);
        schedulePart();
        return true;
    }
    return false;
}

DeliveryOutcome TelegramChannel::failedOutcome(const TelegramReply& answer)
{
    using Kind = TelegramReply::Kind;
    DeliveryOutcome outcome;
    switch (answer.kind) {
    case Kind::RetryAfter: {
        // classify() has clamped the server's value already (net::maxServerWait).
        const int seconds = std::max(1, answer.retryAfterSeconds);
        outcome.retryAt = m_clock.now().addSecs(seconds);
        m_pacer.blockUntil(outcome.retryAt);
        outcome.error = telegramError(QStringLiteral("rate_limited"), answer.summary(),
                                      QStringLiteral("Telegram asks to wait %1 s; fewer signals per minute avoid this").arg(seconds));
        break;
    }
    case Kind::Unauthorized:
        outcome = unavailable(QStringLiteral("telegram.bot_token"),
                              telegramError(QStringLiteral("invalid_config"), answer.summary(),
                                            QStringLiteral("set telegram.bot_token to the token @BotFather gave you (it may have been revoked)")));
        break;
    case Kind::ChatNotFound:
        outcome = unavailable(QStringLiteral("telegram.chat_id"),
                              telegramError(QStringLiteral("invalid_config"), answer.summary(),
                                            QStringLiteral("check telegram.chat_id, and send /start to the bot (or add it to the group) first")));
        break;
    case Kind::Forbidden:
        outcome = unavailable(QStringLiteral("telegram.chat_id"),
                              telegramError(QStringLiteral("forbidden"), answer.summary(),
                                            QStringLiteral("unblock the bot or add it back to the chat in telegram.chat_id")));
        break;
    case Kind::ServerError:
    case Kind::Malformed:
    case Kind::ChatMigrated:
        outcome.error = telegramError(QStringLiteral("server_error"), answer.summary(),
                                      QStringLiteral("Telegram is having trouble; delivery is retried with back-off"));
        break;
    case Kind::ParseError:
    case Kind::TooLong:
    case Kind::Conflict: // only getUpdates meets it; a send is refused like any other 4xx
    case Kind::BadRequest:
    case Kind::Ok:
        outcome.status = DeliveryOutcome::Status::Rejected;
        outcome.error = telegramError(QStringLiteral("rejected"), answer.summary(),
                                      QStringLiteral("this message cannot be sent to Telegram; see the log for its id"));
        break;
    }
    return outcome;
}

void TelegramChannel::finish(DeliveryOutcome outcome)
{
    Job job = std::move(*m_job);
    m_job.reset();
    outcome.partsDone = job.next;
    if (job.done)
        job.done(outcome);
}

void TelegramChannel::verify(std::function<void(const Issues&)> done)
{
    auto fail = [done](const QString& key, const QString& message, const QString& remedy) {
        done(Issues{Issue{Issue::Severity::Error, key, message, remedy}});
    };
    QNetworkReply* me = get(QStringLiteral("getMe"), {});
    connect(me, &QNetworkReply::finished, this, [this, me, done = std::move(done), fail] {
        me->deleteLater();
        std::optional<Error> transportError;
        const TelegramReply answer = readReply(me, QStringLiteral("getMe"), &transportError);
        if (transportError) {
            fail(QStringLiteral("telegram.api_base_url"),
                 QStringLiteral("getMe at %1 failed: %2").arg(loggableUrl(QStringLiteral("getMe")), transportError->message),
                 QStringLiteral("check the network and telegram.api_base_url, or start with --offline"));
            return;
        }
        if (answer.kind != TelegramReply::Kind::Ok) {
            const bool tokenProblem = answer.kind == TelegramReply::Kind::Unauthorized;
            fail(tokenProblem ? QStringLiteral("telegram.bot_token") : QStringLiteral("telegram.api_base_url"),
                 QStringLiteral("getMe: %1").arg(answer.summary()),
                 tokenProblem ? QStringLiteral("set telegram.bot_token to the token @BotFather gave you")
                              : QStringLiteral("retry later, or start with --offline"));
            return;
        }
        log::notify()->info("telegram: getMe answered for bot @{}",
                            answer.result.toObject().value(u"username").toString());
        QNetworkReply* chat = get(QStringLiteral("getChat"), QUrlQuery{{QStringLiteral("chat_id"), m_chatId}});
        connect(chat, &QNetworkReply::finished, this, [this, chat, done, fail] {
            chat->deleteLater();
            std::optional<Error> chatTransportError;
            const TelegramReply chatAnswer = readReply(chat, QStringLiteral("getChat"), &chatTransportError);
            if (chatTransportError) {
                fail(QStringLiteral("telegram.api_base_url"),
                     QStringLiteral("getChat failed: %1").arg(chatTransportError->message),
                     QStringLiteral("check the network, or start with --offline"));
                return;
            }
            if (chatAnswer.kind == TelegramReply::Kind::ChatMigrated) {
                fail(QStringLiteral("telegram.chat_id"),
                     QStringLiteral("chat %1 was upgraded to supergroup %2").arg(m_chatId, chatAnswer.migrateToChatId),
                     QStringLiteral("set telegram.chat_id to %1").arg(chatAnswer.migrateToChatId));
                return;
            }
            if (chatAnswer.kind != TelegramReply::Kind::Ok) {
                fail(QStringLiteral("telegram.chat_id"), QStringLiteral("getChat %1: %2").arg(m_chatId, chatAnswer.summary()),
                     QStringLiteral("check telegram.chat_id, and send /start to the bot (or add it to the group) first"));
                return;
            }
            done(Issues{});
        });
    });
}

} // namespace sentinel
