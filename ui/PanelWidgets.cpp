// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PanelWidgets.h"

#include "ui/FittedTableView.h"

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
    dock->setWindowTitle(title);
    dock->setAccessibleName(title);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
}

} // namespace sentinel
