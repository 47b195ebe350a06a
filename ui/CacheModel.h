// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"
#include "ui/KeyedTableModel.h"

namespace sentinel {

/// One row per cache: backend, hit rate, hits, misses, evictions, expirations and entries.
class CacheModel final : public KeyedTableModel<CacheSnapshot>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CacheModel)
public:
    enum Column { NameColumn, BackendColumn, HitRateColumn, HitsColumn, MissesColumn, EvictionsColumn,
                  ExpirationsColumn, EntriesColumn, ColumnCount };

    explicit CacheModel(QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void applyCaches(const QList<sentinel::CacheSnapshot>& caches);

protected:
    [[nodiscard]] QString keyOf(const CacheSnapshot& value) const override { return value.name; }
};

} // namespace sentinel
