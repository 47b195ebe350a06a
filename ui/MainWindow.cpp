// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/MainWindow.h"

#include "ui/WatchlistModel.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>

namespace sentinel {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_watchlist(new WatchlistModel(this)),
      m_watchlistView(new QTableView(this)),
      m_engineState(new QLabel(this))
{
    setWindowTitle(tr("Trade Sentinel"));
    setObjectName(QStringLiteral("mainWindow"));

    m_watchlistView->setObjectName(QStringLiteral("watchlistView"));
    m_watchlistView->setAccessibleName(tr("Watchlist"));
    m_watchlistView->setModel(m_watchlist);
    m_watchlistView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_watchlistView->setAlternatingRowColors(true);
    m_watchlistView->verticalHeader()->hide();
    m_watchlistView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_watchlistView->horizontalHeader()->setStretchLastSection(true);
    setCentralWidget(m_watchlistView);

    auto* quit = new QAction(tr("&Quit"), this);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
    menuBar()->addMenu(tr("&File"))->addAction(quit);

    m_engineState->setObjectName(QStringLiteral("engineStateLabel"));
    m_engineState->setText(tr("Engine starting…"));
    statusBar()->addPermanentWidget(m_engineState);
    resize(960, 540);
}

void MainWindow::onSnapshotsChanged(const InstrumentSnapshots& snapshots)
{
    m_watchlist->applySnapshots(snapshots);
}

void MainWindow::onEngineStatusChanged(const EngineStatus& status)
{
    m_engineState->setText(tr("Engine %1 · mode %2 · %3 feed · %n cycle(s)", nullptr, int(status.cycles))
                               .arg(status.state, status.mode, status.provider));
}

} // namespace sentinel
