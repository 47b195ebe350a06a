// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/CallbackToken.h"

#include "common/ConstantTime.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace sentinel {

namespace {

constexpr QByteArray::Base64Options base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

bool isSubjectChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-';
}

bool isSubjectId(QStringView id)
{
    if (id.isEmpty() || id.size() > CallbackTokenCodec::maxSubjectIdLength)
        return false;
    return std::all_of(id.begin(), id.end(), isSubjectChar);
}

bool isTagChar(QChar c)
{
    return isSubjectChar(c) || c == u'_';
}

std::optional<CallbackAction> actionOf(QChar letter)
{
    switch (letter.unicode()) {
    case u'a':
        return CallbackAction::Approve;
    case u'r':
        return CallbackAction::Reject;
    case u'f':
        return CallbackAction::FlattenConfirm;
    case u'c':
        return CallbackAction::FlattenCancel;
    default:
        return std::nullopt;
    }
}

/// The tag's bytes. The signed text separates its fields with '|', which neither the letter nor
/// a subject id nor a decimal chat id can contain, and starts with a version so a future layout
/// cannot be confused with this one.
QByteArray tagOf(const QByteArray& key, CallbackAction action, QStringView subjectId, qint64 chatId)
{
    const QByteArray message = QByteArrayLiteral("ts-callback-v1|") + CallbackTokenCodec::letter(action).toLatin1() + '|'
        + subjectId.toLatin1() + '|' + QByteArray::number(chatId);
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256).left(CallbackTokenCodec::tagBytes);
}

} // namespace

QByteArray CallbackTokenCodec::newKey()
{
    QByteArray key(keyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(key.begin(), key.end());
    return key;
}

QByteArray CallbackTokenCodec::deriveKey(const QString& botToken)
{
    return QMessageAuthenticationCode::hash(QByteArrayLiteral("ts-callback-key-v1"), botToken.toUtf8(),
                                            QCryptographicHash::Sha256);
}

QChar CallbackTokenCodec::letter(CallbackAction action)
{
    switch (action) {
    case CallbackAction::Approve:
        return u'a';
    case CallbackAction::Reject:
        return u'r';
    case CallbackAction::FlattenConfirm:
        return u'f';
    case CallbackAction::FlattenCancel:
        return u'c';
    }
    return u'?';
}

QString CallbackTokenCodec::verdictName(CallbackVerdict verdict)
{
    switch (verdict) {
    case CallbackVerdict::Ok:
        return QStringLiteral("ok");
    case CallbackVerdict::Malformed:
        return QStringLiteral("malformed");
    case CallbackVerdict::Forged:
        return QStringLiteral("forged");
    case CallbackVerdict::WrongChat:
        return QStringLiteral("wrong_chat");
    case CallbackVerdict::WrongMessage:
        return QStringLiteral("wrong_message");
    }
    return QStringLiteral("malformed");
}

Result<QString> CallbackTokenCodec::encode(const QByteArray& key, CallbackAction action, QStringView subjectId, qint64 chatId)
{
    if (key.size() < minKeyBytes)
        return Error{QStringLiteral("invalid_key"),
                     QStringLiteral("the callback key is %1 bytes; at least %2 are needed").arg(key.size()).arg(minKeyBytes),
                     QStringLiteral("use CallbackTokenCodec::newKey() once per desk and keep it")};
    if (!isSubjectId(subjectId))
        return Error{QStringLiteral("invalid_subject"),
                     QStringLiteral("a button's subject id must be 1 to %1 of A-Z, a-z, 0-9 and '-'").arg(maxSubjectIdLength),
                     QStringLiteral("pass the proposal's UUID")};
    const QString data = letter(action) + u':' + subjectId + u':'
        + QString::fromLatin1(tagOf(key, action, subjectId, chatId).toBase64(base64url));
    // Cannot happen with the limits above (at most 1 + 1 + 36 + 1 + 22 = 61 bytes); checked so a
    // change to them cannot make Telegram refuse every proposal.
    if (data.toUtf8().size() > maxDataBytes)
        return Error{QStringLiteral("invalid_subject"), QStringLiteral("callback data would exceed 64 bytes"), {}};
    return data;
}

std::optional<CallbackToken> CallbackTokenCodec::decode(QStringView data)
{
    if (data.size() < 5 || data.size() > maxDataBytes || data.at(1) != u':')
        return std::nullopt;
    const auto action = actionOf(data.at(0));
    const qsizetype tagColon = data.lastIndexOf(u':');
    if (!action || tagColon <= 2)
        return std::nullopt;
    const QStringView subject = data.mid(2, tagColon - 2);
    const QStringView tag = data.mid(tagColon + 1);
    if (!isSubjectId(subject) || tag.size() != tagChars || !std::all_of(tag.begin(), tag.end(), isTagChar))
        return std::nullopt;
    return CallbackToken{*action, subject.toString()};
}

CallbackCheck CallbackTokenCodec::verify(const QByteArray& key, QStringView data, qint64 boundChatId, qint64 pressChatId,
                                         qint64 pressMessageId, const MessageLookup& recordedMessageId)
{
    CallbackCheck check;
    const auto token = decode(data);
    if (!token || key.size() < minKeyBytes)
        return check;
    check.token = *token;
    const QByteArray given = data.mid(data.lastIndexOf(u':') + 1).toLatin1();
    const QByteArray expected = tagOf(key, token->action, token->subjectId, boundChatId).toBase64(base64url);
    if (!equalInConstantTime(given, expected)) {
        check.verdict = CallbackVerdict::Forged;
        return check;
    }
    if (pressChatId != boundChatId) {
        check.verdict = CallbackVerdict::WrongChat;
        return check;
    }
    const std::optional<qint64> recorded = recordedMessageId ? recordedMessageId(*token) : std::nullopt;
    check.verdict = recorded && *recorded == pressMessageId ? CallbackVerdict::Ok : CallbackVerdict::WrongMessage;
    return check;
}

} // namespace sentinel
