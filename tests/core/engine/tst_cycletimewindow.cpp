// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/CycleTimeWindow.h"
#include "engine/RunStatistics.h"

#include <QJsonObject>
#include <QTest>

using namespace sentinel;

class TestCycleTimeWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyIsZeros();
    void percentilesAreNearestRank();
    void aLongRunKeepsAFixedWindowAndTheAllTimeMaximum();
    void runSummaryReportsTheWindow();
};

void TestCycleTimeWindow::emptyIsZeros()
{
    const CycleTimeWindow window;
    QCOMPARE(window.recorded(), 0);
    QCOMPARE(window.size(), std::size_t(0));
    const auto summary = window.summary();
    QCOMPARE(summary.p50, 0.0);
    QCOMPARE(summary.p99, 0.0);
    QCOMPARE(summary.max, 0.0);
}

void TestCycleTimeWindow::percentilesAreNearestRank()
{
    CycleTimeWindow window;
    for (int i = 100; i >= 1; --i) // unsorted on purpose
        window.record(double(i));
    const auto summary = window.summary();
    QCOMPARE(summary.p50, 50.0);
    QCOMPARE(summary.p99, 99.0);
    QCOMPARE(summary.max, 100.0);
}

void TestCycleTimeWindow::aLongRunKeepsAFixedWindowAndTheAllTimeMaximum()
{
    CycleTimeWindow window;
    constexpr qint64 capacity = qint64(CycleTimeWindow::capacity);
    window.record(5000.0); // one slow cycle at the start, long gone from the window later
    const qint64 total = 1 + 250 * capacity; // a month of cycles, and more
    for (qint64 i = 1; i < total; ++i)
        window.record(double(i % 1000) / 100.0); // 0 .. 9.99 ms
    QCOMPARE(window.recorded(), total);
    QCOMPARE(window.size(), CycleTimeWindow::capacity);
    QCOMPARE(window.firstHeld(), total - capacity);
    QCOMPARE(window.at(total - 1), double((total - 1) % 1000) / 100.0);
    QCOMPARE(window.at(window.firstHeld()), double((total - capacity) % 1000) / 100.0);
    const auto summary = window.summary();
    QCOMPARE(summary.max, 5000.0);           // all time
    QVERIFY2(summary.p99 < 10.0, qPrintable(QString::number(summary.p99))); // the window only
    QVERIFY(summary.p50 > 3.0 && summary.p50 < 7.0);
    // The memory is the object itself, whatever the length of the run.
    static_assert(sizeof(CycleTimeWindow) < 40 * 1024);
}

void TestCycleTimeWindow::runSummaryReportsTheWindow()
{
    RunStatistics stats;
    stats.cycleMs.record(2.0);
    stats.cycleMs.record(4.0);
    const QJsonObject cycleMs = stats.toJson().value(QStringLiteral("cycle_ms")).toObject();
    QCOMPARE(cycleMs.value(QStringLiteral("p50")).toDouble(), 2.0);
    QCOMPARE(cycleMs.value(QStringLiteral("p99")).toDouble(), 4.0);
    QCOMPARE(cycleMs.value(QStringLiteral("max")).toDouble(), 4.0);
}

QTEST_APPLESS_MAIN(TestCycleTimeWindow)
#include "tst_cycletimewindow.moc"
