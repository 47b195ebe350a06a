// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ManualClock.h"

#include <QTest>

using namespace sentinel;
using namespace std::chrono_literals;

class TestManualClock final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsAtTheGivenInstantInUtc();
    void firesCallbacksInTimeOrderAndSetsNowToEach();
    void callbacksScheduledWhileAdvancingFireInTheSameAdvance();
    void cancelledCallbackNeverFires();
    void callbackOfDestroyedContextIsSkipped();
    void neverMovesBackwards();
};

static QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

void TestManualClock::startsAtTheGivenInstantInUtc()
{
    ManualClock clock(utc("2024-03-10T20:59:00Z"));
    QCOMPARE(clock.now(), utc("2024-03-10T20:59:00Z"));
    QCOMPARE(clock.now().timeSpec(), Qt::UTC);
}

void TestManualClock::firesCallbacksInTimeOrderAndSetsNowToEach()
{
    ManualClock clock(utc("2024-01-01T00:00:00Z"));
    QStringList fired;
    clock.callAt(utc("2024-01-01T00:03:00Z"), &clock, [&] { fired << clock.now().toString(Qt::ISODate); });
    clock.callAt(utc("2024-01-01T00:01:00Z"), &clock, [&] { fired << clock.now().toString(Qt::ISODate); });
    clock.callAfter(2min, &clock, [&] { fired << clock.now().toString(Qt::ISODate); });
    clock.advanceTo(utc("2024-01-01T00:02:30Z"));
    QCOMPARE(fired, (QStringList{QStringLiteral("2024-01-01T00:01:00Z"), QStringLiteral("2024-01-01T00:02:00Z")}));
    QCOMPARE(clock.now(), utc("2024-01-01T00:02:30Z"));
    QCOMPARE(clock.pendingTimers(), 1);
    QVERIFY(clock.advanceToNextTimer());
    QCOMPARE(fired.size(), 3);
    QCOMPARE(clock.now(), utc("2024-01-01T00:03:00Z"));
    QVERIFY(!clock.advanceToNextTimer());
}

void TestManualClock::callbacksScheduledWhileAdvancingFireInTheSameAdvance()
{
    ManualClock clock(utc("2024-01-01T00:00:00Z"));
    int ticks = 0;
    std::function<void()> tick = [&] {
        ++ticks;
        clock.callAfter(1min, &clock, tick);
    };
    clock.callAfter(1min, &clock, tick);
    clock.advanceBy(60min);
    QCOMPARE(ticks, 60);
}

void TestManualClock::cancelledCallbackNeverFires()
{
    ManualClock clock(utc("2024-01-01T00:00:00Z"));
    bool fired = false;
    const TimerId id = clock.callAfter(1s, &clock, [&] { fired = true; });
    clock.cancel(id);
    clock.advanceBy(1h);
    QVERIFY(!fired);
}

void TestManualClock::callbackOfDestroyedContextIsSkipped()
{
    ManualClock clock(utc("2024-01-01T00:00:00Z"));
    bool fired = false;
    auto* context = new QObject;
    clock.callAfter(1s, context, [&] { fired = true; });
    delete context;
    clock.advanceBy(1h);
    QVERIFY(!fired);
}

void TestManualClock::neverMovesBackwards()
{
    ManualClock clock(utc("2024-01-01T00:00:00Z"));
    clock.advanceTo(utc("2023-01-01T00:00:00Z"));
    QCOMPARE(clock.now(), utc("2024-01-01T00:00:00Z"));
}

QTEST_GUILESS_MAIN(TestManualClock)
#include "tst_manualclock.moc"
