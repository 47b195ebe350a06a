// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/EventLoopLatencyProbe.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

using namespace sentinel;

class TestEventLoopLatencyProbe final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aBlockedEventLoopShowsUpAsAStall();
    void aReportWithoutSamplesIsEmpty();
};

void TestEventLoopLatencyProbe::aBlockedEventLoopShowsUpAsAStall()
{
    EventLoopLatencyProbe probe;
    probe.start(5);
    // A handler that hogs the thread for 80 ms, the kind of work the UI must never do.
    QTimer::singleShot(50, this, [] {
        QElapsedTimer busy;
        busy.start();
        while (busy.elapsed() < 80) {
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(probe.samples() >= 40, 5000);
    probe.stop();
    const EventLoopLatencyProbe::Report report = probe.report();
    QCOMPARE(report.samples, probe.samples());
    QVERIFY2(report.maxMs >= 60.0, qPrintable(QString::number(report.maxMs)));
    QVERIFY(report.stallsOver50Ms >= 1);
    QVERIFY(report.p50Ms <= report.p99Ms);
    QVERIFY(report.p99Ms <= report.maxMs);
    QVERIFY(!probe.isRunning());
}

void TestEventLoopLatencyProbe::aReportWithoutSamplesIsEmpty()
{
    EventLoopLatencyProbe probe;
    const EventLoopLatencyProbe::Report report = probe.report();
    QCOMPARE(report.samples, 0);
    QCOMPARE(report.maxMs, 0.0);
    QCOMPARE(report.stallsOver50Ms, 0);
}

QTEST_MAIN(TestEventLoopLatencyProbe)
#include "tst_eventlooplatencyprobe.moc"
