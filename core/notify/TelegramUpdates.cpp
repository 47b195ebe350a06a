// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/TelegramUpdates.h"

#include "common/Excerpt.h"
#include "common/JsonBody.h"
#include "notify/TelegramCommands.h"
#include "notify/TelegramReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QVariant>

#include <limits>

namespace sentinel {

namespace {

using Kind = TelegramReply::Kind;

const QString service = QStringLiteral("the Telegram Bot API");

Error make(const char16_t* kind, const QString& message, const QString& remedy)
{
    return Error{QString::fromUtf16(kind), message, remedy};
}

Error badField(const QString& path, const QString& what)
{
    return make(telegramUpdate::InvalidField, path + u' ' + what,
                QStringLiteral("the update is skipped; report it if Telegram keeps sending it"));
}

Error missingField(const QString& path)
{
    return make(telegramUpdate::MissingField, path + QStringLiteral(" is missing"),
                QStringLiteral("the update is skipped; report it if Telegram keeps sending it"));
}

/// A short, safe rendering of a JSON value for an error message: a string or a number as
/// written (an excerpt), anything else by its type.
QString shown(const QJsonValue& value)
{
    if (value.isString())
        return u'\'' + excerpt(value.toString()) + u'\'';
    if (value.isDouble())
        return value.toVariant().typeId() == QMetaType::LongLong ? QString::number(value.toInteger())
                                                                 : QString::number(value.toDouble(), 'g', 17);
    return jsonTypeName(value);
}

/// Member readers that name the member's path in every error.
class Fields
{
public:
    Fields(QJsonObject object, QString path) : m_object(std::move(object)), m_path(std::move(path)) {}

    [[nodiscard]] QString path(QStringView key) const { return m_path + u'.' + key; }
    [[nodiscard]] bool has(QStringView key) const { return m_object.contains(key); }

    /// A whole JSON number in [min, max]. Qt keeps integers that fit int64 as integers; a
    /// fraction, an exponent form or a number beyond int64 arrives as a double and is refused.
    [[nodiscard]] Result<qint64> integer(QStringView key, qint64 min, qint64 max) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return missingField(path(key));
        if (!value.isDouble() || value.toVariant().typeId() != QMetaType::LongLong)
            return badField(path(key), shown(value) + QStringLiteral(" is not a whole number in the int64 range"));
        const qint64 number = value.toInteger();
        if (number < min || number > max)
            return badField(path(key), QStringLiteral("%1 is outside [%2, %3]").arg(number).arg(min).arg(max));
        return number;
    }

    /// A non-zero id of at most 52 bits plus a sign (Telegram's User.id and Chat.id).
    [[nodiscard]] Result<qint64> id(QStringView key, bool positive) const
    {
        auto value = integer(key, positive ? 1 : -TelegramUpdates::maxIdMagnitude, TelegramUpdates::maxIdMagnitude);
        if (value && value.value() == 0)
            return badField(path(key), QStringLiteral("0 is not an id"));
        return value;
    }

    [[nodiscard]] Result<QString> string(QStringView key, qsizetype maxLength) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return missingField(path(key));
        if (!value.isString())
            return badField(path(key), shown(value) + QStringLiteral(" is not a string"));
        QString text = value.toString();
        if (text.size() > maxLength)
            return badField(path(key), QStringLiteral("is %1 characters long, more than %2").arg(text.size()).arg(maxLength));
        return text;
    }

    [[nodiscard]] Result<Fields> object(QStringView key) const
    {
        const QJsonValue value = m_object.value(key);
        if (value.isUndefined())
            return missingField(path(key));
        if (!value.isObject())
            return badField(path(key), shown(value) + QStringLiteral(" is not an object"));
        return Fields(value.toObject(), path(key));
    }

private:
    QJsonObject m_object;
    QString m_path;
};

struct Sender {
    qint64 userId = 0;
    QString username;
};

/// `from`: the id, and the username when there is one (Telegram: 5 to 32 of [A-Za-z0-9_]).
Result<Sender> readSender(const Fields& parent)
{
    const auto from = parent.object(u"from");
    if (!from)
        return from.error();
    const auto userId = from->id(u"id", true);
    if (!userId)
        return userId.error();
    Sender sender{userId.value(), {}};
    if (from->has(u"username")) {
        const auto username = from->string(u"username", 32);
        if (!username)
            return username.error();
        static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_]{1,32}$"));
        if (!shape.match(username.value()).hasMatch())
            return badField(from->path(u"username"), u'\'' + excerpt(username.value()) + QStringLiteral("' is not a Telegram username"));
        sender.username = username.value();
    }
    return sender;
}

struct Place {
    qint64 chatId = 0;
    qint64 messageId = 0;
};

/// A message's chat id and message id (also all an InaccessibleMessage carries).
Result<Place> readPlace(const Fields& message)
{
    const auto chat = message.object(u"chat");
    if (!chat)
        return chat.error();
    const auto chatId = chat->id(u"id", false);
    if (!chatId)
        return chatId.error();
    const auto messageId = message.id(u"message_id", true);
    if (!messageId)
        return messageId.error();
    return Place{chatId.value(), messageId.value()};
}

/// Sender and place, the part a press and a command share.
struct Origin {
    Sender sender;
    Place place;
};

Result<Origin> readOrigin(const Fields& senderParent, const Result<Fields>& message)
{
    const auto sender = readSender(senderParent);
    if (!sender)
        return sender.error();
    if (!message)
        return message.error();
    const auto place = readPlace(message.value());
    if (!place)
        return place.error();
    return Origin{sender.value(), place.value()};
}

Result<TelegramUpdate> readCallback(const Fields& query, qint64 updateId)
{
    // A press on a message sent in inline mode has no message and no chat: never one of ours.
    if (!query.has(u"message") && query.has(u"inline_message_id"))
        return TelegramUpdate{OtherUpdate{updateId}};
    // A game's play button carries a short name instead of data: not one of ours either.
    if (!query.has(u"data") && query.has(u"game_short_name"))
        return TelegramUpdate{OtherUpdate{updateId}};
    const auto queryId = query.string(u"id", TelegramUpdates::maxQueryIdLength);
    if (!queryId)
        return queryId.error();
    if (queryId->isEmpty())
        return badField(query.path(u"id"), QStringLiteral("is empty"));
    const auto origin = readOrigin(query, query.object(u"message"));
    if (!origin)
        return origin.error();
    // Telegram limits bytes; a string longer in characters is refused before it is encoded.
    const auto data = query.string(u"data", TelegramUpdates::maxCallbackDataBytes);
    if (!data)
        return data.error();
    const qsizetype bytes = data->toUtf8().size();
    if (bytes < 1 || bytes > TelegramUpdates::maxCallbackDataBytes)
        return badField(query.path(u"data"),
                        QStringLiteral("is %1 bytes long; callback data is 1 to %2 bytes").arg(bytes).arg(TelegramUpdates::maxCallbackDataBytes));
    CallbackPress press;
    press.updateId = updateId;
    press.queryId = queryId.value();
    press.fromUserId = origin->sender.userId;
    press.fromUsername = origin->sender.username;
    press.chatId = origin->place.chatId;
    press.messageId = origin->place.messageId;
    press.data = data.value();
    return TelegramUpdate{press};
}

Result<TelegramUpdate> readMessage(const Fields& message, qint64 updateId)
{
    // Photos, stickers, joins and other messages without text are not commands.
    if (!message.has(u"text"))
        return TelegramUpdate{OtherUpdate{updateId}};
    const auto text = message.string(u"text", TelegramUpdates::maxTextLength);
    if (!text)
        return text.error();
    const auto split = TelegramCommands::split(text.value());
    if (!split)
        return TelegramUpdate{OtherUpdate{updateId}};
    const auto origin = readOrigin(message, Result<Fields>(message));
    if (!origin)
        return origin.error();
    CommandMessage command;
    command.updateId = updateId;
    command.fromUserId = origin->sender.userId;
    command.fromUsername = origin->sender.username;
    command.chatId = origin->place.chatId;
    command.messageId = origin->place.messageId;
    command.command = split->name;
    command.botSuffix = split->botSuffix;
    command.args = split->args;
    return TelegramUpdate{command};
}

/// The payload of an update whose update_id was read already.
Result<TelegramUpdate> readPayload(const QJsonObject& object, qint64 updateId, const QString& path)
{
    // The Bot API sends at most one payload per update; two (as in a hand-merged sample) leave
    // no way to tell which one to act on.
    QStringList payloads = object.keys();
    payloads.removeAll(QStringLiteral("update_id"));
    if (payloads.size() > 1)
        return make(telegramUpdate::UnexpectedShape,
                    QStringLiteral("%1 carries %2 payloads (%3); an update has at most one")
                        .arg(path)
                        .arg(payloads.size())
                        .arg(excerpt(payloads.join(u", "))),
                    QStringLiteral("the update is skipped; check telegram.api_base_url points at the Bot API"));
    const Fields update(object, path);
    if (object.contains(u"callback_query")) {
        const auto query = update.object(u"callback_query");
        if (!query)
            return query.error();
        return readCallback(query.value(), updateId);
    }
    // Edits are not commands: editing "/pause" into "/flatten" must not flatten.
    if (object.contains(u"message")) {
        const auto message = update.object(u"message");
        if (!message)
            return message.error();
        return readMessage(message.value(), updateId);
    }
    return TelegramUpdate{OtherUpdate{updateId}};
}

constexpr qint64 maxUpdateId = std::numeric_limits<qint64>::max() - 1;

/// Reads the update at `index`, appending it to `batch` or to its skipped list.
void readOne(const QJsonValue& value, const QString& path, int index, qint64 requestedOffset, UpdateBatch& batch,
             qint64& previousId)
{
    if (!value.isObject()) {
        batch.skipped.append({index, 0, badField(path, shown(value) + QStringLiteral(" is not an Update object"))});
        return;
    }
    const QJsonObject object = value.toObject();
    const auto updateId = Fields(object, path).integer(u"update_id", 1, maxUpdateId);
    if (!updateId) {
        batch.skipped.append({index, 0, updateId.error()});
        return;
    }
    const qint64 id = updateId.value();
    batch.lastUpdateId = std::max(batch.lastUpdateId, id);
    if (id <= previousId || id < requestedOffset) {
        const QString why = id <= previousId
            ? QStringLiteral("%1.update_id %2 is not above the update before it (%3)").arg(path).arg(id).arg(previousId)
            : QStringLiteral("%1.update_id %2 is below the offset asked for (%3): it was confirmed already").arg(path).arg(id).arg(requestedOffset);
        batch.skipped.append({index, id, make(telegramUpdate::OutOfOrder, why,
                                              QStringLiteral("the update is not acted on twice; check that one poller uses this bot"))});
        return;
    }
    previousId = id;
    auto update = readPayload(object, id, path);
    if (update)
        batch.updates.append(std::move(update).value());
    else
        batch.skipped.append({index, id, update.error()});
}

Error refusal(const TelegramReply& reply)
{
    switch (reply.kind) {
    case Kind::Conflict:
        return Error{QStringLiteral("telegram_conflict"), reply.summary(),
                     QStringLiteral("only one program may poll a bot: stop the other instance, or delete its webhook (deleteWebhook)")};
    case Kind::RetryAfter:
        return Error{QStringLiteral("rate_limited"), reply.summary(),
                     QStringLiteral("Telegram asks to wait %1 s before polling again").arg(reply.retryAfterSeconds)};
    case Kind::Unauthorized:
        return Error{QStringLiteral("invalid_config"), reply.summary(),
                     QStringLiteral("set telegram.bot_token to the token @BotFather gave you (it may have been revoked)")};
    case Kind::ServerError:
        return Error{QStringLiteral("server_error"), reply.summary(), QStringLiteral("Telegram is having trouble; polling is retried with back-off")};
    case Kind::Ok:
    case Kind::Malformed:
    case Kind::ParseError:
    case Kind::ChatMigrated:
    case Kind::ChatNotFound:
    case Kind::Forbidden:
    case Kind::TooLong:
    case Kind::BadRequest:
        break;
    }
    return Error{QStringLiteral("telegram_error"), reply.summary(), QStringLiteral("getUpdates was refused; polling is retried with back-off")};
}

} // namespace

qint64 updateIdOf(const TelegramUpdate& update)
{
    return std::visit([](const auto& value) { return value.updateId; }, update);
}

Issue SkippedUpdate::toIssue() const
{
    return Issue(Issue::Severity::Warning, QStringLiteral("telegram.updates"), error.message, error.remedy);
}

Result<UpdateBatch> TelegramUpdates::fromReply(const TelegramReply& reply, qint64 requestedOffset)
{
    if (reply.kind != Kind::Ok)
        return refusal(reply);
    if (!reply.result.isArray())
        return make(telegramUpdate::UnexpectedShape,
                    QStringLiteral("result is %1, not an array of updates").arg(shown(reply.result)),
                    QStringLiteral("check telegram.api_base_url points at the Bot API"));
    const QJsonArray result = reply.result.toArray();
    if (result.size() > maxUpdates)
        return make(telegramUpdate::TooManyUpdates,
                    QStringLiteral("result holds %1 updates; getUpdates returns at most %2").arg(result.size()).arg(maxUpdates),
                    QStringLiteral("check telegram.api_base_url points at the Bot API"));
    UpdateBatch batch;
    qint64 previousId = 0;
    for (int index = 0; index < result.size(); ++index)
        readOne(result.at(index), QStringLiteral("result[%1]").arg(index), index, requestedOffset, batch, previousId);
    return batch;
}

Result<UpdateBatch> TelegramUpdates::parse(int httpStatus, const QByteArray& body, qint64 requestedOffset)
{
    if (body.size() > maxBodyBytes)
        return make(telegramUpdate::BodyTooLarge,
                    QStringLiteral("the getUpdates answer is %1 bytes, more than %2").arg(body.size()).arg(maxBodyBytes),
                    QStringLiteral("check telegram.api_base_url points at the Bot API"));
    const TelegramReply reply = TelegramReply::classify(httpStatus, body);
    if (reply.kind == Kind::Malformed) {
        QJsonParseError parseError{};
        (void)QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return classifyNonJsonBody(body, parseError, service);
        return make(telegramUpdate::UnexpectedShape,
                        QStringLiteral("the body is JSON but not a Bot API answer (no boolean \"ok\")"),
                        QStringLiteral("check telegram.api_base_url points at the Bot API"));
    }
    return fromReply(reply, requestedOffset);
}

Result<TelegramUpdate> TelegramUpdates::parseUpdate(const QByteArray& body)
{
    if (body.size() > maxBodyBytes)
        return make(telegramUpdate::BodyTooLarge, QStringLiteral("the update is %1 bytes").arg(body.size()),
                    QStringLiteral("check what sends it"));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return classifyNonJsonBody(body, parseError, service);
    UpdateBatch batch;
    qint64 previousId = 0;
    readOne(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()), QStringLiteral("update"), 0, 0,
            batch, previousId);
    if (!batch.skipped.isEmpty())
        return batch.skipped.constFirst().error;
    return batch.updates.constFirst();
}

} // namespace sentinel
