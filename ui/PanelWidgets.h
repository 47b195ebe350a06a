// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAbstractItemModel;
class QDockWidget;
class QTableView;
class QWidget;

namespace sentinel {

/// A read-only, row-selecting table as every panel uses it, with an object name for tests and
/// an accessible name for screen readers.
[[nodiscard]] QTableView* makeTableView(QAbstractItemModel* model, const QString& objectName,
                                        const QString& accessibleName, QWidget* parent);

/// Names a dock for saveState()/restoreState() and gives it an accessible name.
void setupDock(QDockWidget* dock, const QString& objectName, const QString& title);

} // namespace sentinel
