// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/Bar.h"

#include <QList>
#include <QPair>

namespace sentinel {

/// The bars one chart shows and what is derived from them once rather than per frame: the
/// moving average, the gaps where the market was closed, where each session starts, and each
/// bar's wall-clock time in the local zone. The chart places bars side by side by index, so a
/// closed period takes no space by construction; the gaps only say where not to join lines.
class ChartSeries final
{
public:
    static constexpr int averagePeriod = 20;

    /// What merging an update changed.
    struct Merge {
        int appended = 0;
        bool correctedLast = false;
        int dropped = 0; ///< oldest bars removed to stay within the limit
    };

    /// The chart's rules for incoming bars, applied to `bars`: a bar with the newest bar's opening
    /// time corrects it, an older one is a late duplicate and is ignored (the chart never goes
    /// back in time), a newer one is appended; then the oldest go beyond `limit`.
    static Merge merge(Bars& bars, const Bars& update, int limit);

    explicit ChartSeries(int limit = 10'000);

    void setLimit(int limit) { m_limit = limit; }
    /// Replaces every bar (the newest `limit` of `bars`).
    void reset(const Bars& bars);
    Merge append(const Bars& update);

    [[nodiscard]] const Bars& bars() const { return m_bars; }
    [[nodiscard]] int size() const { return int(m_bars.size()); }
    [[nodiscard]] bool isEmpty() const { return m_bars.isEmpty(); }
    [[nodiscard]] const Bar& at(int index) const { return m_bars.at(index); }

    /// The simple moving average of the close ending at `index`; NaN while fewer than
    /// `averagePeriod` bars precede it.
    [[nodiscard]] double average(int index) const { return m_average.at(index); }
    [[nodiscard]] int averagePointCount() const { return m_averagePoints; }
    /// Index runs [first, last] along which the average is drawn as one line: broken at every gap.
    [[nodiscard]] QList<QPair<int, int>> averageRuns() const;

    /// The bar interval: the median step between consecutive bars (60 s with fewer than two).
    [[nodiscard]] qint64 intervalMs() const { return m_intervalMs; }
    /// True when the market was closed (or data is missing) between bar `index - 1` and `index`.
    [[nodiscard]] bool gapBefore(int index) const;
    /// Gaps before the bars in (`from`, `to`].
    [[nodiscard]] int gapsBetween(int from, int to) const;
    [[nodiscard]] int gapCount() const { return m_gapsUpTo.isEmpty() ? 0 : m_gapsUpTo.constLast(); }
    /// Bars that open a new session: after a gap or on a new local calendar day (intraday bars),
    /// or in a new month (daily bars). The first bar is not listed: nothing precedes it to separate.
    [[nodiscard]] const QList<int>& sessionStarts() const { return m_sessionStarts; }
    /// Decimals the prices are quoted with (read from the newest bars): 2 for most stocks, 5 for
    /// most FX pairs.
    [[nodiscard]] int priceDecimals() const { return m_priceDecimals; }

    [[nodiscard]] qint64 utcMs(int index) const { return m_utc.at(index); }
    /// The bar's opening time as local wall-clock milliseconds (UTC plus the zone's offset then).
    [[nodiscard]] qint64 localMs(int index) const { return m_local.at(index); }
    /// The bar with exactly this opening time, or -1.
    [[nodiscard]] int indexOf(const QDateTime& openTime) const;
    /// The bar whose interval holds `at` (the newest bar for anything later), or -1 before the first.
    [[nodiscard]] int indexAt(const QDateTime& at) const;

private:
    void extendDerived(int from);
    void dropDerived(int count);
    void deriveGapsAndSessions();
    void derivePriceDecimals();

    Bars m_bars;
    QList<qint64> m_utc;
    QList<qint64> m_local;
    QList<double> m_average;
    QList<int> m_gapsUpTo; ///< gaps before bars 0..i
    QList<int> m_sessionStarts;
    qint64 m_intervalMs = 60'000;
    int m_averagePoints = 0;
    int m_priceDecimals = 2;
    int m_limit;
};

} // namespace sentinel
