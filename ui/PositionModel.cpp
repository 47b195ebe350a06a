// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PositionModel.h"

#include "ui/Format.h"
#include "ui/Theme.h"

#include <QGuiApplication>

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
        case QuantityColumn:
            return Format::quantity(p.quantity);
        case AveragePriceColumn:
            return Format::price(p.averagePrice);
        case MarketPriceColumn:
            return Format::price(p.marketPrice);
        case PnlColumn:
            return Format::profit(p.unrealizedPnl, m_currency);
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
        if (index.column() == PnlColumn && p.unrealizedPnl >= 0.005)
            return Theme::positiveColor(QGuiApplication::palette());
        if (index.column() == PnlColumn && p.unrealizedPnl <= -0.005)
            return Theme::negativeColor(QGuiApplication::palette());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() != InstrumentColumn)
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
    case QuantityColumn:
        return tr("Quantity");
    case AveragePriceColumn:
        return tr("Avg. price");
    case MarketPriceColumn:
        return tr("Market price");
    case PnlColumn:
        return tr("Unrealised P&L");
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
        Q_EMIT dataChanged(index(0, PnlColumn), index(rowCount() - 1, PnlColumn));
}

} // namespace sentinel
