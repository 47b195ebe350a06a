// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"
#include "ui/KeyedTableModel.h"

namespace sentinel {

/// One row per delivery channel: state, delivered / failed / retrying, success rate, latency and
/// the last error with its remedy.
class ChannelModel final : public KeyedTableModel<ChannelSnapshot>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelModel)
public:
    enum Column { ChannelColumn, StateColumn, DeliveredColumn, FailedColumn, RetryingColumn, SuccessColumn,
                  LatencyColumn, LastErrorColumn, ColumnCount };

    explicit ChannelModel(QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void applyChannels(const QList<sentinel::ChannelSnapshot>& channels);

protected:
    [[nodiscard]] QString keyOf(const ChannelSnapshot& value) const override { return value.channel; }
};

} // namespace sentinel
