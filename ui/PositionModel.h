// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"
#include "ui/KeyedTableModel.h"

namespace sentinel {

/// One row per open position, as the platform last reported it: instrument, quantity, average and
/// market price, the unrealised P&L in the account currency, coloured for its sign, and from the
/// journal its protective stop and age (a dash when the journal cannot say, ADR 0140).
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
        StopColumn,
        AgeColumn,
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
    [[nodiscard]] QVariant displayed(const PositionView& position, int column) const;
    [[nodiscard]] QVariant toolTip(const PositionView& position, int column) const;

    QString m_currency;
    QDateTime m_asOf; ///< the report's time: ages are measured to it, so they match the figures beside them
};

} // namespace sentinel
