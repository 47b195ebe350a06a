// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

class QAbstractItemModel;
class QDockWidget;
class QTableView;
class QWidget;

namespace sentinel {

/// A read-only, row-selecting table as every panel uses it, with an object name for tests and
/// an accessible name for screen readers. It fits its columns to its width (FittedTableView):
/// no table in a panel scrolls sideways.
[[nodiscard]] QTableView* makeTableView(QAbstractItemModel* model, const QString& objectName,
                                        const QString& accessibleName, QWidget* parent);

/// The columns a table made by makeTableView may hide when it is too narrow for every header,
/// least needed first (FittedTableView::setDroppableColumns).
void setDroppableColumns(QTableView* view, const QList<int>& leastNeededFirst);

/// Names a dock for saveState()/restoreState() and gives it an accessible name.
void setupDock(QDockWidget* dock, const QString& objectName, const QString& title);

/// A dock's title and accessible name in the present language (setupDock's, again after a
/// language change).
void setDockTitle(QDockWidget* dock, const QString& title);

/// After a language change: every header and cell of `model` is read anew. For models whose
/// texts come from tr() when the view asks (data() and headerData()), not stored translated.
void announceTextsChanged(QAbstractItemModel& model);

} // namespace sentinel
