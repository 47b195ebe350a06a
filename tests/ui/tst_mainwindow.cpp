// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ManualClock.h"
#include "config/ConfigLoader.h"
#include "engine/Engine.h"
#include "ui/MainWindow.h"
#include "ui/WatchlistModel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QTableView>
#include <QTest>

using namespace sentinel;

class TestMainWindow final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void watchlistShowsLivePricesFromTheEngine();
};

void TestMainWindow::watchlistShowsLivePricesFromTheEngine()
{
    ManualClock clock(QDateTime::fromString(QStringLiteral("2026-11-24T15:02:30Z"), Qt::ISODate));
    const Config config = ConfigLoader().loadDemoProfile().config;
    Engine engine(config, &clock);
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
    clock.advanceBy(Engine::uiCoalescing);

    auto* view = window.findChild<QTableView*>(QStringLiteral("watchlistView"));
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), config.watchlist.size());
    const QModelIndex price = view->model()->index(0, WatchlistModel::PriceColumn);
    const QString first = price.data().toString();
    QVERIFY2(!first.isEmpty() && first != u"—", qPrintable(first));
    const QModelIndex lastBar = view->model()->index(0, WatchlistModel::LastBarColumn);
    QVERIFY(lastBar.data(Qt::ToolTipRole).toString().contains(u"UTC"));

    // A new bar changes the row in place.
    const QDateTime before = window.watchlistModel()->snapshotAt(0).lastBarOpen;
    clock.advanceBy(std::chrono::minutes(5));
    QTRY_VERIFY(engine.snapshots().first().lastBarOpen > before);
    clock.advanceBy(Engine::uiCoalescing);
    QCOMPARE(window.watchlistModel()->snapshotAt(0).lastBarOpen, engine.snapshots().first().lastBarOpen);
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("engineStateLabel"))->text().contains(u"running"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
