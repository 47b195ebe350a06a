// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WatchlistModel.h"

#include <QLocale>

namespace sentinel {

namespace {
QString formatPrice(double price)
{
    if (price <= 0)
        return QStringLiteral("—");
    // Enough digits for FX pips without drowning crypto prices in decimals.
    const int decimals = price < 10 ? 5 : (price < 1000 ? 2 : 1);
    return QLocale().toString(price, 'f', decimals);
}
} // namespace

WatchlistModel::WatchlistModel(QObject* parent) : QAbstractTableModel(parent) {}

int WatchlistModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WatchlistModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WatchlistModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InstrumentSnapshot& row = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case SymbolColumn: return row.instrument.symbol;
        case MarketColumn: return row.instrument.market;
        case IntervalColumn: return intervalName(row.instrument.interval);
        case PriceColumn: return formatPrice(row.lastPrice);
        case LastBarColumn:
            return row.lastBarOpen.isValid()
                ? QLocale().toString(row.lastBarOpen.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm t"))
                : tr("waiting for data");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == LastBarColumn && row.lastBarOpen.isValid())
            return tr("Bar opened %1 UTC").arg(row.lastBarOpen.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        if (!row.lastError.isEmpty())
            return row.lastError;
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() == PriceColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant WatchlistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SymbolColumn: return tr("Instrument");
    case MarketColumn: return tr("Market");
    case IntervalColumn: return tr("Interval");
    case PriceColumn: return tr("Last price");
    case LastBarColumn: return tr("Last bar (local time)");
    default: return {};
    }
}

void WatchlistModel::applySnapshots(const InstrumentSnapshots& snapshots)
{
    for (const InstrumentSnapshot& snapshot : snapshots) {
        const QString key = snapshot.instrument.key();
        const auto found = m_rowByKey.constFind(key);
        if (found == m_rowByKey.cend()) {
            const int row = int(m_rows.size());
            beginInsertRows({}, row, row);
            m_rows.append(snapshot);
            m_rowByKey.insert(key, row);
            endInsertRows();
            continue;
        }
        m_rows[*found] = snapshot;
        Q_EMIT dataChanged(index(*found, 0), index(*found, ColumnCount - 1));
    }
}

} // namespace sentinel
