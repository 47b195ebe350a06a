// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QAbstractTableModel>
#include <QHash>

namespace sentinel {

/// One row per watched instrument, updated in place from engine snapshots.
class WatchlistModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchlistModel)
public:
    enum Column { SymbolColumn, MarketColumn, IntervalColumn, PriceColumn, LastBarColumn, ColumnCount };

    explicit WatchlistModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Inserts unknown instruments, updates known ones; emits dataChanged per changed row.
    void applySnapshots(const sentinel::InstrumentSnapshots& snapshots);
    [[nodiscard]] const InstrumentSnapshot& snapshotAt(int row) const { return m_rows.at(row); }

private:
    QList<InstrumentSnapshot> m_rows;
    QHash<QString, int> m_rowByKey;
};

} // namespace sentinel
