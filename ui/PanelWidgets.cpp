// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PanelWidgets.h"

#include "ui/FittedTableView.h"

#include <QAbstractItemModel>
#include <QDockWidget>
#include <QHeaderView>
#include <QTableView>

namespace sentinel {

QTableView* makeTableView(QAbstractItemModel* model, const QString& objectName, const QString& accessibleName,
                          QWidget* parent)
{
    auto* view = new FittedTableView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

void setDroppableColumns(QTableView* view, const QList<int>& leastNeededFirst)
{
    if (auto* fitted = qobject_cast<FittedTableView*>(view))
        fitted->setDroppableColumns(leastNeededFirst);
}

void setupDock(QDockWidget* dock, const QString& objectName, const QString& title)
{
    dock->setObjectName(objectName);
    setDockTitle(dock, title);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
}

void setDockTitle(QDockWidget* dock, const QString& title)
{
    dock->setWindowTitle(title);
    dock->setAccessibleName(title);
}

void announceTextsChanged(QAbstractItemModel& model)
{
    const int columns = model.columnCount();
    if (columns <= 0)
        return;
    // Signals are public in Qt 6; the model itself has nothing to recompute.
    Q_EMIT model.headerDataChanged(Qt::Horizontal, 0, columns - 1);
    if (const int rows = model.rowCount(); rows > 0)
        Q_EMIT model.dataChanged(model.index(0, 0), model.index(rows - 1, columns - 1));
}

} // namespace sentinel
