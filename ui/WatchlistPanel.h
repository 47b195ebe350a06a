// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QTableView;

namespace sentinel {

class WatchlistModel;

/// The watchlist dock. Selecting a row chooses the instrument the chart shows.
class WatchlistPanel final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WatchlistPanel)
public:
    explicit WatchlistPanel(WatchlistModel* model, QWidget* parent = nullptr);

    [[nodiscard]] QTableView* view() const { return m_view; }
    /// Empty when nothing is selected.
    [[nodiscard]] QString selectedKey() const;
    void selectKey(const QString& key);

Q_SIGNALS:
    void instrumentSelected(const QString& key);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    WatchlistModel* m_model;
    QTableView* m_view;
};

} // namespace sentinel
