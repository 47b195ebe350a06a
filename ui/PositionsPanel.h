// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QDockWidget>
#include <QPointer>

class QAction;
class QLabel;
class QTableView;
class QToolButton;

namespace sentinel {

class ControlConfirmation;
class PositionModel;

/// The open positions as the platform last reported them, with the account's balance, equity and
/// the time of the report, and Close Position… for the selected row (button, context menu): it
/// asks, naming the instrument and quantity, before it sends anything.
class PositionsPanel final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PositionsPanel)
public:
    explicit PositionsPanel(QWidget* parent = nullptr);

    void applyPortfolio(const sentinel::PortfolioView& portfolio);

    [[nodiscard]] PositionModel* model() const { return m_model; }
    [[nodiscard]] QTableView* view() const { return m_view; }
    [[nodiscard]] QAction* closePositionAction() const { return m_close; }
    [[nodiscard]] QString selectedKey() const;
    void selectKey(const QString& instrumentKey);

Q_SIGNALS:
    /// The operator confirmed closing this position.
    void closePositionRequested(const QString& instrumentKey);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    /// The account, P&L and report-time lines of m_portfolio in the present language.
    void showAccount();
    void confirmClose();
    void updateActions();

    PositionModel* m_model;
    QTableView* m_view;
    QLabel* m_account;
    QLabel* m_pnl; ///< realised today and unrealised totals
    QLabel* m_asOf;
    QAction* m_close;
    QToolButton* m_closeButton = nullptr;
    QPointer<ControlConfirmation> m_open;
    std::optional<PortfolioView> m_portfolio; ///< the last report; none before the first
};

} // namespace sentinel
