// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "common/ManualClock.h"
#include "config/ConfigLoader.h"
#include "engine/Engine.h"
#include "ui/AlertModel.h"
#include "ui/AlertPanel.h"
#include "ui/ApprovalModel.h"
#include "ui/ApprovalPanel.h"
#include "ui/MainWindow.h"
#include "ui/RiskPanel.h"
#include "ui/TrayNotifier.h"
#include "ui/WatchlistModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

class TestMainWindow final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void watchlistShowsLivePricesFromTheEngine();
    void aProposalIsApprovedThroughTheNamedActionAndThePanelsUpdate();
    void aFrozenFeedTurnsItsRowStaleAndRaisesAnAlert();
    void anExpiredProposalLeavesTheQueueAsRejected();
    void acknowledgingAnAlertTellsTheEngine();
    void theLayoutIsSavedAndRestored();
    void everyDockAndActionHasAnObjectName();
    void everyControlHasAnAccessibleName();
    void theAlertSoundIsOffUntilChosenAndThenSoundsForWhatNotifies();
};

namespace {
QLabel* label(const MainWindow& window, const char* name)
{
    return window.findChild<QLabel*>(QString::fromLatin1(name));
}
QAction* action(const MainWindow& window, const char* name)
{
    return window.findChild<QAction*>(QString::fromLatin1(name));
}
} // namespace

void TestMainWindow::watchlistShowsLivePricesFromTheEngine()
{
    ManualClock clock(QDateTime::fromString(QStringLiteral("2026-11-24T15:02:30Z"), Qt::ISODate));
    const Config config = ConfigLoader().loadDemoProfile().config;
    QTemporaryDir dir;
    EngineOptions options;
    options.journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
    Engine engine(config, &clock, options);
    MainWindow window;
    QAbstractItemModelTester tester(window.watchlistModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(&engine, &Engine::snapshotsChanged, &window, &MainWindow::onSnapshotsChanged);
    connect(&engine, &Engine::statusChanged, &window, &MainWindow::onEngineStatusChanged);
    window.show();
    engine.start();

    // Let the provider answer, then end the UI coalescing window on the engine clock.
    const auto everyInstrumentHasBars = [&engine] {
        const InstrumentSnapshots snapshots = engine.snapshots();
        return std::all_of(snapshots.cbegin(), snapshots.cend(), [](const InstrumentSnapshot& s) { return s.barCount > 0; });
    };
    QTRY_VERIFY(everyInstrumentHasBars());

    auto* view = window.findChild<QTableView*>(QStringLiteral("watchlistView"));
    QVERIFY(view);
    QTRY_COMPARE(view->model()->rowCount(), config.watchlist.size()); // after the coalescing window
    const QModelIndex price = view->model()->index(0, WatchlistModel::PriceColumn);
    const QString first = price.data().toString();
    QVERIFY2(!first.isEmpty() && first != u"—", qPrintable(first));
    const QModelIndex lastBar = view->model()->index(0, WatchlistModel::LastBarColumn);
    QVERIFY(lastBar.data(Qt::ToolTipRole).toString().contains(u"UTC"));

    // A new bar changes the row in place.
    const QDateTime before = window.watchlistModel()->snapshotAt(0).lastBarOpen;
    clock.advanceBy(std::chrono::minutes(5));
    QTRY_VERIFY(engine.snapshots().first().lastBarOpen > before);
    QTRY_COMPARE(window.watchlistModel()->snapshotAt(0).lastBarOpen, engine.snapshots().first().lastBarOpen);
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("engineStateLabel"))->text().contains(u"running"));
}

void TestMainWindow::aProposalIsApprovedThroughTheNamedActionAndThePanelsUpdate()
{
    MainWindow window;
    QAbstractItemModelTester queueTester(window.approvalPanel()->queue(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();
    QSignalSpy approved(&window, &MainWindow::approveRequested);
    QSignalSpy notified(window.trayNotifier(), &TrayNotifier::notified);
    const QDateTime now = at("2026-11-24T15:05:00Z");
    window.onEngineStatusChanged(status(now));
    window.onProposalChanged(proposal("p1", now));
    QCOMPARE(window.approvalPanel()->queue()->rowCount(), 1);
    QCOMPARE(notified.count(), 1);
    QVERIFY(notified.first().at(0).toString().contains(u"AAPL"));
    QCOMPARE(label(window, "pendingApprovalsLabel")->text(), QStringLiteral("1 pending"));

    window.approvalPanel()->setConfirmationRequired(false);
    action(window, "actionApproveSelected")->trigger();
    QCOMPARE(approved.count(), 1);
    QCOMPARE(approved.first().at(0).toString(), QStringLiteral("p1"));

    // The engine answers: executed, with the risk it now carries.
    window.onProposalChanged(proposal("p1", now, 300, ProposalView::State::Executed));
    window.onRiskChanged(risk(now.addSecs(2)));
    QCOMPARE(window.approvalPanel()->queue()->rowCount(), 0);
    QCOMPARE(window.approvalPanel()->history()->index(0, ApprovalModel::StatusColumn).data().toString(),
             QStringLiteral("executed"));
    QCOMPARE(label(window, "pendingApprovalsLabel")->text(), QStringLiteral("0 pending"));
    QVERIFY(label(window, "varLabel")->text().startsWith(u"1.90 %"));
    QCOMPARE(label(window, "varMethodBadge")->text(), QStringLiteral("bootstrap (12 returns)"));
    QProgressBar* varLimit = window.riskPanel()->limitBar(QStringLiteral("portfolio VaR"));
    QVERIFY(varLimit);
    QCOMPARE(varLimit->value(), 380);
    QCOMPARE(notified.count(), 1);
}

void TestMainWindow::aFrozenFeedTurnsItsRowStaleAndRaisesAnAlert()
{
    MainWindow window;
    QSignalSpy notified(window.trayNotifier(), &TrayNotifier::notified);
    window.onSnapshotsChanged({snapshot("AAPL", Freshness::Fresh), snapshot("MSFT", Freshness::Fresh, 300, "XNAS")});
    QCOMPARE(label(window, "staleInstrumentsLabel")->text(), QStringLiteral("0 stale"));
    window.onSnapshotsChanged({snapshot("AAPL", Freshness::Stale)});
    window.onAlertRaised(alert("a1", AlertView::Severity::Critical, "stale_data"));
    const QModelIndex freshness = window.watchlistModel()->index(0, WatchlistModel::FreshnessColumn);
    QCOMPARE(freshness.data().toString(), QStringLiteral("Stale"));
    QCOMPARE(label(window, "staleInstrumentsLabel")->text(), QStringLiteral("1 stale"));
    QCOMPARE(window.alertPanel()->model()->rowCount(), 1);
    QCOMPARE(window.alertPanel()->model()->index(0, AlertModel::KindColumn).data().toString(), QStringLiteral("Stale data"));
    QCOMPARE(window.alertPanel()->windowTitle(), QStringLiteral("Alerts (1)"));
    QCOMPARE(notified.count(), 1);
    // A warning is listed but does not pop up a notification.
    window.onAlertRaised(alert("a2", AlertView::Severity::Warning, "quota_exhausted"));
    QCOMPARE(notified.count(), 1);
}

void TestMainWindow::anExpiredProposalLeavesTheQueueAsRejected()
{
    MainWindow window;
    const QDateTime now = at("2026-11-24T15:05:00Z");
    window.onEngineStatusChanged(status(now));
    window.onProposalChanged(proposal("p1", now, 60));
    QCOMPARE(window.approvalPanel()->queue()->index(0, ApprovalModel::StatusColumn).data().toString(), QStringLiteral("1:00"));
    window.onEngineStatusChanged(status(now.addSecs(60)));
    QCOMPARE(window.approvalPanel()->queue()->index(0, ApprovalModel::StatusColumn).data().toString(), QStringLiteral("expired"));
    ProposalView expired = proposal("p1", now, 60, ProposalView::State::Expired);
    expired.resolution = QStringLiteral("no decision within 60 s");
    window.onProposalChanged(expired);
    QCOMPARE(window.approvalPanel()->queue()->rowCount(), 0);
    QCOMPARE(window.approvalPanel()->history()->index(0, ApprovalModel::StatusColumn).data().toString(),
             QStringLiteral("expired (rejected) — no decision within 60 s"));
    QVERIFY(!action(window, "actionApproveSelected")->isEnabled());
}

void TestMainWindow::acknowledgingAnAlertTellsTheEngine()
{
    MainWindow window;
    window.show();
    QSignalSpy acknowledged(&window, &MainWindow::acknowledgeRequested);
    window.onAlertRaised(alert("a1", AlertView::Severity::Warning));
    window.onAlertRaised(alert("a2", AlertView::Severity::Critical));
    window.alertPanel()->view()->selectRow(0);
    action(window, "actionAcknowledgeAlert")->trigger();
    QCOMPARE(acknowledged.count(), 1);
    QCOMPARE(acknowledged.first().at(0).toString(), QStringLiteral("a2"));
    action(window, "actionAcknowledgeAllAlerts")->trigger();
    QCOMPARE(acknowledged.count(), 2);
    QCOMPARE(acknowledged.last().at(0).toString(), QStringLiteral("a1"));
    QCOMPARE(window.alertPanel()->windowTitle(), QStringLiteral("Alerts"));
}

void TestMainWindow::theLayoutIsSavedAndRestored()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QByteArray saved = window.saveLayout();
    auto* risk = window.findChild<QDockWidget*>(QStringLiteral("riskDock"));
    QVERIFY(risk);
    risk->hide();
    QVERIFY(window.restoreLayout(saved));
    QVERIFY(risk->isVisible());
    risk->hide();
    QVERIFY(!window.restoreLayout(QByteArray("not a layout")));
    action(window, "actionResetLayout")->trigger();
    QVERIFY(risk->isVisible());
}

void TestMainWindow::everyDockAndActionHasAnObjectName()
{
    MainWindow window;
    const auto docks = window.findChildren<QDockWidget*>();
    QCOMPARE(docks.size(), 10);
    for (const QDockWidget* dock : docks)
        QVERIFY2(!dock->objectName().isEmpty(), qPrintable(dock->windowTitle()));
    for (const QAction* a : window.actions())
        QVERIFY2(!a->objectName().isEmpty(), qPrintable(a->text()));
    for (const char* name : {"actionApproveSelected", "actionRejectSelected", "actionSendTestMessage",
                             "actionAcknowledgeAlert", "actionResetZoom", "actionSettings", "actionQuit",
                             "actionPauseTrading", "actionFlattenAll", "actionKillSwitch", "actionClosePosition",
                             "actionSimulate"})
        QVERIFY2(action(window, name), name);
}

void TestMainWindow::everyControlHasAnAccessibleName()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.onSnapshotsChanged({snapshot("AAPL", Freshness::Fresh)});
    window.onProposalChanged(proposal("p1", at("2026-11-24T15:05:00Z")));
    const QStringList unnamed = unnamedControls(&window);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestMainWindow::theAlertSoundIsOffUntilChosenAndThenSoundsForWhatNotifies()
{
    MainWindow window;
    TrayNotifier* tray = window.trayNotifier();
    const QDateTime now = at("2026-11-24T15:05:00Z");
    window.onEngineStatusChanged(status(now));
    window.onProposalChanged(proposal("p1", now));
    window.onAlertRaised(alert("a1", AlertView::Severity::Critical, "stale_data"));
    QVERIFY(!tray->soundEnabled());
    QCOMPARE(tray->soundsPlayed(), 0);

    tray->setSoundEnabled(true);
    window.onProposalChanged(proposal("p2", now));
    QCOMPARE(tray->soundsPlayed(), 1);
    // A warning and a proposal's later states are listed in silence.
    window.onAlertRaised(alert("a2", AlertView::Severity::Warning, "quota_exhausted"));
    window.onProposalChanged(proposal("p2", now, 300, ProposalView::State::Executed));
    QCOMPARE(tray->soundsPlayed(), 1);
    window.onAlertRaised(alert("a3", AlertView::Severity::Critical, "stale_data"));
    QCOMPARE(tray->soundsPlayed(), 2);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
