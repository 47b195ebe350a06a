// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PositionModel.h"

#include "ui/Format.h"
#include "ui/Theme.h"

#include <QGuiApplication>
#include <QLocale>

#include <cmath>

namespace sentinel {

PositionModel::PositionModel(QObject* parent) : KeyedTableModel(parent)
{
}

int PositionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PositionModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PositionView& p = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case InstrumentColumn:
            return Format::instrumentKey(p.instrumentKey);
        case SideColumn:
            return p.quantity < 0 ? tr("Short") : tr("Long");
        case QuantityColumn:
            return Format::quantity(p.quantity);
        case AveragePriceColumn:
            return Format::price(p.averagePrice);
        case MarketPriceColumn:
            return Format::price(p.marketPrice);
        case PnlColumn:
            return Format::profit(p.unrealizedPnl, m_currency);
        case PnlPercentColumn: {
            // Against what the position cost: the average price times the units held.
            const double cost = std::abs(p.quantity) * p.averagePrice;
            if (!(cost > 0))
                return QStringLiteral("—");
            const double fraction = p.unrealizedPnl / cost;
            const QString text = Format::percent(std::abs(fraction), 2);
            return std::abs(fraction) < 0.00005 ? text
                                                : (fraction > 0 ? QLocale().positiveSign() : QLocale().negativeSign()) + text;
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == InstrumentColumn)
            return p.instrumentKey;
        if (index.column() == QuantityColumn)
            return p.quantity < 0 ? tr("Short %1").arg(Format::quantity(-p.quantity))
                                  : tr("Long %1").arg(Format::quantity(p.quantity));
        return {};
    case Qt::ForegroundRole:
        if ((index.column() == PnlColumn || index.column() == PnlPercentColumn) && p.unrealizedPnl >= 0.005)
            return Theme::positiveColor(QGuiApplication::palette());
        if ((index.column() == PnlColumn || index.column() == PnlPercentColumn) && p.unrealizedPnl <= -0.005)
            return Theme::negativeColor(QGuiApplication::palette());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() != InstrumentColumn && index.column() != SideColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case InstrumentKeyRole:
        return p.instrumentKey;
    default:
        return {};
    }
}

QVariant PositionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case InstrumentColumn:
        return tr("Instrument");
    case SideColumn:
        return tr("Side");
    case QuantityColumn:
        return tr("Quantity");
    case AveragePriceColumn:
        return tr("Avg. price");
    case MarketPriceColumn:
        return tr("Market price");
    case PnlColumn:
        return tr("Unrealised P&L");
    case PnlPercentColumn:
        return tr("P&L %");
    default:
        return {};
    }
}

void PositionModel::applyPortfolio(const PortfolioView& portfolio)
{
    const bool currencyChanged = portfolio.currency != m_currency;
    m_currency = portfolio.currency;
    sync(portfolio.positions);
    if (currencyChanged && rowCount() > 0)
        Q_EMIT dataChanged(index(0, PnlColumn), index(rowCount() - 1, PnlPercentColumn));
}

} // namespace sentinel
