// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/Duration.h"

#include <QRegularExpression>

#include <array>
#include <cmath>

namespace sentinel {

namespace {
struct Unit {
    QStringView suffix;
    qint64 ms;
};
constexpr std::array<Unit, 5> units{{{u"d", 86'400'000}, {u"h", 3'600'000}, {u"m", 60'000}, {u"s", 1'000}, {u"ms", 1}}};
} // namespace

std::optional<std::chrono::milliseconds> parseDuration(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)\s*$)"));
    const auto match = pattern.match(text.toString());
    if (!match.hasMatch())
        return std::nullopt;
    const double amount = match.capturedView(1).toDouble();
    const QStringView suffix = match.capturedView(2);
    for (const Unit& unit : units) {
        if (unit.suffix == suffix) {
            const double ms = amount * double(unit.ms);
            if (!std::isfinite(ms) || ms > 1e15)
                return std::nullopt;
            return std::chrono::milliseconds(qint64(std::llround(ms)));
        }
    }
    return std::nullopt;
}

QString formatDuration(std::chrono::milliseconds duration)
{
    const qint64 ms = duration.count();
    for (const Unit& unit : units) {
        if (ms != 0 && ms % unit.ms == 0)
            return QString::number(ms / unit.ms) + unit.suffix;
    }
    return QStringLiteral("0s");
}

} // namespace sentinel
