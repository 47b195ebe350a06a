// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/TelegramShapes.h"

#include <QRegularExpression>

namespace sentinel {

bool isBotTokenShaped(const QString& token)
{
    static const QRegularExpression shape(QStringLiteral(R"(^\d+:[A-Za-z0-9_-]{30,}$)"));
    return shape.match(token).hasMatch();
}

bool isChatIdShaped(const QString& chatId)
{
    static const QRegularExpression shape(QStringLiteral(R"(^(-?\d+|@[A-Za-z][A-Za-z0-9_]{4,})$)"));
    return shape.match(chatId.trimmed()).hasMatch();
}

} // namespace sentinel
