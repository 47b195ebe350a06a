// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"
#include "ui/KeyedTableModel.h"

#include <QElapsedTimer>

namespace sentinel {

/// Proposals for the Approvals panel. A `Queue` model holds the pending ones, each with a
/// countdown to expiry, and drops a proposal as soon as the engine reports it left the queue; a
/// `History` model keeps the most recent decisions (approved, executed, rejected, expired, refused),
/// newest first.
///
/// "Now" for the countdown is the engine's clock, not the wall clock: the last
/// EngineStatus::clockTime plus the local time elapsed since it arrived. That is exact on the
/// system clock, and on a ManualClock it stands still between advances (plus a few milliseconds),
/// so tests see the countdown the engine will enforce.
class ApprovalModel final : public KeyedTableModel<ProposalView>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApprovalModel)
public:
    enum class Kind { Queue, History };
    enum Column { InstrumentColumn, SideColumn, QuantityColumn, PriceColumn, RiskColumn, StatusColumn, ColumnCount };
    enum Role { ProposalIdRole = Qt::UserRole + 1, SecondsRemainingRole };
    static constexpr int historyLimit = 100;

    explicit ApprovalModel(Kind kind, QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Returns true when the proposal is new to this model.
    bool applyProposal(const sentinel::ProposalView& proposal);
    void setEngineTime(const QDateTime& clockTime);
    /// The engine-clock instant the countdown uses (see the class comment).
    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] qint64 secondsRemaining(const ProposalView& proposal) const;
    /// Re-renders the countdown column; the panel calls it once a second.
    void refreshCountdowns();
    [[nodiscard]] Kind kind() const { return m_kind; }

protected:
    [[nodiscard]] QString keyOf(const ProposalView& value) const override { return value.id; }

private:
    Kind m_kind;
    QDateTime m_engineTime;
    QElapsedTimer m_sinceEngineTime;
};

} // namespace sentinel
