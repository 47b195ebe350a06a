// SPDX-License-Identifier: GPL-3.0-or-later
#include "UiSamples.h"
#include "ui/Theme.h"
#include "ui/WatchlistModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>
#include <QTableView>
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
    void theFeedSaysPolledStreamedOrDegraded();
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

// Issue 14: an instrument whose price stream is down is marked degraded, in the colour of a
// warning, with the reason and the next try where the operator hovers.
void TestWatchlistModel::theFeedSaysPolledStreamedOrDegraded()
{
    WatchlistModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    InstrumentSnapshot polled = snapshot("AAPL", Freshness::Fresh);
    polled.feed = QStringLiteral("alphavantage");
    InstrumentSnapshot streamed = snapshot("EUR/USD", Freshness::Fresh, 1.08, "FX");
    streamed.feed = QStringLiteral("oanda");
    streamed.stream = StreamState{true, at("2026-11-24T14:00:00Z"), {}, 0, {}};
    model.applySnapshots({polled, streamed});
    const QModelIndex polledCell = model.index(0, WatchlistModel::FeedColumn);
    const QModelIndex streamedCell = model.index(1, WatchlistModel::FeedColumn);
    QCOMPARE(model.headerData(WatchlistModel::FeedColumn, Qt::Horizontal).toString(), QStringLiteral("Feed"));
    QCOMPARE(polledCell.data().toString(), QStringLiteral("alphavantage"));
    QVERIFY(polledCell.data(Qt::ToolTipRole).toString().contains(u"polled"));
    QCOMPARE(streamedCell.data().toString(), QStringLiteral("oanda, streamed"));
    QVERIFY(!streamedCell.data(Qt::BackgroundRole).isValid());

    streamed.stream = StreamState{false, at("2026-11-24T15:00:00Z"), at("2026-11-24T15:00:16Z"), 3,
                                  QStringLiteral("no price or heartbeat for 10 s")};
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applySnapshots({streamed});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(streamedCell.data().toString(), QStringLiteral("oanda, degraded"));
    QCOMPARE(streamedCell.data(Qt::BackgroundRole).value<QColor>(),
             Theme::freshnessBackground(Freshness::Warn, QApplication::palette()));
    const QString tip = streamedCell.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"down since") && tip.contains(u"(no price or heartbeat for 10 s)") && tip.contains(u"next try")
                 && tip.contains(u"candles"),
             qPrintable(tip));
    QCOMPARE(polledCell.data().toString(), QStringLiteral("alphavantage")); // the other row is untouched

    // For a look by eye: SENTINEL_SCREENSHOT_DIR=/tmp/shots saves the table.
    if (const QString dir = qEnvironmentVariable("SENTINEL_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTableView view;
        view.setModel(&model);
        view.resize(1100, 120);
        view.resizeColumnsToContents();
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.grab().save(dir + QStringLiteral("/watchlist-degraded.png")));
    }
}

QTEST_MAIN(TestWatchlistModel)
#include "tst_watchlistmodel.moc"
