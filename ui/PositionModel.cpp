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
        return displayed(p, index.column());
    case Qt::ToolTipRole:
        return toolTip(p, index.column());
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

QVariant PositionModel::displayed(const PositionView& p, int column) const
{
    switch (column) {
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
    case StopColumn:
        return p.stopPrice ? Format::price(*p.stopPrice) : QStringLiteral("—");
    case AgeColumn:
        // An open time after the report (clocks of broker and desk apart) reads as just opened.
        return p.openedAt.isValid() && m_asOf.isValid() ? Format::duration(p.openedAt.secsTo(m_asOf))
                                                        : QStringLiteral("—");
    default:
        return {};
    }
}

QVariant PositionModel::toolTip(const PositionView& p, int column) const
{
    switch (column) {
    case InstrumentColumn:
        return p.instrumentKey;
    case QuantityColumn:
        return p.quantity < 0 ? tr("Short %1").arg(Format::quantity(-p.quantity))
                              : tr("Long %1").arg(Format::quantity(p.quantity));
    case StopColumn:
        if (!p.stopPrice)
            return tr("No stop known: the position was not opened through this journal, or its fills "
                      "do not add up to what the platform holds");
        if (p.marketPrice > 0)
            return tr("Closed at market once the price crosses %1 (%2 from the last price)")
                .arg(Format::price(*p.stopPrice), Format::percent(std::abs(p.marketPrice - *p.stopPrice) / p.marketPrice, 2));
        return tr("Closed at market once the price crosses %1").arg(Format::price(*p.stopPrice));
    case AgeColumn:
        if (!p.openedAt.isValid())
            return tr("Opening time unknown: the position was not opened through this journal, or its "
                      "fills do not add up to what the platform holds");
        return tr("Opened %1").arg(Format::localTime(p.openedAt));
    default:
        return {};
    }
}

QVariant PositionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole && section == StopColumn)
        return tr("The protective stop of the newest entry: the engine closes the whole position at "
                  "market when the price crosses it");
    if (role == Qt::ToolTipRole && section == AgeColumn)
        return tr("How long the position has been held, up to the account report");
    if (role != Qt::DisplayRole)
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
    case StopColumn:
        return tr("Stop");
    case AgeColumn:
        return tr("Age");
    default:
        return {};
    }
}

void PositionModel::applyPortfolio(const PortfolioView& portfolio)
{
    const bool currencyChanged = portfolio.currency != m_currency;
    m_currency = portfolio.currency;
    m_asOf = portfolio.at;
    sync(portfolio.positions);
    if (currencyChanged && rowCount() > 0)
        Q_EMIT dataChanged(index(0, PnlColumn), index(rowCount() - 1, PnlPercentColumn));
}

} // namespace sentinel
