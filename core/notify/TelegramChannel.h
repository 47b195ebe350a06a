// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "common/Issue.h"
#include "config/Config.h"
#include "net/NetLimits.h"
#include "notify/DeliveryChannel.h"
#include "notify/TelegramFormatter.h"
#include "notify/TelegramPacer.h"
#include "notify/TelegramReply.h"

#include <QPointer>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace sentinel {

/// Static checks of the Telegram settings that signal-only mode depends on: enabled, a token
/// shaped like `<digits>:<30+ url-safe chars>`, a numeric chat id or @channel, an http(s) API
/// base URL. Each problem names its key (`telegram.bot_token`, ...) and a remedy.
[[nodiscard]] Issues validateTelegramForSignalOnly(const TelegramSettings& settings);

/// Delivers signals through the Telegram Bot API (`sendMessage`) at `telegram.api_base_url`.
/// MarkdownV2 with every reserved character escaped; a "can't parse entities" answer is resent
/// once as plain text; long texts go as numbered parts; sends are paced within Telegram's limits
/// on the Clock; errors are classified from the body (see TelegramReply) into the dispatcher's
/// outcomes. A chat migration is followed at once and reported with chatMigrated().
/// Lives in one thread; its network manager is created there on first use.
class TelegramChannel final : public DeliveryChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TelegramChannel)
public:
    struct Options {
        TelegramPacer::Limits limits;
        /// Each Bot API call: total deadline and the largest answer read (docs/adr/0104).
        net::Limits request{std::chrono::seconds(30), qint64{1024} * 1024};
    };

    TelegramChannel(const TelegramSettings& settings, Clock& clock, QObject* parent = nullptr);
    TelegramChannel(const TelegramSettings& settings, Clock& clock, Options options, QObject* parent = nullptr);
    ~TelegramChannel() override;

    [[nodiscard]] QString name() const override { return QStringLiteral("telegram"); }
    void deliver(const DeliveryAttempt& attempt, PartCallback partDelivered, DoneCallback done) override;
    /// A part is held for its slot under Telegram's sending limits (TelegramPacer).
    [[nodiscard]] bool isWaitingForClock() const override { return m_job && m_job->timer != 0; }

    /// Live check for startup: getMe (the token), then getChat (the chat id). `done` receives
    /// the problems found, empty when Telegram answered both.
    void verify(std::function<void(const Issues&)> done);

    /// The chat messages go to (changes after a migration).
    [[nodiscard]] QString chatId() const { return m_chatId; }
    /// The API URL of `method` with the token masked, for logs and messages.
    [[nodiscard]] QString loggableUrl(const QString& method) const;

Q_SIGNALS:
    void chatMigrated(const QString& oldChatId, const QString& newChatId);

private:
    struct Job {
        DeliveryAttempt attempt;
        QList<TelegramPart> parts;
        int next = 0;
        bool plainText = false; ///< current part falls back to plain text
        bool migrated = false;  ///< current part already followed one migration
        PartCallback partDelivered;
        DoneCallback done;
        TimerId timer = 0;
    };

    QNetworkAccessManager* network();
    [[nodiscard]] QUrl methodUrl(const QString& method) const;
    [[nodiscard]] QUrl methodUrl(const QString& method, const QString& tokenText) const;
    QNetworkReply* post(const QString& method, const QJsonObject& body);
    QNetworkReply* get(const QString& method, const QUrlQuery& query);
    /// The Approve/Reject keyboard for a proposal's last part; nullopt when nobody could press it.
    [[nodiscard]] std::optional<QJsonObject> decisionMarkup(const SignalMessage& signal) const;
    void schedulePart();
    void sendPart();
    void onPartReply(QNetworkReply* reply);
    void onPartDelivered();
    /// Sends the current part again where the answer allows it once (as plain text after a
    /// parse error, to the new chat after a migration); false when the part has failed.
    bool resendPart(const TelegramReply& answer, const QString& partLabel);
    /// The outcome of a part Telegram refused; a rate limit also blocks the pacer.
    DeliveryOutcome failedOutcome(const TelegramReply& answer);
    void finish(DeliveryOutcome outcome);
    /// The classified answer, or (in `transportError`) why there is none: no HTTP answer, or
    /// the request was cut off by its deadline or body cap.
    [[nodiscard]] TelegramReply readReply(QNetworkReply* reply, const QString& method,
                                          std::optional<Error>* transportError) const;

    TelegramSettings m_settings;
    QString m_chatId;
    Clock& m_clock;
    Options m_options;
    TelegramPacer m_pacer;
    QNetworkAccessManager* m_network = nullptr;
    std::optional<Job> m_job;
    QPointer<QNetworkReply> m_inFlight;
    QByteArray m_callbackKey;    ///< derived from the token (ADR 0132)
    qint64 m_lastMessageId = 0;  ///< of the part confirmed last
};

} // namespace sentinel
