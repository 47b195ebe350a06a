// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace sentinel::test {

/// A strict reader of the MarkdownV2 subset the formatter writes (escapes and *bold*), written
/// from the Bot API rules: every reserved character outside an entity marker must be escaped.
/// Returns the visible text, or nullopt where Telegram would answer "can't parse entities".
inline std::optional<QString> parseMarkdownV2(const QString& text)
{
    static const QString reserved = QStringLiteral("_*[]()~`>#+-=|{}.!\\");
    QString visible;
    bool bold = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\') {
            if (i + 1 >= text.size() || text.at(i + 1).unicode() > 126)
                return std::nullopt;
            visible += text.at(++i);
        } else if (c == u'*') {
            bold = !bold;
        } else if (reserved.contains(c)) {
            return std::nullopt;
        } else {
            visible += c;
        }
    }
    if (bold)
        return std::nullopt;
    return visible;
}

} // namespace sentinel::test
