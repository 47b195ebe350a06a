// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/Bar.h"
#include "market/MarketCalendar.h"
#include "risk/PortfolioVar.h"

namespace sentinel {

/// The closed bars the engine holds for one instrument: fetched series merged in time order
/// (a provider answers with overlapping windows), bounded in size, plus the daily closes the
/// risk gate needs (one per trading day of the instrument's calendar).
class BarHistory
{
public:
    static constexpr qsizetype maxBars = 1000;
    static constexpr qsizetype maxDailyCloses = 400;
    static constexpr qsizetype revisableBars = 16;

    /// Merges `incoming` (oldest first); returns the bars that were new, oldest first. A held bar
    /// among the newest `revisableBars` takes the values of an incoming bar with the same open
    /// (a streamed bar replaced by the broker's candle, ADR 0120); it is not new again.
    Bars merge(const Bars& incoming, const MarketCalendar& calendar);

    [[nodiscard]] const Bars& bars() const { return m_bars; }
    [[nodiscard]] bool isEmpty() const { return m_bars.isEmpty(); }
    [[nodiscard]] const Bar& newest() const { return m_bars.constLast(); }
    /// Daily simple returns from consecutive trading days' last closes, oldest first.
    [[nodiscard]] ReturnSeries dailyReturns() const;

private:
    void revise(const Bar& bar, qint64 openMs);

    Bars m_bars;
    QList<QPair<qint64, double>> m_dailyCloses; ///< (trading day close instant ms, close)
    qint64 m_lastTradingDay = 0;
};

} // namespace sentinel
