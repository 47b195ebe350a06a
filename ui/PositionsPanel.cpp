// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/PositionsPanel.h"

#include "ui/ControlConfirmation.h"
#include "ui/Format.h"
#include "ui/PanelWidgets.h"
#include "ui/PositionModel.h"
#include "ui/Theme.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace sentinel {

PositionsPanel::PositionsPanel(QWidget* parent)
    : QDockWidget(parent), m_model(new PositionModel(this)),
      m_view(makeTableView(m_model, QStringLiteral("positionsView"), QString(), this)),
      m_account(new QLabel(this)), m_pnl(new QLabel(this)), m_asOf(new QLabel(this)),
      m_close(new QAction(Theme::icon(QStringLiteral("reject")), QString(), this))
{
    setupDock(this, QStringLiteral("positionsDock"), QString());
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // In a narrow dock the age goes first, the side last: the quantity's sign and tooltip still say it.
    setDroppableColumns(m_view, {PositionModel::AgeColumn, PositionModel::AveragePriceColumn,
                                 PositionModel::PnlPercentColumn, PositionModel::SideColumn});

    m_close->setObjectName(QStringLiteral("actionClosePosition"));
    connect(m_close, &QAction::triggered, this, &PositionsPanel::confirmClose);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_close);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PositionsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PositionsPanel::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &PositionsPanel::updateActions);

    m_closeButton = new QToolButton(this);
    m_closeButton->setObjectName(QStringLiteral("closePositionButton"));
    m_closeButton->setDefaultAction(m_close);
    m_closeButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_account->setObjectName(QStringLiteral("accountSummaryLabel"));
    m_account->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pnl->setObjectName(QStringLiteral("pnlTotalsLabel"));
    m_pnl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_asOf->setObjectName(QStringLiteral("portfolioAsOfLabel"));
    m_asOf->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* top = new QHBoxLayout;
    top->addWidget(m_account, 1);
    top->addWidget(m_closeButton);
    layout->addLayout(top);
    layout->addWidget(m_pnl);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_asOf);
    setWidget(content);
    retranslate();
}

void PositionsPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

// Texts set here are set again after a language change.
void PositionsPanel::retranslate()
{
    setDockTitle(this, tr("Positions"));
    m_view->setAccessibleName(tr("Open positions"));
    m_close->setText(tr("&Close Position…"));
    m_close->setToolTip(tr("Close the selected position at market, after a confirmation"));
    m_closeButton->setAccessibleName(tr("Close the selected position"));
    m_account->setAccessibleName(tr("Balance and equity"));
    m_pnl->setAccessibleName(tr("Realised and unrealised profit and loss"));
    m_pnl->setToolTip(tr("Realised: round trips closed today (UTC), net of fees, from the journal. "
                         "Unrealised: the open positions at their last price."));
    m_asOf->setAccessibleName(tr("Account reported at"));
    announceTextsChanged(*m_model);
    showAccount();
    updateActions(); // the title with the number of positions
}

void PositionsPanel::applyPortfolio(const PortfolioView& portfolio)
{
    m_portfolio = portfolio;
    m_model->applyPortfolio(portfolio);
    showAccount();
    updateActions();
}

void PositionsPanel::showAccount()
{
    if (!m_portfolio) {
        m_account->setText(tr("Account: no report yet"));
        return;
    }
    const PortfolioView& portfolio = *m_portfolio;
    m_account->setText(tr("Balance %1 · Equity %2")
                           .arg(Format::money(portfolio.balance, portfolio.currency),
                                Format::money(portfolio.equity, portfolio.currency)));
    double unrealised = 0;
    for (const PositionView& position : portfolio.positions)
        unrealised += position.unrealizedPnl;
    // Unknown stays unknown: a journal that could not be read is not a day without trades.
    const QString realised = portfolio.realisedToday ? Format::money(*portfolio.realisedToday, portfolio.currency) : tr("unknown");
    m_pnl->setText(tr("Realised today %1 · Unrealised %2").arg(realised, Format::money(unrealised, portfolio.currency)));
    QString asOf = tr("As of %1").arg(Format::localTime(portfolio.at));
    if (portfolio.positions.isEmpty())
        asOf = tr("No open positions") + QStringLiteral(" · ") + asOf;
    m_asOf->setText(asOf);
    m_asOf->setToolTip(Format::utcTime(portfolio.at));
}

QString PositionsPanel::selectedKey() const
{
    // The selection, not the current index: a view that takes focus makes its first row current,
    // and closing must never default to a row the operator did not pick.
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(PositionModel::InstrumentKeyRole).toString();
}

void PositionsPanel::selectKey(const QString& instrumentKey)
{
    const int row = m_model->rowOfKey(instrumentKey);
    if (row >= 0)
        m_view->selectRow(row);
}

void PositionsPanel::confirmClose()
{
    const QString key = selectedKey();
    const int row = m_model->rowOfKey(key);
    if (row < 0 || m_open)
        return;
    ControlConfirmation* box = ControlConfirmation::closePosition(m_model->rowAt(row), m_model->currency(), this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &ControlConfirmation::confirmed, this, [this, key] {
        // Closed meanwhile (a stop, another desk): nothing left to send.
        if (m_model->rowOfKey(key) >= 0)
            Q_EMIT closePositionRequested(key);
    });
    m_open = box;
    box->open();
}

void PositionsPanel::updateActions()
{
    m_close->setEnabled(!selectedKey().isEmpty());
    setWindowTitle(m_model->rowCount() > 0 ? tr("Positions (%1)").arg(m_model->rowCount()) : tr("Positions"));
}

} // namespace sentinel
