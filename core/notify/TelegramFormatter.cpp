// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/TelegramFormatter.h"

#include <QLocale>

#include <algorithm>

namespace sentinel {

namespace {

bool isReservedMarkdownV2(QChar c)
{
    static constexpr char16_t reserved[] = u"_*[]()~`>#+-=|{}.!\\";
    return std::find(std::begin(reserved), std::end(reserved) - 1, c.unicode()) != std::end(reserved) - 1;
}

/// Cuts one overlong visible line into pieces of at most `width`, never between the halves
/// of a surrogate pair.
QList<QString> cutLine(const QString& plain, int width)
{
    QList<QString> pieces;
    qsizetype start = 0;
    while (start < plain.size()) {
        qsizetype end = std::min<qsizetype>(start + width, plain.size());
        if (end < plain.size() && end > start + 1 && plain.at(end - 1).isHighSurrogate())
            --end;
        pieces.append(plain.mid(start, end - start));
        start = end;
    }
    return pieces;
}

int digits(qsizetype n)
{
    return int(QString::number(n).size());
}

QList<QList<TelegramLine>> pack(const QList<TelegramLine>& lines, int room)
{
    QList<QList<TelegramLine>> parts;
    QList<TelegramLine> current;
    qsizetype used = 0;
    auto flush = [&] {
        if (!current.isEmpty())
            parts.append(current);
        current.clear();
        used = 0;
    };
    for (const TelegramLine& line : lines) {
        if (line.plain.size() > room) {
            // A line that fits no part alone is cut; each piece is plain text (entities dropped)
            // so a cut can never leave an entity unclosed.
            flush();
            const QList<QString> pieces = cutLine(line.plain, room);
            for (qsizetype i = 0; i + 1 < pieces.size(); ++i)
                parts.append({TelegramLine::text(pieces.at(i))});
            current.append(TelegramLine::text(pieces.last()));
            used = pieces.last().size();
            continue;
        }
        const qsizetype needed = (current.isEmpty() ? 0 : 1) + line.plain.size();
        if (used + needed > room)
            flush();
        used += (current.isEmpty() ? 0 : 1) + line.plain.size();
        current.append(line);
    }
    flush();
    return parts;
}

} // namespace

TelegramLine TelegramLine::text(QStringView plain)
{
    return {TelegramFormatter::escapeMarkdownV2(plain), plain.toString()};
}

TelegramLine TelegramLine::bold(QStringView plain)
{
    if (plain.isEmpty())
        return {};
    return {u'*' + TelegramFormatter::escapeMarkdownV2(plain) + u'*', plain.toString()};
}

QString TelegramFormatter::escapeMarkdownV2(QStringView text)
{
    QString escaped;
    escaped.reserve(text.size() + text.size() / 4);
    for (const QChar c : text) {
        if (isReservedMarkdownV2(c))
            escaped += u'\\';
        escaped += c;
    }
    return escaped;
}

QList<TelegramLine> TelegramFormatter::lines(const SignalMessage& signal)
{
    QList<TelegramLine> result;
    const QString price = QLocale::c().toString(signal.price, 'g', 10);
    result.append(TelegramLine::bold(QStringLiteral("%1 %2 @ %3").arg(signal.side, signal.instrumentKey, price)));
    const QStringList textLines = signal.text.split(u'\n');
    for (const QString& line : textLines) {
        QString clean = line;
        clean.remove(u'\r');
        result.append(TelegramLine::text(clean));
    }
    result.append(TelegramLine::text(QStringLiteral("signal %1").arg(signal.id)));
    return result;
}

QList<TelegramPart> TelegramFormatter::split(const QList<TelegramLine>& lines, int limit)
{
    qsizetype totalVisible = 0;
    for (const TelegramLine& line : lines)
        totalVisible += line.plain.size() + 1;
    QList<QList<TelegramLine>> parts;
    if (totalVisible - 1 <= limit) {
        parts.append(lines);
    } else {
        // The "(i/n)\n" header takes room from every part, and its width depends on n: repeat
        // until the number of parts no longer changes the header width.
        qsizetype count = 2;
        for (int guard = 0; guard < 8; ++guard) {
            const int room = limit - (2 * digits(count) + 4);
            parts = pack(lines, std::max(room, 1));
            if (digits(parts.size()) == digits(count))
                break;
            count = parts.size();
        }
    }

    QList<TelegramPart> result;
    const qsizetype n = parts.size();
    for (qsizetype i = 0; i < n; ++i) {
        QStringList markdown;
        QStringList plain;
        if (n > 1) {
            const QString header = QStringLiteral("(%1/%2)").arg(i + 1).arg(n);
            markdown.append(escapeMarkdownV2(header));
            plain.append(header);
        }
        for (const TelegramLine& line : parts.at(i)) {
            markdown.append(line.markdownV2);
            plain.append(line.plain);
        }
        result.append({markdown.join(u'\n'), plain.join(u'\n')});
    }
    return result;
}

} // namespace sentinel
