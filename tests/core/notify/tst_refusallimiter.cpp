// SPDX-License-Identifier: GPL-3.0-or-later
// RefusalLimiter (ADR 0119): a stranger cannot spend the bot's send budget, and the operator
// hears of each stranger once per window.
#include "common/ManualClock.h"
#include "notify/RefusalLimiter.h"

#include <QTest>

using namespace sentinel;
using namespace std::chrono_literals;

class TestRefusalLimiter final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aStrangerPressingInALoopGetsOneReplyAMinute();
    void allStrangersTogetherShareTheOverallBudget();
    void oneAlertPerStrangerPerWindowCountsTheAttempts();
    void aCrowdOfStrangersIsBoundedAndCounted();
};

namespace {
QDateTime start()
{
    return QDateTime(QDate(2026, 12, 1), QTime(14, 0), Qt::UTC);
}
} // namespace

void TestRefusalLimiter::aStrangerPressingInALoopGetsOneReplyAMinute()
{
    ManualClock clock(start());
    RefusalLimiter limiter(clock);
    int replies = 0;
    for (int i = 0; i < 600; ++i) { // ten presses a second for a minute
        replies += limiter.admit(7).reply ? 1 : 0;
        clock.advanceBy(100ms);
    }
    QCOMPARE(replies, 1);
    QCOMPARE(limiter.refused(), 600);
    QCOMPARE(limiter.dropped(), 599);
    clock.advanceBy(1s);
    QVERIFY(limiter.admit(7).reply);
}

void TestRefusalLimiter::allStrangersTogetherShareTheOverallBudget()
{
    ManualClock clock(start());
    RefusalLimiter limiter(clock, RefusalLimits{3, 1, 10min, 100});
    int replies = 0;
    for (qint64 user = 1; user <= 10; ++user)
        replies += limiter.admit(user).reply ? 1 : 0;
    QCOMPARE(replies, 3);
    clock.advanceBy(61s);
    QVERIFY(limiter.admit(11).reply);
}

void TestRefusalLimiter::oneAlertPerStrangerPerWindowCountsTheAttempts()
{
    ManualClock clock(start());
    RefusalLimiter limiter(clock);
    const RefusalDecision first = limiter.admit(7);
    QVERIFY(first.alert);
    QCOMPARE(first.attempts, 1);
    int alerts = 0;
    for (int i = 0; i < 40; ++i) {
        clock.advanceBy(10s);
        alerts += limiter.admit(7).alert ? 1 : 0;
    }
    // 400 s later, still inside the 10-minute window: folded in.
    QCOMPARE(alerts, 0);
    QVERIFY(limiter.admit(8).alert); // another stranger is another alert
    clock.advanceBy(200s);
    const RefusalDecision again = limiter.admit(7);
    QVERIFY(again.alert);
    QCOMPARE(again.attempts, 41); // the 40 folded in and this one
}

void TestRefusalLimiter::aCrowdOfStrangersIsBoundedAndCounted()
{
    ManualClock clock(start());
    RefusalLimiter limiter(clock, RefusalLimits{6, 1, 10min, 50});
    int alerts = 0;
    for (qint64 user = 1; user <= 500; ++user)
        alerts += limiter.admit(user).alert ? 1 : 0;
    QCOMPARE(limiter.trackedUsers(), 50);
    QCOMPARE(alerts, 50);
    QCOMPARE(limiter.refused(), 500);
    QCOMPARE(limiter.dropped(), 494);
    // Once the window has passed, the idle strangers are forgotten and new ones are seen again.
    clock.advanceBy(11min);
    QVERIFY(limiter.admit(10'000).alert);
    QCOMPARE(limiter.trackedUsers(), 1);
}

QTEST_GUILESS_MAIN(TestRefusalLimiter)
#include "tst_refusallimiter.moc"
