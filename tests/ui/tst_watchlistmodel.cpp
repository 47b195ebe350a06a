// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "ui/Theme.h"
#include "ui/WatchlistModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

class TestWatchlistModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freshnessIsShownAsTextAndColour_data();
    void freshnessIsShownAsTextAndColour();
    void aKnownInstrumentUpdatesItsRowInPlace();
    void lastBarIsLocalTimeWithUtcInTheTooltip();
    void lagIsNotClaimedBeforeTheEngineMeasuredIt();
    void marketStateShowsTheHolidayName();
};

void TestWatchlistModel::freshnessIsShownAsTextAndColour_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("text");
    QTest::newRow("a fresh feed reads Fresh") << int(Freshness::Fresh) << QStringLiteral("Fresh");
    QTest::newRow("a lagging feed reads Lagging") << int(Freshness::Warn) << QStringLiteral("Lagging");
    QTest::newRow("a frozen feed reads Stale") << int(Freshness::Stale) << QStringLiteral("Stale");
    QTest::newRow("no verdict yet reads Unknown") << int(Freshness::Unknown) << QStringLiteral("Unknown");
}

void TestWatchlistModel::freshnessIsShownAsTextAndColour()
{
    QFETCH(int, state);
    QFETCH(QString, text);
    WatchlistModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applySnapshots({snapshot("AAPL", Freshness(state))});
    const QModelIndex cell = model.index(0, WatchlistModel::FreshnessColumn);
    QCOMPARE(cell.data().toString(), text);
    QCOMPARE(cell.data(Qt::BackgroundRole).value<QColor>(),
             Theme::freshnessBackground(Freshness(state), QApplication::palette()));
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), QStringLiteral("no bar since 10:00 ET while XNYS is open"));
    QCOMPARE(model.staleCount(), state == int(Freshness::Stale) ? 1 : 0);
}

void TestWatchlistModel::aKnownInstrumentUpdatesItsRowInPlace()
{
    WatchlistModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.applySnapshots({snapshot("AAPL", Freshness::Fresh), snapshot("MSFT", Freshness::Fresh, 300, "XNAS")});
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applySnapshots({snapshot("MSFT", Freshness::Stale, 301.5, "XNAS")});
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, WatchlistModel::FreshnessColumn).data().toString(), QStringLiteral("Stale"));
    QCOMPARE(model.index(1, WatchlistModel::PriceColumn).data().toString(), QLocale().toString(301.5, 'f', 2));
    QCOMPARE(model.index(1, 0).data(WatchlistModel::KeyRole).toString(), QStringLiteral("XNAS:MSFT:5min"));
}

void TestWatchlistModel::lastBarIsLocalTimeWithUtcInTheTooltip()
{
    WatchlistModel model;
    model.applySnapshots({snapshot("AAPL", Freshness::Fresh)});
    const QModelIndex cell = model.index(0, WatchlistModel::LastBarColumn);
    // TZ=Europe/Berlin in the test environment: 15:00 UTC is 16:00 local.
    QVERIFY2(cell.data().toString().contains(u"16:00"), qPrintable(cell.data().toString()));
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), QStringLiteral("Bar opened 2026-11-24 15:00:00 UTC"));
}

void TestWatchlistModel::lagIsNotClaimedBeforeTheEngineMeasuredIt()
{
    WatchlistModel model;
    InstrumentSnapshot s = snapshot("AAPL", Freshness::Unknown);
    s.lagSeconds = 0;
    model.applySnapshots({s, snapshot("MSFT", Freshness::Stale, 300, "XNAS")});
    QCOMPARE(model.index(0, WatchlistModel::LagColumn).data().toString(), QStringLiteral("—"));
    QCOMPARE(model.index(1, WatchlistModel::LagColumn).data().toString(), QStringLiteral("3 h 00 min"));
}

void TestWatchlistModel::marketStateShowsTheHolidayName()
{
    WatchlistModel model;
    InstrumentSnapshot s = snapshot("AAPL", Freshness::Fresh);
    s.marketState = QStringLiteral("holiday: Thanksgiving Day");
    model.applySnapshots({s});
    QCOMPARE(model.index(0, WatchlistModel::StateColumn).data().toString(), QStringLiteral("holiday: Thanksgiving Day"));
}

QTEST_MAIN(TestWatchlistModel)
#include "tst_watchlistmodel.moc"
