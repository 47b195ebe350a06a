// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"
#include "ui/KeyedTableModel.h"

#include <QSortFilterProxyModel>

namespace sentinel {

/// Alerts newest first. An alert the engine raises again under the same id updates its row.
/// Acknowledging is recorded here at once (the engine is told through MainWindow's
/// acknowledgeRequested) so the operator sees the effect without waiting for a round trip.
class AlertModel final : public KeyedTableModel<AlertView>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertModel)
public:
    enum Column { SeverityColumn, TimeColumn, KindColumn, InstrumentColumn, MessageColumn, ColumnCount };
    /// RunbookRole: the page in docs/runbooks/ that says what to do about the alert's kind.
    enum Role { AlertIdRole = Qt::UserRole + 1, SeverityRole, AcknowledgedRole, RunbookRole };
    static constexpr int limit = 1000;

    explicit AlertModel(QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Returns true when the alert is new.
    bool applyAlert(const sentinel::AlertView& alert);
    void markAcknowledged(const QString& alertId);
    [[nodiscard]] int unacknowledgedCount(AlertView::Severity atLeast) const;

protected:
    [[nodiscard]] QString keyOf(const AlertView& value) const override { return value.id; }
};

/// Shows alerts at or above a minimum severity, optionally hiding acknowledged ones.
class AlertFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertFilterProxy)
public:
    explicit AlertFilterProxy(QObject* parent = nullptr);

    void setMinimumSeverity(AlertView::Severity severity);
    void setShowAcknowledged(bool show);
    [[nodiscard]] AlertView::Severity minimumSeverity() const { return m_minimum; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    AlertView::Severity m_minimum = AlertView::Severity::Info;
    bool m_showAcknowledged = true;
};

} // namespace sentinel
