// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QMainWindow>

class QLabel;
class QTableView;

namespace sentinel {

class WatchlistModel;

/// The operator's window. It only displays what the engine publishes and sends requests back
/// through signals; it never touches the network, files or the journal.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(QWidget* parent = nullptr);

    [[nodiscard]] WatchlistModel* watchlistModel() const { return m_watchlist; }

public Q_SLOTS:
    void onSnapshotsChanged(const sentinel::InstrumentSnapshots& snapshots);
    void onEngineStatusChanged(const sentinel::EngineStatus& status);

private:
    WatchlistModel* m_watchlist;
    QTableView* m_watchlistView;
    QLabel* m_engineState;
};

} // namespace sentinel
