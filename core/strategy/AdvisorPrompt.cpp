// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/AdvisorPrompt.h"

#include "common/Interval.h"
#include "strategy/StrategySupport.h"

#include <QCryptographicHash>
#include <QStringList>

#include <algorithm>

namespace sentinel {

namespace {

const QString kSystem = QStringLiteral(
    "You advise a human trader on one instrument. You never trade: the trader approves every trade, after the "
    "app's freshness and risk checks size and limit it. Answer with one JSON object with exactly these keys: "
    "action (\"buy\", \"sell\" or \"hold\"), confidence (a number from 0 to 1), horizon (a short phrase such as "
    "\"intraday\" or \"3 days\"), stop (a stop price, or null), reason (one or two plain sentences). Answer hold "
    "when the data do not clearly favour a trade. Sell closes a long position; the app opens no short positions.");

QString number(double value)
{
    return QString::number(value, 'g', 8);
}

QString percent(double fraction)
{
    return QString::number(fraction * 100, 'g', 4) + QStringLiteral(" %");
}

QString positionLine(const PositionState& position)
{
    if (position.isFlat())
        return QStringLiteral("position: flat");
    return QStringLiteral("position: %1 %2 at %3")
        .arg(position.isLong() ? QStringLiteral("long") : QStringLiteral("short"), number(std::abs(position.quantity)),
             strategy::formatPrice(position.averagePrice));
}

QString barLine(const Bar& bar)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6")
        .arg(bar.openTime.toUTC().toString(Qt::ISODate), strategy::formatPrice(bar.open),
             strategy::formatPrice(bar.high), strategy::formatPrice(bar.low), strategy::formatPrice(bar.close),
             number(bar.volume));
}

} // namespace

advisor::AdviceRequest buildAdvicePrompt(const PromptInput& input)
{
    const Instrument& instrument = input.instrument;
    QStringList lines;
    lines << QStringLiteral("instrument: %1 (%2, %3 bars)")
                 .arg(instrument.symbol, instrument.market, intervalName(instrument.interval));
    lines << positionLine(input.position);
    lines << QStringLiteral("risk limits: position at most %1 of equity; portfolio VaR at most %2 of equity")
                 .arg(percent(input.limits.maxPositionPct), percent(input.limits.maxVarPct));
    const qsizetype shown = std::min<qsizetype>(std::max(input.historyBars, 0), input.closedBars.size());
    lines << QStringLiteral("last %1 closed bars, oldest first (UTC open time, open, high, low, close, volume):").arg(shown);
    for (qsizetype i = input.closedBars.size() - shown; i < input.closedBars.size(); ++i)
        lines << barLine(input.closedBars[i]);
    QStringList leftOut;
    for (const ContextSection& section : input.context) {
        if (section.present())
            lines << section.text;
        else
            leftOut << QStringLiteral("%1 (%2)").arg(section.source, section.leftOutBecause);
    }
    if (!leftOut.isEmpty())
        lines << QStringLiteral("not available: ") + leftOut.join(QStringLiteral("; "));
    return advisor::AdviceRequest{kSystem, lines.join(u'\n')};
}

QString promptSha256(const advisor::AdviceRequest& request)
{
    const QByteArray text = (request.system + QStringLiteral("\n\n") + request.user).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}

} // namespace sentinel
