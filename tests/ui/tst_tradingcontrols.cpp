// SPDX-License-Identifier: GPL-3.0-or-later
// The operator's controls (issue 16) through the window as the application wires it
// (bindEngine), against a recording stand-in for the engine: pause and resume, the PAUSED badge,
// flatten all and the kill switch behind their confirmations, closing one position, the tray menu.
#include "UiSamples.h"
#include "engine/EngineInterface.h"
#include "ui/ApprovalModel.h"
#include "ui/ApprovalPanel.h"
#include "ui/ControlConfirmation.h"
#include "ui/EngineBinding.h"
#include "ui/Format.h"
#include "ui/MainWindow.h"
#include "ui/PositionModel.h"
#include "ui/PositionsPanel.h"
#include "ui/TradingControls.h"
#include "ui/TrayNotifier.h"

#include <QAction>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMultiHash>
#include <QPushButton>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

namespace {

/// The engine as the window sees it, without one: each slot call is recorded, in order.
class RecordingEngine final : public EngineInterface
{
    Q_OBJECT
public:
    QStringList calls;
    QStringList historyCalls; ///< the History panel's questions, asked once the engine runs

    void approveProposal(const QString& proposalId) override
    {
        calls << QStringLiteral("approveProposal ") + proposalId;
    }
    void rejectProposal(const QString& proposalId, const QString& reason) override
    {
        calls << QStringLiteral("rejectProposal %1 %2").arg(proposalId, reason);
    }
    void acknowledgeAlert(const QString& alertId) override { calls << QStringLiteral("acknowledgeAlert ") + alertId; }
    void sendTestMessage() override { calls << QStringLiteral("sendTestMessage"); }
    void pauseTrading() override { calls << QStringLiteral("pauseTrading"); }
    void resumeTrading() override { calls << QStringLiteral("resumeTrading"); }
    void flattenAll() override { calls << QStringLiteral("flattenAll"); }
    void activateKillSwitch() override { calls << QStringLiteral("activateKillSwitch"); }
    void closePosition(const QString& instrumentKey) override
    {
        calls << QStringLiteral("closePosition ") + instrumentKey;
    }
    void requestHistoryPage(const HistoryQuery& query) override
    {
        historyCalls << QStringLiteral("requestHistoryPage %1").arg(query.request);
    }
    void requestHistoryDetail(const QString& proposalId) override
    {
        historyCalls << QStringLiteral("requestHistoryDetail ") + proposalId;
    }
    void exportHistory(const HistoryExportRequest& request) override { historyCalls << QStringLiteral("exportHistory ") + request.path; }
    void requestPerformance(const PerformanceQuery& query) override
    {
        historyCalls << QStringLiteral("requestPerformance %1").arg(query.request);
    }
    void savePerformance(const PerformanceSaveRequest& request) override
    {
        historyCalls << QStringLiteral("savePerformance ") + request.path;
    }
};

const QDateTime now = at("2026-11-24T15:05:00Z");

EngineStatus pausedStatus()
{
    EngineStatus s = status(now);
    s.paused = true;
    s.pausedBy = QStringLiteral("desktop (alice)");
    s.pausedAt = at("2026-11-24T15:03:10Z");
    return s;
}

QString plain(QString text)
{
    return text.remove(u'&');
}

} // namespace

class TestTradingControls final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void init();
    void cleanup();
    void pauseAsksTheEngineAndFollowsItsStatus();
    void thePausedBadgeSaysWhoPausedAndWhen();
    void flattenListsEveryPositionAndSendsOnlyWhenConfirmed_data();
    void flattenListsEveryPositionAndSendsOnlyWhenConfirmed();
    void flattenWithNoPositionsSaysSoAndSendsNothing();
    void theKillSwitchShortcutOpensItsConfirmation();
    void aCancelledKillSwitchSendsNothing();
    void closingARowSendsThatKeyOnlyAfterConfirmation();
    void theTrayMenuHoldsTheControls();
    void noTwoActionsShareAShortcut();
    void theControlsWaitForAnEngine();

private:
    MainWindow* m_window = nullptr;
    RecordingEngine* m_engine = nullptr;
};

void TestTradingControls::init()
{
    m_window = new MainWindow;
    m_engine = new RecordingEngine;
    bindEngine(m_engine, m_window);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    Q_EMIT m_engine->statusChanged(status(now));
}

void TestTradingControls::cleanup()
{
    delete m_window;
    delete m_engine;
    m_window = nullptr;
    m_engine = nullptr;
}

void TestTradingControls::pauseAsksTheEngineAndFollowsItsStatus()
{
    auto* pause = m_window->findChild<QAction*>(QStringLiteral("actionPauseTrading"));
    QVERIFY(pause);
    QVERIFY(pause->isEnabled());
    QVERIFY(pause->isCheckable());
    QVERIFY(!pause->isChecked());
    QCOMPARE(plain(pause->text()), QStringLiteral("Pause Trading"));
    pause->trigger();
    QCOMPARE(m_engine->calls, QStringList{QStringLiteral("pauseTrading")});
    // The click only asked: until the engine says so, trading is not paused.
    QVERIFY(!pause->isChecked());
    QCOMPARE(plain(pause->text()), QStringLiteral("Pause Trading"));

    Q_EMIT m_engine->statusChanged(pausedStatus());
    QVERIFY(pause->isChecked());
    QCOMPARE(plain(pause->text()), QStringLiteral("Resume Trading"));
    pause->trigger();
    QCOMPARE(m_engine->calls, (QStringList{QStringLiteral("pauseTrading"), QStringLiteral("resumeTrading")}));
    QVERIFY(pause->isChecked());

    Q_EMIT m_engine->statusChanged(status(now.addSecs(30)));
    QVERIFY(!pause->isChecked());
    QCOMPARE(plain(pause->text()), QStringLiteral("Pause Trading"));
}

void TestTradingControls::thePausedBadgeSaysWhoPausedAndWhen()
{
    auto* badge = m_window->findChild<QLabel*>(QStringLiteral("pausedBadge"));
    QVERIFY(badge);
    QVERIFY(!badge->isVisible());
    const EngineStatus paused = pausedStatus();
    Q_EMIT m_engine->statusChanged(paused);
    QVERIFY(badge->isVisible());
    QCOMPARE(badge->text(),
             QStringLiteral("PAUSED · by desktop (alice) · since %1").arg(Format::localTime(paused.pausedAt)));
    QVERIFY2(badge->toolTip().contains(u"Paused by desktop (alice) at 2026-11-24 15:03:10 UTC."),
             qPrintable(badge->toolTip()));
    QVERIFY(badge->toolTip().contains(u"Open positions keep their exits and alerts."));

    if (const QString dir = qEnvironmentVariable("SENTINEL_SCREENSHOT_DIR"); !dir.isEmpty()) {
        Q_EMIT m_engine->snapshotsChanged({snapshot("AAPL", Freshness::Fresh, 189.42),
                                           snapshot("MSFT", Freshness::Fresh, 412.8, "XNAS"),
                                           snapshot("EUR/USD", Freshness::Fresh, 1.08345, "FX")});
        Q_EMIT m_engine->barsAppended(
            BarUpdate{QStringLiteral("XNYS:AAPL:5min"), bars(now.addSecs(-120 * 300), 120, 186.0), true});
        Q_EMIT m_engine->portfolioChanged(portfolio(now));
        RiskSnapshot risk;
        risk.at = now;
        risk.var = 0.012;
        risk.expectedShortfall = 0.017;
        risk.methodLabel = QStringLiteral("historical");
        risk.method = VarMethod::Historical;
        risk.equity = 100153.25;
        risk.exposure = 15574.0;
        risk.currency = QStringLiteral("USD");
        risk.limits = {LimitUsage{QStringLiteral("portfolio VaR"), 0.012, 0.05}};
        Q_EMIT m_engine->riskChanged(risk);
        DeliverySnapshot delivery;
        delivery.at = now;
        delivery.channels = {
            ChannelSnapshot{QStringLiteral("telegram"), ChannelState::Ok, 14, 0, 0, 1.0, {}, {}, 180, 420}};
        delivery.updates = UpdatesView{QStringLiteral("polling"), {}, now.addSecs(-3), {}, 6, 0};
        Q_EMIT m_engine->deliveryChanged(delivery);
        Q_EMIT m_engine->proposalChanged(proposal("p1", now));
        // Only for the picture: the status bar and the watchlist settle their column widths in
        // posted events (layout requests, a zero timer). No assertion depends on it.
        QCoreApplication::processEvents();
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/main-window-paused.png")));
    }

    Q_EMIT m_engine->statusChanged(status(now.addSecs(60)));
    QVERIFY(!badge->isVisible());
}

void TestTradingControls::flattenListsEveryPositionAndSendsOnlyWhenConfirmed_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("sent");
    QTest::newRow("confirmed with Flatten All") << QStringLiteral("confirm") << true;
    QTest::newRow("cancelled with Cancel") << QStringLiteral("cancel") << false;
    QTest::newRow("cancelled with Escape") << QStringLiteral("escape") << false;
}

void TestTradingControls::flattenListsEveryPositionAndSendsOnlyWhenConfirmed()
{
    QFETCH(QString, how);
    QFETCH(bool, sent);
    const PortfolioView account = portfolio(now);
    Q_EMIT m_engine->portfolioChanged(account);
    m_window->findChild<QAction*>(QStringLiteral("actionFlattenAll"))->trigger();
    auto* box = m_window->findChild<ControlConfirmation*>(QStringLiteral("flattenConfirmation"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    const QString text = box->text();
    for (const PositionView& p : account.positions) {
        for (const QString& figure : {Format::instrumentKey(p.instrumentKey), Format::quantity(p.quantity),
                                      Format::price(p.marketPrice), Format::profit(p.unrealizedPnl, account.currency)})
            QVERIFY2(text.contains(figure.toHtmlEscaped()), qPrintable(figure + u'\n' + text));
    }
    QVERIFY(m_engine->calls.isEmpty());
    if (how == u"confirm")
        QTest::mouseClick(box->confirmButton(), Qt::LeftButton);
    else if (how == u"cancel")
        QTest::mouseClick(box->cancelButton(), Qt::LeftButton);
    else
        QTest::keyClick(box, Qt::Key_Escape);
    QCOMPARE(m_engine->calls, sent ? QStringList{QStringLiteral("flattenAll")} : QStringList{});
}

void TestTradingControls::flattenWithNoPositionsSaysSoAndSendsNothing()
{
    PortfolioView account = portfolio(now);
    account.positions.clear();
    Q_EMIT m_engine->portfolioChanged(account);
    m_window->findChild<QAction*>(QStringLiteral("actionFlattenAll"))->trigger();
    auto* box = m_window->findChild<ControlConfirmation*>(QStringLiteral("flattenConfirmation"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(u"No open positions"), qPrintable(box->text()));
    QVERIFY(!box->confirmButton());
    QTest::keyClick(box, Qt::Key_Return);
    QVERIFY(m_engine->calls.isEmpty());
}

void TestTradingControls::theKillSwitchShortcutOpensItsConfirmation()
{
    Q_EMIT m_engine->portfolioChanged(portfolio(now));
    for (const char* id : {"p1", "p2", "p3"})
        Q_EMIT m_engine->proposalChanged(proposal(id, now));
    QCOMPARE(m_window->approvalPanel()->queue()->rowCount(), 3);
    auto* killSwitch = m_window->findChild<QAction*>(QStringLiteral("actionKillSwitch"));
    QVERIFY(killSwitch);
    QCOMPARE(killSwitch->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_K));

    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QTest::keySequence(m_window, killSwitch->shortcut());
    ControlConfirmation* box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<ControlConfirmation*>(QStringLiteral("killSwitchConfirmation"))) != nullptr);
    QTRY_VERIFY(box->isVisible());
    const QString text = box->text();
    for (const char* expected : {"Pause trading:", "3 waiting now.", "2 open now, listed below.", "AAPL (XNYS)",
                                 "EUR/USD (FX)", "+148.00 USD", "-13.00 USD"})
        QVERIFY2(text.contains(QString::fromUtf8(expected)), qPrintable(QString::fromUtf8(expected) + u'\n' + text));
    QVERIFY(m_engine->calls.isEmpty());
    QTest::mouseClick(box->confirmButton(), Qt::LeftButton);
    // One call: the engine pauses, rejects and flattens in that order itself.
    QCOMPARE(m_engine->calls, QStringList{QStringLiteral("activateKillSwitch")});
}

void TestTradingControls::aCancelledKillSwitchSendsNothing()
{
    Q_EMIT m_engine->statusChanged(pausedStatus());
    m_window->findChild<QAction*>(QStringLiteral("actionKillSwitch"))->trigger();
    auto* box = m_window->findChild<ControlConfirmation*>(QStringLiteral("killSwitchConfirmation"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    // Already paused and the account not reported yet: the question says both.
    QVERIFY2(box->text().contains(u"Trading stays paused:"), qPrintable(box->text()));
    QVERIFY(box->text().contains(u"the account has not been reported yet"));
    QTest::keyClick(box, Qt::Key_Escape);
    QVERIFY(m_engine->calls.isEmpty());
}

void TestTradingControls::closingARowSendsThatKeyOnlyAfterConfirmation()
{
    Q_EMIT m_engine->portfolioChanged(portfolio(now));
    PositionsPanel* positions = m_window->positionsPanel();
    QCOMPARE(positions->model()->rowCount(), 2);
    positions->selectKey(QStringLiteral("XNYS:AAPL:5min"));
    auto* close = m_window->findChild<QAction*>(QStringLiteral("actionClosePosition"));
    QVERIFY(close);
    close->trigger();
    auto* box = m_window->findChild<ControlConfirmation*>(QStringLiteral("closePositionConfirmation"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(u"25 AAPL (XNYS)"), qPrintable(box->text()));
    QTest::keyClick(box, Qt::Key_Escape);
    QVERIFY(m_engine->calls.isEmpty());

    QTRY_VERIFY(m_window->findChild<ControlConfirmation*>(QStringLiteral("closePositionConfirmation")) == nullptr);
    close->trigger();
    QTRY_VERIFY((box = m_window->findChild<ControlConfirmation*>(QStringLiteral("closePositionConfirmation"))) !=
                nullptr);
    QTRY_VERIFY(box->isVisible());
    QTest::mouseClick(box->confirmButton(), Qt::LeftButton);
    QCOMPARE(m_engine->calls, QStringList{QStringLiteral("closePosition XNYS:AAPL:5min")});
}

void TestTradingControls::theTrayMenuHoldsTheControls()
{
    QMenu* menu = m_window->trayNotifier()->menu();
    QVERIFY(menu);
    QStringList names;
    for (const QAction* action : menu->actions())
        names << action->objectName();
    for (const char* name :
         {"actionShowWindow", "actionPauseTrading", "actionFlattenAll", "actionKillSwitch", "actionQuit"})
        QVERIFY2(names.contains(QString::fromLatin1(name)), qPrintable(names.join(u' ')));
    // The same actions as the menu bar: one state, wherever the operator reaches for it.
    auto* pause = m_window->findChild<QAction*>(QStringLiteral("actionPauseTrading"));
    QVERIFY(menu->actions().contains(pause));
    Q_EMIT m_engine->statusChanged(pausedStatus());
    QCOMPARE(plain(menu->actions().at(names.indexOf(QStringLiteral("actionPauseTrading")))->text()),
             QStringLiteral("Resume Trading"));
    pause->trigger();
    QCOMPARE(m_engine->calls, QStringList{QStringLiteral("resumeTrading")});
}

void TestTradingControls::noTwoActionsShareAShortcut()
{
    // Qt fires neither of two actions that share a key; Ctrl+Shift+K was already Acknowledge All.
    QMultiHash<QKeySequence, QString> owners;
    for (const QAction* action : m_window->findChildren<QAction*>()) {
        for (const QKeySequence& key : action->shortcuts())
            owners.insert(key, action->objectName());
    }
    for (const QKeySequence& key : owners.uniqueKeys())
        QVERIFY2(owners.count(key) == 1,
                 qPrintable(key.toString() + QStringLiteral(": ") + QStringList(owners.values(key)).join(u' ')));
}

void TestTradingControls::theControlsWaitForAnEngine()
{
    MainWindow window;
    for (const char* name : {"actionPauseTrading", "actionFlattenAll", "actionKillSwitch"})
        QVERIFY2(!window.findChild<QAction*>(QString::fromLatin1(name))->isEnabled(), name);
    EngineStatus stopped = status(now);
    stopped.state = EngineState::Stopped;
    window.onEngineStatusChanged(stopped);
    QVERIFY(!window.tradingControls()->killSwitchAction()->isEnabled());
    window.onEngineStatusChanged(status(now));
    QVERIFY(window.tradingControls()->killSwitchAction()->isEnabled());
}

QTEST_MAIN(TestTradingControls)
#include "tst_tradingcontrols.moc"
