// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/NetLimits.h"

#include <QLocale>

#include <algorithm>

namespace sentinel::net {

std::chrono::seconds clampServerWait(qint64 seconds)
{
    return std::chrono::seconds(std::clamp<qint64>(seconds, 0, maxServerWait.count()));
}

std::chrono::seconds clampServerWait(double seconds)
{
    if (!(seconds < double(maxServerWait.count())))
        return maxServerWait; // also NaN and +infinity
    if (!(seconds > 0))
        return std::chrono::seconds(0); // -1e300 would not fit a qint64
    return clampServerWait(qint64(seconds));
}

std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray& value, const QDateTime& now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    // toLongLong refuses what does not fit; a number too long for it is still "very long".
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return clampServerWait(seconds);
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return maxServerWait;
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT".
    QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!at.isValid())
        return std::nullopt;
    at.setTimeSpec(Qt::UTC);
    return clampServerWait(now.secsTo(at));
}

} // namespace sentinel::net
