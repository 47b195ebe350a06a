// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WatchlistPanel.h"

#include "ui/PanelWidgets.h"
#include "ui/WatchlistModel.h"

#include <QEvent>
#include <QItemSelectionModel>
#include <QTableView>

namespace sentinel {

WatchlistPanel::WatchlistPanel(WatchlistModel* model, QWidget* parent)
    : QDockWidget(parent), m_model(model), m_view(makeTableView(model, QStringLiteral("watchlistView"), QString(), this))
{
    setupDock(this, QStringLiteral("watchlistDock"), QString());
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // In a narrow dock: the chart's title names the market, the freshness tooltip the lag.
    setDroppableColumns(m_view, {WatchlistModel::MarketColumn, WatchlistModel::LagColumn, WatchlistModel::LastBarColumn});
    setWidget(m_view);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    Q_EMIT instrumentSelected(current.data(WatchlistModel::KeyRole).toString());
            });
    retranslate();
}

void WatchlistPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

// Texts set here are set again after a language change.
void WatchlistPanel::retranslate()
{
    setDockTitle(this, tr("Watchlist"));
    m_view->setAccessibleName(tr("Watchlist: instruments, prices and data freshness"));
    // The model belongs to the main window; the panel that shows it has it read anew.
    announceTextsChanged(*m_model);
}

QString WatchlistPanel::selectedKey() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(WatchlistModel::KeyRole).toString() : QString();
}

void WatchlistPanel::selectKey(const QString& key)
{
    const int row = m_model->rowOfKey(key);
    if (row >= 0)
        m_view->selectRow(row);
}

} // namespace sentinel
