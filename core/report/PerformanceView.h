// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Error.h"
#include "report/PerformanceReport.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace sentinel {

/// One point of the Performance view's curves: the equity after a closed trade and how far it
/// stands below the highest equity so far.
struct EquityPoint {
    qint64 atMs = 0;     ///< when the trade closed (the first point: the window's start)
    double equity = 0;   ///< account currency
    double drawdown = 0; ///< below the running peak, a positive fraction (0 at a peak)
    friend bool operator==(const EquityPoint&, const EquityPoint&) = default;
};

/// What the Performance view shows (issue 17, ADR 0137): a report and its equity curve, worked
/// out off the UI thread, from the engine's journal or from a finished simulation.
struct PerformanceView {
    enum class Source { Journal, Simulation };
    int request = 0;               ///< the query's number; a simulation's views carry 0
    Source source = Source::Journal;
    QString description;           ///< a simulation's range, strategy and instruments; empty for the journal
    QString currency;              ///< of the P&L and equity
    PerformanceReport report;
    QList<EquityPoint> equity;
    QString error;                 ///< why there is no report; empty when there is one

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

/// The Performance view's question to the engine: the figures of its journal over a window.
struct PerformanceQuery {
    int request = 0;
    ReportWindow window;
};

/// A Save… of what the view shows: the report as JSON (`sentinel report --format json`), or with
/// a ".csv" path its closed trades (`--format csv`).
struct PerformanceSaveRequest {
    QString path;
    PerformanceReport report;
};

struct PerformanceSaveResult {
    QString path;
    QString error; ///< empty when saved
};

/// The equity at the window's start (at `window.from`, else the first closed trade's opening),
/// then after each closed trade, with the drawdown from the running peak.
[[nodiscard]] QList<EquityPoint> equityCurve(const PerformanceReport& report);

/// The view of `report`: its curve computed, the rest copied.
[[nodiscard]] PerformanceView performanceView(PerformanceReport report, PerformanceView::Source source,
                                              const QString& description = {});

/// Writes `request.report` to `request.path` (replaced only when the whole file was written).
/// Error kind `export_failed` names the path and the reason.
[[nodiscard]] Status savePerformance(const PerformanceSaveRequest& request);

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::PerformanceView)
Q_DECLARE_METATYPE(sentinel::PerformanceQuery)
Q_DECLARE_METATYPE(sentinel::PerformanceSaveRequest)
Q_DECLARE_METATYPE(sentinel::PerformanceSaveResult)
