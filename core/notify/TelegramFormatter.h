// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notify/SignalMessage.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace sentinel {

/// One Telegram message: the MarkdownV2 form that is sent first, and the plain form that is
/// sent when Telegram still cannot parse the entities.
struct TelegramPart {
    QString markdownV2;
    QString plainText;
};

/// One line of a message before splitting. `markdownV2` may carry entities (bold); its visible
/// text is `plain`, which is what Telegram's length limit counts.
struct TelegramLine {
    QString markdownV2;
    QString plain;

    static TelegramLine text(QStringView plain);
    static TelegramLine bold(QStringView plain);
};

/// Turns signals into Telegram messages that cannot break delivery: every reserved MarkdownV2
/// character is escaped, and a text longer than Telegram's limit (4096 characters after
/// entity parsing) is split on line boundaries into parts numbered "(1/3)". Pure functions.
class TelegramFormatter final
{
public:
    static constexpr int maxMessageLength = 4096;

    /// Escapes `_*[]()~`>#+-=|{}.!` and backslash with a preceding backslash.
    [[nodiscard]] static QString escapeMarkdownV2(QStringView text);

    /// The lines of a signal: a bold headline, the free text, and the signal id.
    [[nodiscard]] static QList<TelegramLine> lines(const SignalMessage& signal);

    /// Splits lines into parts whose visible length (numbering included) is at most `limit`.
    /// A single line longer than the limit is cut into plain pieces (never inside a surrogate
    /// pair). More than one part: each starts with "(i/n)".
    [[nodiscard]] static QList<TelegramPart> split(const QList<TelegramLine>& lines,
                                                   int limit = maxMessageLength);

    [[nodiscard]] static QList<TelegramPart> render(const SignalMessage& signal,
                                                    int limit = maxMessageLength)
    {
        return split(lines(signal), limit);
    }
};

} // namespace sentinel
