// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"
#include "ui/KeyedTableModel.h"

namespace sentinel {

/// One row per watched instrument, updated in place from engine snapshots: market state with its
/// reason, the feed (polled, streamed, or degraded while its stream is down), last price, last bar
/// time (local, UTC in the tooltip), lag and the freshness verdict as text and colour.
class WatchlistModel final : public KeyedTableModel<InstrumentSnapshot>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchlistModel)
public:
    // Feed last: freshness stays in view in a narrow dock; the feed matters when something is wrong.
    enum Column { SymbolColumn, MarketColumn, StateColumn, PriceColumn, LastBarColumn, LagColumn, FreshnessColumn, FeedColumn, ColumnCount };
    enum Role { KeyRole = Qt::UserRole + 1, FreshnessRole };

    explicit WatchlistModel(QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Inserts unknown instruments, updates known ones in place (one dataChanged per batch).
    void applySnapshots(const sentinel::InstrumentSnapshots& snapshots);
    [[nodiscard]] const InstrumentSnapshot& snapshotAt(int row) const { return rowAt(row); }
    [[nodiscard]] int staleCount() const;

private:
    [[nodiscard]] static QString feedText(const InstrumentSnapshot& row);
    [[nodiscard]] static QString feedToolTip(const InstrumentSnapshot& row);

protected:
    [[nodiscard]] QString keyOf(const InstrumentSnapshot& value) const override { return value.instrument.key(); }
};

} // namespace sentinel
