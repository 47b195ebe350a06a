// SPDX-License-Identifier: GPL-3.0-or-later
// The open positions as the platform reported them (issue 16): figures formatted as the rest of
// the window, P&L coloured for its sign, the account line, and Close Position… asking first.
#include "Screenshots.h"
#include "UiSamples.h"
#include "ui/ControlConfirmation.h"
#include "ui/Format.h"
#include "ui/PositionModel.h"
#include "ui/PositionsPanel.h"
#include "ui/Theme.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QGuiApplication>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace sentinel;
using namespace sentinel::test;

class TestPositionsPanel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void init();
    void cleanup();
    void rowsShowThePositionsFormattedAndColoured();
    void theAccountLineShowsBalanceEquityAndTime();
    void aClosedPositionLeavesTheTable();
    void closeAsksNamingTheInstrumentAndQuantity();
    void cancellingTheCloseSendsNothing();
    void aPositionClosedWhileAskingIsNotSent();
    void closeNeedsASelectedRow();
    void stopAndAgeShowWhatTheJournalKnows();
    void aNarrowPanelDropsTheAgeBeforeTheStop();

private:
    PositionsPanel* m_panel = nullptr;
    const QDateTime m_asOf = at("2026-11-24T15:05:00Z");
};

namespace {
QString cell(const PositionModel* model, int row, int column, int role = Qt::DisplayRole)
{
    return model->index(row, column).data(role).toString();
}
} // namespace

void TestPositionsPanel::init()
{
    m_panel = new PositionsPanel;
    m_panel->resize(640, 300);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
}

void TestPositionsPanel::cleanup()
{
    delete m_panel;
    m_panel = nullptr;
}

void TestPositionsPanel::rowsShowThePositionsFormattedAndColoured()
{
    QAbstractItemModelTester tester(m_panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_panel->applyPortfolio(portfolio(m_asOf));
    const PositionModel* model = m_panel->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(cell(model, 0, PositionModel::InstrumentColumn), QStringLiteral("AAPL (XNYS)"));
    QCOMPARE(cell(model, 0, PositionModel::InstrumentColumn, Qt::ToolTipRole), QStringLiteral("XNYS:AAPL:5min"));
    QCOMPARE(cell(model, 0, PositionModel::QuantityColumn), QStringLiteral("25"));
    QCOMPARE(cell(model, 0, PositionModel::AveragePriceColumn), QStringLiteral("183.50"));
    QCOMPARE(cell(model, 0, PositionModel::MarketPriceColumn), QStringLiteral("189.42"));
    QCOMPARE(cell(model, 0, PositionModel::PnlColumn), QStringLiteral("+148.00 USD"));
    // Side in words; P&L against what the position cost: 148 / (25 × 183.50) and −13 / (10,000 × 1.08215).
    QCOMPARE(cell(model, 0, PositionModel::SideColumn), QStringLiteral("Long"));
    QCOMPARE(cell(model, 1, PositionModel::SideColumn), QStringLiteral("Short"));
    QCOMPARE(cell(model, 0, PositionModel::PnlPercentColumn), QStringLiteral("+3.23 %"));
    QCOMPARE(cell(model, 1, PositionModel::PnlPercentColumn), QStringLiteral("-0.12 %"));
    QCOMPARE(cell(model, 1, PositionModel::InstrumentColumn), QStringLiteral("EUR/USD (FX)"));
    QCOMPARE(cell(model, 1, PositionModel::QuantityColumn), QStringLiteral("-10,000"));
    QCOMPARE(cell(model, 1, PositionModel::QuantityColumn, Qt::ToolTipRole), QStringLiteral("Short 10,000"));
    QCOMPARE(cell(model, 1, PositionModel::AveragePriceColumn), QStringLiteral("1.08215"));
    QCOMPARE(cell(model, 1, PositionModel::PnlColumn), QStringLiteral("-13.00 USD"));
    const QPalette palette = QGuiApplication::palette();
    QCOMPARE(model->index(0, PositionModel::PnlColumn).data(Qt::ForegroundRole).value<QColor>(),
             Theme::positiveColor(palette));
    QCOMPARE(model->index(1, PositionModel::PnlColumn).data(Qt::ForegroundRole).value<QColor>(),
             Theme::negativeColor(palette));
    QCOMPARE(m_panel->windowTitle(), QStringLiteral("Positions (2)"));

    if (!screenshotDir().isEmpty()) {
        PortfolioView shown = portfolio(m_asOf);
        shown.realisedToday = 98.0;
        m_panel->applyPortfolio(shown);
        m_panel->selectKey(QStringLiteral("XNYS:AAPL:5min"));
        QVERIFY(saveThemedScreenshots(m_panel, QStringLiteral("positions-panel")));
    }
}

void TestPositionsPanel::theAccountLineShowsBalanceEquityAndTime()
{
    auto* account = m_panel->findChild<QLabel*>(QStringLiteral("accountSummaryLabel"));
    auto* asOf = m_panel->findChild<QLabel*>(QStringLiteral("portfolioAsOfLabel"));
    QVERIFY(account && asOf);
    QCOMPARE(account->text(), QStringLiteral("Account: no report yet"));
    m_panel->applyPortfolio(portfolio(m_asOf));
    QCOMPARE(account->text(), QStringLiteral("Balance 100,000.00 USD · Equity 100,153.25 USD"));
    QCOMPARE(asOf->text(), QStringLiteral("As of %1").arg(Format::localTime(m_asOf)));
    QCOMPARE(asOf->toolTip(), QStringLiteral("2026-11-24 15:05:00 UTC"));

    // The totals: realised today as the engine reported it, unrealised the positions' sum (148 - 13).
    auto* pnl = m_panel->findChild<QLabel*>(QStringLiteral("pnlTotalsLabel"));
    QVERIFY(pnl);
    QCOMPARE(pnl->text(), QStringLiteral("Realised today unknown · Unrealised 135.00 USD"));
    PortfolioView withRealised = portfolio(m_asOf);
    withRealised.realisedToday = -42.5;
    m_panel->applyPortfolio(withRealised);
    QCOMPARE(pnl->text(), QStringLiteral("Realised today -42.50 USD · Unrealised 135.00 USD"));
}

void TestPositionsPanel::aClosedPositionLeavesTheTable()
{
    PortfolioView account = portfolio(m_asOf);
    m_panel->applyPortfolio(account);
    account.positions.removeFirst();
    account.at = m_asOf.addSecs(60);
    m_panel->applyPortfolio(account);
    QCOMPARE(m_panel->model()->rowCount(), 1);
    QCOMPARE(m_panel->model()->rowAt(0).instrumentKey, QStringLiteral("FX:EUR/USD:5min"));
    account.positions.clear();
    m_panel->applyPortfolio(account);
    QCOMPARE(m_panel->model()->rowCount(), 0);
    QVERIFY(m_panel->findChild<QLabel*>(QStringLiteral("portfolioAsOfLabel"))->text().startsWith(u"No open positions"));
    QCOMPARE(m_panel->windowTitle(), QStringLiteral("Positions"));
}

void TestPositionsPanel::closeAsksNamingTheInstrumentAndQuantity()
{
    QSignalSpy requested(m_panel, &PositionsPanel::closePositionRequested);
    m_panel->applyPortfolio(portfolio(m_asOf));
    m_panel->selectKey(QStringLiteral("FX:EUR/USD:5min"));
    // The same action behind the button and the row's context menu.
    QVERIFY(m_panel->view()->actions().contains(m_panel->closePositionAction()));
    QCOMPARE(m_panel->findChild<QToolButton*>(QStringLiteral("closePositionButton"))->defaultAction(),
             m_panel->closePositionAction());
    m_panel->closePositionAction()->trigger();
    auto* box = m_panel->findChild<ControlConfirmation*>(QStringLiteral("closePositionConfirmation"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(u"-10,000 EUR/USD (FX)"), qPrintable(box->text()));
    QCOMPARE(requested.count(), 0);
    QTest::mouseClick(box->confirmButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().at(0).toString(), QStringLiteral("FX:EUR/USD:5min"));
}

void TestPositionsPanel::cancellingTheCloseSendsNothing()
{
    QSignalSpy requested(m_panel, &PositionsPanel::closePositionRequested);
    m_panel->applyPortfolio(portfolio(m_asOf));
    m_panel->selectKey(QStringLiteral("XNYS:AAPL:5min"));
    m_panel->closePositionAction()->trigger();
    auto* box = m_panel->findChild<ControlConfirmation*>(QStringLiteral("closePositionConfirmation"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QTest::keyClick(box, Qt::Key_Escape);
    QCOMPARE(requested.count(), 0);
}

void TestPositionsPanel::aPositionClosedWhileAskingIsNotSent()
{
    QSignalSpy requested(m_panel, &PositionsPanel::closePositionRequested);
    PortfolioView account = portfolio(m_asOf);
    m_panel->applyPortfolio(account);
    m_panel->selectKey(QStringLiteral("XNYS:AAPL:5min"));
    m_panel->closePositionAction()->trigger();
    auto* box = m_panel->findChild<ControlConfirmation*>(QStringLiteral("closePositionConfirmation"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    account.positions.removeFirst(); // its stop filled while the operator read
    m_panel->applyPortfolio(account);
    QTest::keyClick(box, Qt::Key_Return);
    QCOMPARE(requested.count(), 0);
}

void TestPositionsPanel::closeNeedsASelectedRow()
{
    QVERIFY(!m_panel->closePositionAction()->isEnabled());
    m_panel->applyPortfolio(portfolio(m_asOf));
    QVERIFY(!m_panel->closePositionAction()->isEnabled());
    m_panel->selectKey(QStringLiteral("XNYS:AAPL:5min"));
    QVERIFY(m_panel->closePositionAction()->isEnabled());
    QVERIFY(m_panel->findChild<ControlConfirmation*>() == nullptr);
}

void TestPositionsPanel::stopAndAgeShowWhatTheJournalKnows()
{
    m_panel->applyPortfolio(portfolio(m_asOf));
    const PositionModel* model = m_panel->model();
    QCOMPARE(cell(model, 0, PositionModel::StopColumn), QStringLiteral("179.80"));
    QCOMPARE(cell(model, 0, PositionModel::AgeColumn), QStringLiteral("3 h 20 min"));
    // (189.42 - 179.80) / 189.42 = 5.08 % below the last price.
    QCOMPARE(cell(model, 0, PositionModel::StopColumn, Qt::ToolTipRole),
             QStringLiteral("Closed at market once the price crosses 179.80 (5.08 % from the last price)"));
    QCOMPARE(cell(model, 0, PositionModel::AgeColumn, Qt::ToolTipRole),
             QStringLiteral("Opened %1").arg(Format::localTime(m_asOf.addSecs(-(3 * 3600 + 20 * 60)))));
    // Opened at the broker: the journal cannot say, and the row says so instead of guessing.
    QCOMPARE(cell(model, 1, PositionModel::StopColumn), QStringLiteral("—"));
    QCOMPARE(cell(model, 1, PositionModel::AgeColumn), QStringLiteral("—"));
    QVERIFY(cell(model, 1, PositionModel::StopColumn, Qt::ToolTipRole).startsWith(QStringLiteral("No stop known")));
    QVERIFY(!model->headerData(PositionModel::StopColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());

    // The age runs with the account reports, not with the desk's clock.
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    m_panel->applyPortfolio(portfolio(m_asOf.addDays(2)));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(cell(model, 0, PositionModel::AgeColumn), QStringLiteral("3 h 20 min")); // opened 3 h 20 before that report too
    PortfolioView later = portfolio(m_asOf);
    later.at = m_asOf.addDays(2);
    m_panel->applyPortfolio(later);
    QCOMPARE(cell(model, 0, PositionModel::AgeColumn), QStringLiteral("2 d 3 h"));
}

void TestPositionsPanel::aNarrowPanelDropsTheAgeBeforeTheStop()
{
    m_panel->applyPortfolio(portfolio(m_asOf));
    auto* view = m_panel->findChild<QTableView*>(QStringLiteral("positionsView"));
    QVERIFY(view);
    m_panel->resize(1200, 300);
    QTRY_VERIFY(!view->isColumnHidden(PositionModel::AgeColumn));
    QVERIFY(!view->isColumnHidden(PositionModel::StopColumn));
    m_panel->resize(560, 300);
    QTRY_VERIFY(view->isColumnHidden(PositionModel::AgeColumn));
    QVERIFY(!view->isColumnHidden(PositionModel::StopColumn));
    QVERIFY(!view->isColumnHidden(PositionModel::PnlColumn));
}

QTEST_MAIN(TestPositionsPanel)
#include "tst_positionspanel.moc"
