// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/BarCodec.h"

#include <QDataStream>
#include <QIODevice>

#include <algorithm>
#include <cmath>

namespace sentinel {

namespace {
constexpr quint8 kBarsVersion = 1;
constexpr qsizetype kBarBytes = 8 + 5 * 8;
} // namespace

bool isPlausibleBar(const Bar& bar)
{
    const double values[] = {bar.open, bar.high, bar.low, bar.close, bar.volume};
    for (const double value : values) {
        if (!std::isfinite(value) || value < 0)
            return false;
    }
    return bar.openTime.isValid() && bar.low <= bar.high && bar.low <= std::min(bar.open, bar.close)
        && bar.high >= std::max(bar.open, bar.close);
}

QByteArray encodeBars(const Bars& bars)
{
    QByteArray out;
    out.reserve(1 + 4 + bars.size() * kBarBytes);
    QDataStream stream(&out, QIODevice::WriteOnly);
    stream.setFloatingPointPrecision(QDataStream::DoublePrecision);
    stream << kBarsVersion << quint32(bars.size());
    for (const Bar& bar : bars)
        stream << qint64(bar.openTime.toMSecsSinceEpoch()) << bar.open << bar.high << bar.low << bar.close
               << bar.volume;
    return out;
}

Result<Bars> decodeBars(const QByteArray& bytes)
{
    const auto corrupt = [](const QString& what) {
        return Error{QStringLiteral("cache_corrupt"), QStringLiteral("shared cache entry: %1").arg(what),
                     QStringLiteral("the entry is ignored and fetched again; if it recurs, "
                                    "check that every desk runs the same release")};
    };
    QDataStream stream(bytes);
    stream.setFloatingPointPrecision(QDataStream::DoublePrecision);
    quint8 version = 0;
    quint32 count = 0;
    stream >> version >> count;
    if (stream.status() != QDataStream::Ok)
        return corrupt(QStringLiteral("truncated header"));
    if (version != kBarsVersion)
        return corrupt(QStringLiteral("format version %1, expected %2").arg(version).arg(kBarsVersion));
    if (qsizetype(count) * kBarBytes != bytes.size() - 5)
        return corrupt(QStringLiteral("%1 bars announced in %2 bytes").arg(count).arg(bytes.size()));
    Bars bars;
    bars.reserve(qsizetype(count));
    for (quint32 i = 0; i < count; ++i) {
        qint64 openMs = 0;
        Bar bar;
        stream >> openMs >> bar.open >> bar.high >> bar.low >> bar.close >> bar.volume;
        bar.openTime = QDateTime::fromMSecsSinceEpoch(openMs, Qt::UTC);
        if (!isPlausibleBar(bar))
            return corrupt(QStringLiteral("bar %1 has impossible prices").arg(i));
        if (!bars.isEmpty() && bar.openTime <= bars.constLast().openTime)
            return corrupt(QStringLiteral("bar %1 is out of time order").arg(i));
        bars.append(bar);
    }
    return bars;
}

} // namespace sentinel
