// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/TelegramKeyboard.h"

#include "common/Excerpt.h"
#include "notify/CallbackToken.h"

#include <QJsonArray>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace sentinel {

namespace {

const QString markdownV2 = QStringLiteral("MarkdownV2");

Result<QJsonObject> twoButtons(const QByteArray& key, qint64 chatId, const QString& subjectId, const QString& yesText,
                               CallbackAction yes, const QString& noText, CallbackAction no)
{
    const auto yesData = CallbackTokenCodec::encode(key, yes, subjectId, chatId);
    if (!yesData)
        return yesData.error();
    const auto noData = CallbackTokenCodec::encode(key, no, subjectId, chatId);
    if (!noData)
        return noData.error();
    const QJsonArray row{
        QJsonObject{{QStringLiteral("text"), yesText}, {QStringLiteral("callback_data"), yesData.value()}},
        QJsonObject{{QStringLiteral("text"), noText}, {QStringLiteral("callback_data"), noData.value()}},
    };
    // Not QJsonArray{row}: a braced QJsonArray holding one QJsonArray is a copy of it for clang
    // (CWG 1467), which would send the buttons as rows.
    QJsonArray rows;
    rows.append(row);
    return QJsonObject{{QStringLiteral("inline_keyboard"), rows}};
}

QJsonObject textBody(qint64 chatId, const QString& text, bool markdown)
{
    QJsonObject body{{QStringLiteral("chat_id"), chatId}, {QStringLiteral("text"), text}};
    if (markdown)
        body.insert(QStringLiteral("parse_mode"), markdownV2);
    return body;
}

QString who(const DecisionNote& note)
{
    if (!note.byUsername.isEmpty())
        return u" by @" + note.byUsername;
    if (note.byUserId != 0)
        return QStringLiteral(" by user %1").arg(note.byUserId);
    if (!note.via.isEmpty())
        return u' ' + note.via;
    return {};
}

QString when(const DecisionNote& note)
{
    if (!note.at.isValid())
        return {};
    return u" at " + note.at.toUTC().toString(QStringLiteral("HH:mm:ss")) + QStringLiteral(" UTC");
}

} // namespace

Result<QJsonObject> TelegramKeyboard::proposalMarkup(const QByteArray& key, const QString& proposalId, qint64 chatId)
{
    return twoButtons(key, chatId, proposalId, QStringLiteral("✅ Approve"), CallbackAction::Approve,
                      QStringLiteral("❌ Reject"), CallbackAction::Reject);
}

Result<QJsonObject> TelegramKeyboard::flattenMarkup(const QByteArray& key, const QString& requestId, qint64 chatId)
{
    return twoButtons(key, chatId, requestId, QStringLiteral("Confirm: close everything"), CallbackAction::FlattenConfirm,
                      QStringLiteral("Cancel"), CallbackAction::FlattenCancel);
}

QJsonObject TelegramKeyboard::noButtons()
{
    return QJsonObject{{QStringLiteral("inline_keyboard"), QJsonArray{}}};
}

QJsonObject TelegramKeyboard::sendMessageBody(qint64 chatId, const TelegramPart& part, const QJsonObject& markup, bool plainText)
{
    QJsonObject body = textBody(chatId, plainText ? part.plainText : part.markdownV2, !plainText);
    body.insert(QStringLiteral("reply_markup"), markup);
    return body;
}

QString TelegramKeyboard::number(double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("?");
    // Eight significant digits at most: a fill price with slippage applied has fifteen, and a
    // trader reads "85,474.242", not "85,474.24243878726".
    const double magnitude = std::abs(value);
    const int integerDigits = magnitude >= 1 ? int(std::floor(std::log10(magnitude))) + 1 : 1;
    const int decimals = std::clamp(8 - integerDigits, 1, 8);
    QString text = QLocale(QLocale::English, QLocale::UnitedStates).toString(value, 'f', decimals);
    while (text.endsWith(u'0') && !text.endsWith(QStringLiteral(".0")))
        text.chop(1);
    return text;
}

QString TelegramKeyboard::outcomeText(const DecisionNote& note)
{
    using Kind = DecisionNote::Kind;
    switch (note.kind) {
    case Kind::Approved: {
        QString text = u"approved" + who(note) + when(note);
        if (note.fill)
            text += u" — filled " + number(note.fill->quantity) + u" @ " + number(note.fill->price);
        return text;
    }
    case Kind::Rejected:
        return u"rejected" + who(note) + when(note);
    case Kind::Expired:
        return u"expired" + when(note);
    case Kind::DecidedOnDesktop:
        return QStringLiteral("already decided on the desktop");
    case Kind::FlattenConfirmed:
        return u"flatten confirmed" + who(note) + when(note);
    case Kind::FlattenCancelled:
        return u"flatten cancelled" + who(note) + when(note);
    case Kind::Refused:
        return u"refused" + when(note) + (note.detail.isEmpty() ? QString() : u": " + note.detail);
    }
    return {};
}

QJsonObject TelegramKeyboard::editOutcomeBody(qint64 chatId, qint64 messageId, const TelegramPart& original,
                                              const DecisionNote& note, bool plainText)
{
    const QString outcome = outcomeText(note);
    // The visible (plain) length decides whether the original still fits above the outcome.
    const bool fits = original.plainText.size() + 2 + outcome.size() <= TelegramFormatter::maxMessageLength;
    QString text;
    if (plainText)
        text = fits ? original.plainText + u"\n\n" + outcome : outcome;
    else
        text = (fits ? original.markdownV2 + u"\n\n" : QString()) + TelegramFormatter::escapeMarkdownV2(outcome);
    QJsonObject body = textBody(chatId, text, !plainText);
    body.insert(QStringLiteral("message_id"), messageId);
    // An edit without reply_markup would leave the keyboard; an empty one removes it.
    body.insert(QStringLiteral("reply_markup"), noButtons());
    return body;
}

QJsonObject TelegramKeyboard::removeButtonsBody(qint64 chatId, qint64 messageId)
{
    return QJsonObject{{QStringLiteral("chat_id"), chatId},
                       {QStringLiteral("message_id"), messageId},
                       {QStringLiteral("reply_markup"), noButtons()}};
}

QJsonObject TelegramKeyboard::answerCallbackBody(const QString& queryId, QStringView text, bool showAlert)
{
    QJsonObject body{{QStringLiteral("callback_query_id"), queryId}};
    if (!text.isEmpty())
        body.insert(QStringLiteral("text"), excerpt(text, maxAnswerLength - 1));
    if (showAlert)
        body.insert(QStringLiteral("show_alert"), true);
    return body;
}

QJsonObject TelegramKeyboard::plainMessageBody(qint64 chatId, const QString& text)
{
    return textBody(chatId, text, false);
}

} // namespace sentinel
