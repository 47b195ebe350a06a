// SPDX-License-Identifier: GPL-3.0-or-later
#include "control/ControlProtocol.h"

#include "common/Excerpt.h"
#include "common/JsonBody.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

namespace sentinel {

namespace {

Error make(const char16_t* kind, const QString& message, const QString& remedy)
{
    return Error{QString::fromUtf16(kind), message, remedy};
}

QString commandList()
{
    QStringList names;
    for (const ControlCommand command : allControlCommands())
        names.append(controlCommandName(command));
    return names.join(u", ");
}

/// The JSON object on one line of `bytes`, under the line rules both directions share. `what` is
/// "request" or "reply"; `remedy` says what the sender should do about a bad line.
Result<QJsonObject> readObjectLine(QByteArrayView bytes, qsizetype maxBytes, const QString& what, const QString& remedy)
{
    const qsizetype newline = bytes.indexOf('\n');
    if ((newline < 0 && bytes.size() > maxBytes) || newline + 1 > maxBytes)
        return make(controlError::TooLong,
                    QStringLiteral("the %1 line is over %2 bytes (%3 read)")
                        .arg(what)
                        .arg(maxBytes)
                        .arg(newline < 0 ? bytes.size() : newline + 1),
                    remedy);
    if (newline < 0)
        return make(controlError::NoNewline,
                    QStringLiteral("the %1 (%2 bytes) does not end with a newline").arg(what).arg(bytes.size()),
                    remedy);
    if (newline + 1 < bytes.size())
        return make(
            controlError::TrailingData,
            QStringLiteral("%1 bytes follow the %2 line: one line is one %2").arg(bytes.size() - newline - 1).arg(what),
            remedy);
    const QByteArray text = bytes.first(newline).toByteArray();
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return make(controlError::NotJson,
                    QStringLiteral("the %1 is not valid JSON: %2 at byte %3 of '%4'")
                        .arg(what, parseError.errorString())
                        .arg(parseError.offset)
                        .arg(excerpt(text)),
                    remedy);
    if (!document.isObject())
        return make(controlError::NotObject,
                    QStringLiteral("the %1 is %2, not a JSON object")
                        .arg(what, document.isArray() ? QStringLiteral("an array") : QStringLiteral("not an object")),
                    remedy);
    return document.object();
}

Error badField(const QString& what, const QString& key, const QString& expected, const QJsonValue& value,
               const QString& remedy)
{
    return make(controlError::BadField,
                QStringLiteral("the %1's \"%2\" is %3, not %4").arg(what, key, jsonTypeName(value), expected), remedy);
}

/// A `who` label goes into the journal and the log: bounded, and no control character that
/// could forge a line there.
std::optional<QString> whoProblem(const QString& who)
{
    if (who.trimmed().isEmpty())
        return QStringLiteral("is empty");
    if (who.size() > ControlRequest::maxWhoLength)
        return QStringLiteral("is %1 characters long, over %2").arg(who.size()).arg(ControlRequest::maxWhoLength);
    for (const QChar c : who) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
            c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph)
            return QStringLiteral("holds a control character (U+%1)").arg(int(c.unicode()), 4, 16, QLatin1Char('0'));
    }
    return std::nullopt;
}

} // namespace

QString controlCommandName(ControlCommand command)
{
    switch (command) {
    case ControlCommand::Status:
        return QStringLiteral("status");
    case ControlCommand::Pause:
        return QStringLiteral("pause");
    case ControlCommand::Resume:
        return QStringLiteral("resume");
    case ControlCommand::Flatten:
        return QStringLiteral("flatten");
    case ControlCommand::Kill:
        return QStringLiteral("kill");
    }
    return QStringLiteral("status");
}

std::optional<ControlCommand> controlCommandFromName(QStringView name)
{
    for (const ControlCommand command : allControlCommands()) {
        if (name == controlCommandName(command))
            return command;
    }
    return std::nullopt;
}

QList<ControlCommand> allControlCommands()
{
    return {ControlCommand::Status, ControlCommand::Pause, ControlCommand::Resume, ControlCommand::Flatten,
            ControlCommand::Kill};
}

bool controlCommandNeedsConfirmation(ControlCommand command)
{
    return command == ControlCommand::Flatten || command == ControlCommand::Kill;
}

QByteArray ControlRequest::toLine() const
{
    const QJsonObject object{{QStringLiteral("v"), version},
                             {QStringLiteral("command"), controlCommandName(command)},
                             {QStringLiteral("who"), who},
                             {QStringLiteral("confirm"), confirm}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

Result<ControlRequest> ControlRequest::fromLine(QByteArrayView line)
{
    const QString what = QStringLiteral("request");
    const QString remedy =
        QStringLiteral("send one line of JSON such as {\"v\":1,\"command\":\"status\",\"who\":\"cli (alice)\"} "
                       "and a newline; `sentinel control` of the same release does");
    auto read = readObjectLine(line, maxBytes, what, remedy);
    if (!read)
        return read.error();
    const QJsonObject& object = read.value();

    // The version first: a later release's request is told apart from a malformed one.
    const QJsonValue v = object.value(u"v");
    if (v.isUndefined())
        return make(controlError::MissingField, QStringLiteral("the request has no \"v\" (protocol version)"), remedy);
    if (!v.isDouble() || v.toDouble() != std::floor(v.toDouble()))
        return badField(what, QStringLiteral("v"), QStringLiteral("a whole number"), v, remedy);
    if (v.toDouble() != version)
        return make(
            controlError::WrongVersion,
            QStringLiteral("the request speaks control protocol version %1; this Trade Sentinel speaks version %2")
                .arg(v.toDouble())
                .arg(version),
            QStringLiteral("use the `sentinel` program of the same release as the running app"));

    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString& key = it.key();
        if (key != u"v" && key != u"command" && key != u"who" && key != u"confirm")
            return make(controlError::UnknownField,
                        QStringLiteral("the request has a key \"%1\" that version %2 does not have")
                            .arg(excerpt(key))
                            .arg(version),
                        QStringLiteral("send only v, command, who and confirm"));
    }

    ControlRequest request;
    const QJsonValue command = object.value(u"command");
    if (command.isUndefined())
        return make(controlError::MissingField, QStringLiteral("the request has no \"command\""), remedy);
    if (!command.isString())
        return badField(what, QStringLiteral("command"), QStringLiteral("a string"), command, remedy);
    const auto known = controlCommandFromName(command.toString());
    if (!known)
        return make(controlError::UnknownCommand,
                    QStringLiteral("unknown command '%1'").arg(excerpt(command.toString())),
                    QStringLiteral("send one of %1").arg(commandList()));
    request.command = *known;

    const QJsonValue who = object.value(u"who");
    if (who.isUndefined())
        return make(controlError::MissingField, QStringLiteral("the request has no \"who\""),
                    QStringLiteral("say who is asking, e.g. \"who\":\"cli (alice)\": the journal records it"));
    if (!who.isString())
        return badField(what, QStringLiteral("who"), QStringLiteral("a string"), who, remedy);
    request.who = who.toString();
    if (const auto problem = whoProblem(request.who))
        return make(
            controlError::BadField, QStringLiteral("the request's \"who\" %1").arg(*problem),
            QStringLiteral("send a printable label of 1 to %1 characters, e.g. \"cli (alice)\"").arg(maxWhoLength));

    const QJsonValue confirm = object.value(u"confirm");
    if (!confirm.isUndefined() && !confirm.isBool())
        return badField(what, QStringLiteral("confirm"), QStringLiteral("a boolean"), confirm, remedy);
    request.confirm = confirm.toBool(false);
    return request;
}

ControlReply ControlReply::done(const QJsonObject& fields)
{
    return ControlReply{true, false, {}, fields};
}

ControlReply ControlReply::refusal(const QString& reason, const QJsonObject& fields)
{
    return ControlReply{false, true, reason, fields};
}

ControlReply ControlReply::failure(const Error& error)
{
    return ControlReply{false, false, error.toString(), QJsonObject{{QStringLiteral("error_kind"), error.kind}}};
}

QJsonObject ControlReply::toJson() const
{
    QJsonObject object = fields;
    object.insert(QStringLiteral("ok"), ok);
    object.insert(QStringLiteral("refused"), refused);
    if (!error.isEmpty())
        object.insert(QStringLiteral("error"), error);
    else
        object.remove(QStringLiteral("error"));
    return object;
}

QByteArray ControlReply::toLine() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact) + '\n';
}

Result<ControlReply> ControlReply::fromLine(QByteArrayView line)
{
    const QString what = QStringLiteral("reply");
    const QString remedy = QStringLiteral("use the `sentinel` program of the same release as the running app");
    auto read = readObjectLine(line, maxBytes, what, remedy);
    if (!read)
        return read.error();
    QJsonObject object = std::move(read).value();

    ControlReply reply;
    const QJsonValue ok = object.take(u"ok");
    if (ok.isUndefined())
        return make(controlError::MissingField, QStringLiteral("the reply has no \"ok\""), remedy);
    if (!ok.isBool())
        return badField(what, QStringLiteral("ok"), QStringLiteral("a boolean"), ok, remedy);
    reply.ok = ok.toBool();
    const QJsonValue refused = object.take(u"refused");
    if (!refused.isUndefined() && !refused.isBool())
        return badField(what, QStringLiteral("refused"), QStringLiteral("a boolean"), refused, remedy);
    reply.refused = refused.toBool(false);
    const QJsonValue error = object.take(u"error");
    if (!error.isUndefined() && !error.isString())
        return badField(what, QStringLiteral("error"), QStringLiteral("a string"), error, remedy);
    reply.error = error.toString();
    if (reply.ok && reply.refused)
        return make(controlError::MalformedReply, QStringLiteral("the reply says both ok and refused"), remedy);
    if (!reply.ok && reply.error.isEmpty())
        return make(controlError::MalformedReply, QStringLiteral("the reply says it failed but not why (no \"error\")"),
                    remedy);
    reply.fields = object;
    return reply;
}

Status checkStatusReply(const ControlReply& reply)
{
    const QString remedy = QStringLiteral("use the `sentinel` program of the same release as the running app");
    if (!reply.ok)
        return make(controlError::MalformedReply, QStringLiteral("the status reply is not ok: %1").arg(reply.error),
                    remedy);
    struct Expected {
        const char16_t* key;
        QString type;
        bool (*holds)(const QJsonValue&);
    };
    const Expected expected[] = {
        {controlStatus::State, QStringLiteral("a string"), [](const QJsonValue& v) { return v.isString(); }},
        {controlStatus::Paused, QStringLiteral("a boolean"), [](const QJsonValue& v) { return v.isBool(); }},
        {controlStatus::Mode, QStringLiteral("a string"), [](const QJsonValue& v) { return v.isString(); }},
        {controlStatus::Pending, QStringLiteral("a whole number of at least 0"),
         [](const QJsonValue& v) {
             return v.isDouble() && v.toDouble() >= 0 && v.toDouble() == std::floor(v.toDouble());
         }},
        {controlStatus::Positions, QStringLiteral("an array"), [](const QJsonValue& v) { return v.isArray(); }},
    };
    for (const Expected& field : expected) {
        const QString key = QString::fromUtf16(field.key);
        const QJsonValue value = reply.fields.value(key);
        if (value.isUndefined())
            return make(controlError::MalformedReply, QStringLiteral("the status reply has no \"%1\"").arg(key),
                        remedy);
        if (!field.holds(value))
            return make(
                controlError::MalformedReply,
                QStringLiteral("the status reply's \"%1\" is %2, not %3").arg(key, jsonTypeName(value), field.type),
                remedy);
    }
    return okStatus();
}

} // namespace sentinel
