// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "market/Bar.h"

#include <QList>

namespace sentinel::test {

/// Five-minute bars from closes: open = close, high/low = close +/- halfRange, starting 2024-03-04 14:30Z.
inline Bars barsFromCloses(const QList<double>& closes, double halfRange = 0.5)
{
    Bars bars;
    const QDateTime start(QDate(2024, 3, 4), QTime(14, 30), Qt::UTC);
    for (qsizetype i = 0; i < closes.size(); ++i)
        bars.append(Bar{start.addSecs(300 * i), closes[i], closes[i] + halfRange, closes[i] - halfRange, closes[i], 1000});
    return bars;
}

/// `count` closes from `first`, each `step` above the one before.
inline QList<double> closesInSteps(double first, double step, int count)
{
    QList<double> closes;
    for (int i = 0; i < count; ++i)
        closes << first + step * i;
    return closes;
}

/// The 33 closes of the 14-period RSI worked example from Wilder's "New Concepts in Technical
/// Trading Systems" (1978) as reproduced by StockCharts' ChartSchool spreadsheet.
inline QList<double> wilderExampleCloses()
{
    return {44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89,
            46.03, 45.61, 46.28, 46.28, 46.00, 46.03, 46.41, 46.22, 45.64, 46.21, 46.25,
            45.71, 46.45, 45.78, 45.35, 44.03, 44.18, 44.22, 44.57, 43.42, 42.66, 43.13};
}

} // namespace sentinel::test
