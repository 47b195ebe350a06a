// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PerformanceModel.h"

#include "ui/Format.h"

#include <QLocale>

namespace sentinel {

PerformanceModel::PerformanceModel(QObject* parent) : QAbstractTableModel(parent) {}

void PerformanceModel::setReport(const PerformanceReport& report, const QString& currency)
{
    beginResetModel();
    m_currency = currency;
    m_rows.clear();
    m_rows.append({Group::All, {}, report.total});
    for (auto it = report.byStrategy.cbegin(); it != report.byStrategy.cend(); ++it)
        m_rows.append({Group::Strategy, it.key(), it.value()});
    for (auto it = report.byInstrument.cbegin(); it != report.byInstrument.cend(); ++it)
        m_rows.append({Group::Instrument, it.key(), it.value()});
    endResetModel();
}

int PerformanceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PerformanceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PerformanceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(row, index.column());
    case Qt::UserRole:
        return value(row, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == Scope ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == ProfitFactor && !row.figures.profitFactor)
            return tr("No losing trade: gross profit cannot be divided by a gross loss of zero");
        if (index.column() == Sharpe || index.column() == Sortino)
            return tr("On daily returns, annualised with √252; 0 with fewer than two days or no deviation");
        if (index.column() == Scope && row.group == Group::Instrument)
            return row.name;
        return {};
    default:
        return {};
    }
}

QString PerformanceModel::text(const Row& row, int column) const
{
    const PerformanceFigures& f = row.figures;
    const QLocale locale;
    switch (column) {
    case Scope:
        switch (row.group) {
        case Group::All:
            return tr("All trades");
        case Group::Strategy:
            return tr("Strategy %1").arg(row.name);
        case Group::Instrument:
            return Format::instrumentKey(row.name);
        }
        return {};
    case ClosedTrades:
        return locale.toString(f.closedTrades);
    case WinRate:
        return f.closedTrades == 0 ? QStringLiteral("—") : Format::percent(f.winRate);
    case Pnl:
        return Format::profit(f.pnl, m_currency);
    case AverageWin:
        return f.wins == 0 ? QStringLiteral("—") : Format::money(f.averageWin, m_currency);
    case AverageLoss:
        return f.grossLoss > 0 ? Format::money(f.averageLoss, m_currency) : QStringLiteral("—"); // break-evens are not losses
    case ProfitFactor:
        return f.profitFactor ? locale.toString(*f.profitFactor, 'f', 2) : QStringLiteral("—");
    case Sharpe:
        return locale.toString(f.sharpe, 'f', 2);
    case Sortino:
        return locale.toString(f.sortino, 'f', 2);
    case MaxDrawdown:
        return Format::percent(f.maxDrawdown);
    case Fills:
        return locale.toString(f.trades);
    default:
        return {};
    }
}

QVariant PerformanceModel::value(const Row& row, int column) const
{
    const PerformanceFigures& f = row.figures;
    switch (column) {
    case Scope:
        return row.name;
    case ClosedTrades:
        return f.closedTrades;
    case WinRate:
        return f.winRate;
    case Pnl:
        return f.pnl;
    case AverageWin:
        return f.averageWin;
    case AverageLoss:
        return f.averageLoss;
    case ProfitFactor:
        return f.profitFactor ? QVariant(*f.profitFactor) : QVariant();
    case Sharpe:
        return f.sharpe;
    case Sortino:
        return f.sortino;
    case MaxDrawdown:
        return f.maxDrawdown;
    case Fills:
        return f.trades;
    default:
        return {};
    }
}

QVariant PerformanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ClosedTrades:
            return tr("Round trips: units opened and closed again");
        case WinRate:
            return tr("Share of closed trades with a profit after fees");
        case ProfitFactor:
            return tr("Gross profit ÷ gross loss");
        case MaxDrawdown:
            return tr("Largest fall from an equity peak");
        case Fills:
            return tr("Fills: every order the platform executed");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Scope:
        return tr("Scope");
    case ClosedTrades:
        return tr("Closed");
    case WinRate:
        return tr("Win rate");
    case Pnl:
        return tr("P&L");
    case AverageWin:
        return tr("Avg win");
    case AverageLoss:
        return tr("Avg loss");
    case ProfitFactor:
        return tr("Profit factor");
    case Sharpe:
        return tr("Sharpe");
    case Sortino:
        return tr("Sortino");
    case MaxDrawdown:
        return tr("Max DD");
    case Fills:
        return tr("Fills");
    default:
        return {};
    }
}

} // namespace sentinel
