// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeTelegramBot.h"

#include <QJsonDocument>

namespace sentinel::test {

namespace {

QJsonObject user(qint64 id, const QString& username)
{
    QJsonObject from{{QStringLiteral("id"), id}, {QStringLiteral("is_bot"), false}, {QStringLiteral("first_name"), QStringLiteral("Trader")}};
    if (!username.isEmpty())
        from.insert(QStringLiteral("username"), username);
    return from;
}

QJsonObject chat(qint64 id)
{
    return QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("title"), QStringLiteral("Desk")}, {QStringLiteral("type"), QStringLiteral("supergroup")}};
}

CannedResponse ok(const QJsonValue& result)
{
    return CannedResponse::json(QJsonDocument(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("result"), result}}).toJson(QJsonDocument::Compact));
}

} // namespace

FakeTelegramBot::FakeTelegramBot(QString token, qint64 chatId, QObject* parent)
    : QObject(parent), m_token(std::move(token)), m_chatId(chatId)
{
    m_server.setFallback([this](const RecordedRequest& request) { return onCall(request); });
}

bool FakeTelegramBot::start()
{
    return m_server.start();
}

qint64 FakeTelegramBot::pushPress(qint64 fromUserId, const QString& username, qint64 messageId, const QString& data, qint64 chatId)
{
    const qint64 id = m_nextUpdateId++;
    const QJsonObject message{{QStringLiteral("message_id"), messageId},
                              {QStringLiteral("date"), 1764000000},
                              {QStringLiteral("chat"), chat(chatId != 0 ? chatId : m_chatId)},
                              {QStringLiteral("text"), QStringLiteral("Proposal")}};
    m_updates.append(QJsonObject{{QStringLiteral("update_id"), id},
                                 {QStringLiteral("callback_query"),
                                  QJsonObject{{QStringLiteral("id"), QStringLiteral("q%1").arg(id)},
                                              {QStringLiteral("from"), user(fromUserId, username)},
                                              {QStringLiteral("message"), message},
                                              {QStringLiteral("chat_instance"), QStringLiteral("-12345")},
                                              {QStringLiteral("data"), data}}}});
    return id;
}

qint64 FakeTelegramBot::pushText(qint64 fromUserId, const QString& username, const QString& text, qint64 chatId)
{
    const qint64 id = m_nextUpdateId++;
    m_updates.append(QJsonObject{{QStringLiteral("update_id"), id},
                                 {QStringLiteral("message"),
                                  QJsonObject{{QStringLiteral("message_id"), 9000 + id % 1000},
                                              {QStringLiteral("from"), user(fromUserId, username)},
                                              {QStringLiteral("date"), 1764000000},
                                              {QStringLiteral("chat"), chat(chatId != 0 ? chatId : m_chatId)},
                                              {QStringLiteral("text"), text}}}});
    return id;
}

CannedResponse FakeTelegramBot::onCall(const RecordedRequest& request)
{
    const QByteArray prefix = "/bot" + m_token.toLatin1() + "/";
    if (!request.path.startsWith(prefix))
        return CannedResponse::json(R"({"ok":false,"error_code":404,"description":"Not Found"})", 404);
    const QString method = QString::fromLatin1(request.path.mid(prefix.size()));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    m_calls.append({method, body});
    Q_EMIT called(method, body);
    if (method == u"getUpdates") {
        const qint64 offset = body.value(u"offset").toInteger();
        QJsonArray result;
        for (const QJsonObject& update : std::as_const(m_updates)) {
            if (update.value(u"update_id").toInteger() >= offset)
                result.append(update);
        }
        return ok(result);
    }
    if (method == u"sendMessage") {
        const qint64 messageId = m_firstMessageId + m_sent++;
        return ok(QJsonObject{{QStringLiteral("message_id"), messageId},
                              {QStringLiteral("date"), 1764000000},
                              {QStringLiteral("chat"), chat(body.value(u"chat_id").toInteger())},
                              {QStringLiteral("text"), body.value(u"text")}});
    }
    if (method == u"answerCallbackQuery")
        return ok(true);
    if (method == u"editMessageText")
        return ok(QJsonObject{{QStringLiteral("message_id"), body.value(u"message_id")}, {QStringLiteral("date"), 1764000000},
                              {QStringLiteral("chat"), chat(body.value(u"chat_id").toInteger())}, {QStringLiteral("text"), body.value(u"text")}});
    if (method == u"getMe" || method == u"getChat")
        return ok(QJsonObject{{QStringLiteral("id"), m_chatId}});
    return CannedResponse::json(R"({"ok":false,"error_code":404,"description":"Not Found: method not found"})", 404);
}

QList<QJsonObject> FakeTelegramBot::bodies(const QString& method) const
{
    QList<QJsonObject> found;
    for (const auto& [name, body] : m_calls) {
        if (name == method)
            found.append(body);
    }
    return found;
}

QList<qint64> FakeTelegramBot::offsetsAsked() const
{
    QList<qint64> offsets;
    for (const QJsonObject& body : bodies(QStringLiteral("getUpdates")))
        offsets.append(body.value(u"offset").toInteger());
    return offsets;
}

QList<QJsonObject> FakeTelegramBot::messagesWithButtons() const
{
    QList<QJsonObject> found;
    for (const QJsonObject& body : bodies(QStringLiteral("sendMessage"))) {
        if (!body.value(u"reply_markup").toObject().value(u"inline_keyboard").toArray().isEmpty())
            found.append(body);
    }
    return found;
}

QString FakeTelegramBot::buttonData(const QJsonObject& sendMessageBody, int index)
{
    const QJsonArray row = sendMessageBody.value(u"reply_markup").toObject().value(u"inline_keyboard").toArray().first().toArray();
    return row.at(index).toObject().value(u"callback_data").toString();
}

} // namespace sentinel::test
