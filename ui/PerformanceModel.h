// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/PerformanceView.h"

#include <QAbstractTableModel>

namespace sentinel {

/// The Performance view's table (issue 17): one row for all trades, then one per strategy and one
/// per instrument, each with the report's figures. Display text is formatted for the operator;
/// Qt::UserRole gives the raw number, so sorting and tests read values, not text.
class PerformanceModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PerformanceModel)
public:
    enum Column {
        Scope,
        ClosedTrades,
        WinRate,
        Pnl,
        AverageWin,
        AverageLoss,
        ProfitFactor,
        Sharpe,
        Sortino,
        MaxDrawdown,
        Fills,
        ColumnCount
    };
    enum class Group { All, Strategy, Instrument };

    explicit PerformanceModel(QObject* parent = nullptr);

    void setReport(const PerformanceReport& report, const QString& currency);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] Group groupAt(int row) const { return m_rows.at(row).group; }
    [[nodiscard]] QString nameAt(int row) const { return m_rows.at(row).name; }
    [[nodiscard]] const PerformanceFigures& figuresAt(int row) const { return m_rows.at(row).figures; }

private:
    struct Row {
        Group group = Group::All;
        QString name;
        PerformanceFigures figures;
    };
    [[nodiscard]] QString text(const Row& row, int column) const;
    [[nodiscard]] QVariant value(const Row& row, int column) const;

    QList<Row> m_rows;
    QString m_currency;
};

} // namespace sentinel
