// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FakeHttpServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace sentinel::test {

/// A loopback Bot API stand-in for two-way Telegram (ADR 0132), speaking the recorded formats
/// (tests/data/telegram/two-way): sendMessage answers a Message with a new message_id,
/// getUpdates serves the updates a test queued whose update_id is at or above the request's
/// offset (as Telegram does: an offset confirms everything below it), and answerCallbackQuery and
/// editMessageText answer ok. Every call's JSON body is kept, per method, in arrival order.
class FakeTelegramBot final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeTelegramBot)
public:
    FakeTelegramBot(QString token, qint64 chatId, QObject* parent = nullptr);

    bool start();
    [[nodiscard]] QUrl baseUrl() const { return m_server.baseUrl(); }
    [[nodiscard]] FakeHttpServer& server() { return m_server; }

    /// Queues a button press on `messageId` with `data`; returns its update_id.
    qint64 pushPress(qint64 fromUserId, const QString& username, qint64 messageId, const QString& data,
                     qint64 chatId = 0);
    /// Queues a text message (a command) from `fromUserId`; returns its update_id.
    qint64 pushText(qint64 fromUserId, const QString& username, const QString& text, qint64 chatId = 0);
    /// Starts the update ids at `next` (a restarted test process continues the sequence).
    void setNextUpdateId(qint64 next) { m_nextUpdateId = next; }

    /// Bodies received for `method` ("sendMessage", "answerCallbackQuery", ...), oldest first.
    [[nodiscard]] QList<QJsonObject> bodies(const QString& method) const;
    /// The offsets of every getUpdates, oldest first.
    [[nodiscard]] QList<qint64> offsetsAsked() const;
    /// sendMessage bodies that carried an inline keyboard.
    [[nodiscard]] QList<QJsonObject> messagesWithButtons() const;
    /// The callback_data of button `index` of a sendMessage body's first keyboard row.
    [[nodiscard]] static QString buttonData(const QJsonObject& sendMessageBody, int index);
    /// The message id the stand-in gave to the `n`-th sendMessage (0-based).
    [[nodiscard]] qint64 messageIdOf(int n) const { return m_firstMessageId + n; }
    [[nodiscard]] qint64 chatId() const { return m_chatId; }

Q_SIGNALS:
    void called(const QString& method, const QJsonObject& body);

private:
    CannedResponse onCall(const RecordedRequest& request);

    FakeHttpServer m_server;
    QString m_token;
    qint64 m_chatId;
    QList<QJsonObject> m_updates;
    QList<QPair<QString, QJsonObject>> m_calls;
    qint64 m_nextUpdateId = 700000;
    qint64 m_firstMessageId = 5000;
    int m_sent = 0;
};

} // namespace sentinel::test
