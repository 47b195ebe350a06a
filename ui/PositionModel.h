// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"
#include "ui/KeyedTableModel.h"

namespace sentinel {

/// One row per open position, as the platform last reported it: instrument, quantity, average and
/// market price, and the unrealised P&L in the account currency, coloured for its sign.
class PositionModel final : public KeyedTableModel<PositionView>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PositionModel)
public:
    enum Column {
        InstrumentColumn,
        SideColumn,
        QuantityColumn,
        AveragePriceColumn,
        MarketPriceColumn,
        PnlColumn,
        PnlPercentColumn,
        ColumnCount
    };
    enum Role { InstrumentKeyRole = Qt::UserRole + 1 };

    explicit PositionModel(QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    /// Makes the rows the portfolio's positions: known ones change in place, closed ones go.
    void applyPortfolio(const sentinel::PortfolioView& portfolio);
    [[nodiscard]] const QString& currency() const { return m_currency; }

protected:
    [[nodiscard]] QString keyOf(const PositionView& value) const override { return value.instrumentKey; }

private:
    QString m_currency;
};

} // namespace sentinel
