// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QTableView>

class QTimer;

namespace sentinel {

/// A table that never scrolls sideways (issue 17): its columns take their natural width when the
/// view has room (the last one takes what is left), and shrink in proportion to what they would
/// give up when it has not, text columns keeping their header's width and figures (right-aligned
/// cells) their whole width. Where even that does not fit, the columns the panel named as
/// droppable are hidden, in its order, until it does (and shown again when the view grows); past
/// that every column narrows. Text cut by a narrow column is
/// elided and shown whole in the cell's tooltip. The operator can still drag a column wider; the
/// next resize of the view fits them again.
class FittedTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FittedTableView)
public:
    /// No column asks for more than this, so one long message does not squeeze the others.
    static constexpr int maxNaturalWidth = 360;

    explicit FittedTableView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    /// Measures the columns' natural widths again (from the header and the rows in view) and fits.
    void measureColumns();
    /// Widths the columns would take with room enough (for tests).
    [[nodiscard]] const QList<int>& naturalWidths() const { return m_natural; }
    /// Columns that may be hidden when the view is too narrow for every header, least needed
    /// first (what they show must be available elsewhere: a detail pane, a tooltip).
    void setDroppableColumns(const QList<int>& leastNeededFirst);
    /// The columns hidden for want of room now.
    [[nodiscard]] const QList<int>& droppedColumns() const { return m_dropped; }

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void fitColumns();
    void scheduleMeasure();

    QList<QMetaObject::Connection> m_modelConnections;
    QList<int> m_natural;
    QList<bool> m_numeric; ///< figures: never narrower than their natural width while a column can go
    QList<int> m_droppable;
    QList<int> m_dropped;
    QTimer* m_measure;
    bool m_fitting = false;
};

} // namespace sentinel
