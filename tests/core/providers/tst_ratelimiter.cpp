// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ManualClock.h"
#include "providers/ProviderError.h"
#include "providers/RateLimiter.h"
#include "providers/SharedRateBudget.h"

#include <QCoreApplication>
#include <QHash>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <deque>
#include <memory>

using namespace sentinel;
using namespace std::chrono_literals;

class TestRateLimiter final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noMinuteEverHoldsMoreThanTheLimit_data();
    void noMinuteEverHoldsMoreThanTheLimit();
    void dailyQuotaResetsAtMidnightNewYork_data();
    void dailyQuotaResetsAtMidnightNewYork();
    void earliestDueRequestGoesFirst();
    void theWindowInUseIsCountedAndEmptiesAsItSlides();
    void desksSharingABudgetNeverExceedItTogether_data();
    void desksSharingABudgetNeverExceedItTogether();
    void anUnreachableSharedBudgetLeavesEachDeskItsOwnWindow();
    void providerQuotaAnswerExhaustsTheDay();
    void pauseHoldsEveryRequest();
    void breakerOpensAfterConsecutiveFailuresAndRecovers();
    void failedTrialDoublesTheCooldown();
};

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

/// Submits requests that succeed at once and records when each was granted.
struct Recorder {
    RateLimiter& limiter;
    ManualClock& clock;
    QList<qint64> grants;
    QStringList rejections;

    void submit(const QDateTime& dueAt = {})
    {
        limiter.submit(
            dueAt,
            [this] {
                grants.append(clock.nowMs());
                limiter.recordSuccess();
            },
            [this](const Error& error) { rejections.append(error.kind); });
    }
};

/// The shared window as Redis keeps it (cache/RedisRateBudget), in memory: answers at once, or
/// later when `deferred`, or grants unshared while `down`.
class MemoryBudget final : public SharedRateBudget
{
public:
    void take(const QByteArray& budget, qint64 nowMs, int limit, qint64 windowMs, Done done) override
    {
        ++asked;
        if (down) {
            done(Answer{true, 0, false});
            return;
        }
        auto answer = [this, budget, nowMs, limit, windowMs, done = std::move(done)] {
            std::deque<qint64>& taken = m_taken[budget];
            while (!taken.empty() && taken.front() <= nowMs - windowMs)
                taken.pop_front();
            if (int(taken.size()) < limit) {
                taken.push_back(nowMs);
                done(Answer{true, 0, true});
            } else {
                done(Answer{false, taken.front() + windowMs, true});
            }
        };
        if (deferred)
            QMetaObject::invokeMethod(&m_context, std::move(answer), Qt::QueuedConnection);
        else
            answer();
    }

    bool deferred = false;
    bool down = false;
    int asked = 0;

private:
    QObject m_context;
    QHash<QByteArray, std::deque<qint64>> m_taken;
};

} // namespace

void TestRateLimiter::noMinuteEverHoldsMoreThanTheLimit_data()
{
    QTest::addColumn<int>("perMinute");
    QTest::addColumn<int>("burst");
    QTest::addColumn<int>("stepSeconds");
    QTest::newRow("five a minute with twenty queued at once") << 5 << 20 << 7;
    QTest::newRow("one a minute with ten queued, clock in one-second steps") << 1 << 10 << 1;
    QTest::newRow("thirty a minute with a hundred queued, clock in odd steps") << 30 << 100 << 13;
}

void TestRateLimiter::noMinuteEverHoldsMoreThanTheLimit()
{
    QFETCH(int, perMinute);
    QFETCH(int, burst);
    QFETCH(int, stepSeconds);
    ManualClock clock(utc("2024-05-10T12:00:00Z"));
    RateLimiter limiter(clock, RateLimits{perMinute, 10'000, "America/New_York", 5, 30s, 900s});
    Recorder recorder{limiter, clock, {}, {}};
    for (int i = 0; i < burst; ++i)
        recorder.submit();
    QCOMPARE(recorder.grants.size(), perMinute);
    for (int step = 0; step < 3600 / stepSeconds && !recorder.grants.isEmpty(); ++step)
        clock.advanceBy(std::chrono::seconds(stepSeconds));
    QCOMPARE(recorder.grants.size(), burst);
    QCOMPARE(limiter.queued(), 0);
    // Every sliding 60-second window, starting at each grant, holds at most the limit.
    for (qsizetype i = 0; i < recorder.grants.size(); ++i) {
        int inWindow = 0;
        for (qsizetype j = i; j < recorder.grants.size() && recorder.grants.at(j) < recorder.grants.at(i) + 60'000; ++j)
            ++inWindow;
        QVERIFY2(inWindow <= perMinute, qPrintable(QStringLiteral("%1 requests in one minute").arg(inWindow)));
    }
}

void TestRateLimiter::dailyQuotaResetsAtMidnightNewYork_data()
{
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDateTime>("expectedReset");
    // Midnight EDT is 04:00Z, midnight EST 05:00Z.
    QTest::newRow("in summer the quota resets at 04:00Z") << utc("2024-07-10T15:00:00Z") << utc("2024-07-11T04:00:00Z");
    QTest::newRow("in winter the quota resets at 05:00Z") << utc("2024-01-10T15:00:00Z") << utc("2024-01-11T05:00:00Z");
    QTest::newRow("late evening utc is still the same new york day")
        << utc("2024-07-11T03:30:00Z") << utc("2024-07-11T04:00:00Z");
    QTest::newRow("the night the clocks go back resets at 04:00Z")
        << utc("2024-11-02T20:00:00Z") << utc("2024-11-03T04:00:00Z");
}

void TestRateLimiter::dailyQuotaResetsAtMidnightNewYork()
{
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, expectedReset);
    ManualClock clock(start);
    RateLimiter limiter(clock, RateLimits{5, 3, "America/New_York", 5, 30s, 900s});
    QSignalSpy exhausted(&limiter, &RateLimiter::quotaExhausted);
    Recorder recorder{limiter, clock, {}, {}};
    for (int i = 0; i < 5; ++i)
        recorder.submit();
    QCOMPARE(recorder.grants.size(), 3);
    QCOMPARE(recorder.rejections, (QStringList{QStringLiteral("quota_exhausted"), QStringLiteral("quota_exhausted")}));
    QCOMPARE(exhausted.count(), 1);
    QCOMPARE(exhausted.first().first().toDateTime(), expectedReset);

    clock.advanceTo(expectedReset.addSecs(-1));
    recorder.submit();
    QCOMPARE(recorder.grants.size(), 3);
    clock.advanceTo(expectedReset);
    recorder.submit();
    QCOMPARE(recorder.grants.size(), 4);
    QCOMPARE(limiter.grantedToday(), 1);
}

void TestRateLimiter::earliestDueRequestGoesFirst()
{
    ManualClock clock(utc("2024-05-10T12:00:00Z"));
    RateLimiter limiter(clock, RateLimits{1, 100, "America/New_York", 5, 30s, 900s});
    QStringList order;
    auto submit = [&](const char* name, const char* due) {
        limiter.submit(utc(due), [&order, &limiter, name] {
            order.append(QString::fromLatin1(name));
            limiter.recordSuccess();
        }, [](const Error&) {});
    };
    submit("first in, goes at once", "2024-05-10T12:10:00Z");
    submit("due last", "2024-05-10T12:09:00Z");
    submit("due first", "2024-05-10T12:01:00Z");
    submit("due second", "2024-05-10T12:05:00Z");
    clock.advanceBy(10min);
    QCOMPARE(order, (QStringList{QStringLiteral("first in, goes at once"), QStringLiteral("due first"),
                                 QStringLiteral("due second"), QStringLiteral("due last")}));
}

void TestRateLimiter::providerQuotaAnswerExhaustsTheDay()
{
    ManualClock clock(utc("2024-05-10T12:00:00Z"));
    RateLimiter limiter(clock, RateLimits{5, 25, "America/New_York", 5, 30s, 900s});
    QSignalSpy exhausted(&limiter, &RateLimiter::quotaExhausted);
    Recorder recorder{limiter, clock, {}, {}};
    recorder.submit();
    limiter.markQuotaExhausted();
    recorder.submit();
    QCOMPARE(recorder.grants.size(), 1);
    QCOMPARE(recorder.rejections, QStringList{QStringLiteral("quota_exhausted")});
    QCOMPARE(exhausted.count(), 1);
    QCOMPARE(exhausted.first().first().toDateTime(), utc("2024-05-11T04:00:00Z"));
}

void TestRateLimiter::pauseHoldsEveryRequest()
{
    ManualClock clock(utc("2024-05-10T12:00:00Z"));
    RateLimiter limiter(clock, RateLimits{5, 25, "America/New_York", 5, 30s, 900s});
    Recorder recorder{limiter, clock, {}, {}};
    limiter.pauseUntil(clock.now().addSecs(60));
    recorder.submit();
    recorder.submit();
    QCOMPARE(recorder.grants.size(), 0);
    clock.advanceBy(59s);
    QCOMPARE(recorder.grants.size(), 0);
    clock.advanceBy(1s);
    QCOMPARE(recorder.grants.size(), 2);
}

void TestRateLimiter::breakerOpensAfterConsecutiveFailuresAndRecovers()
{
    ManualClock clock(utc("2024-05-10T12:00:00Z"));
    RateLimiter limiter(clock, RateLimits{100, 1000, "America/New_York", 3, 30s, 900s});
    QSignalSpy opened(&limiter, &RateLimiter::circuitOpened);
    QSignalSpy closed(&limiter, &RateLimiter::circuitClosed);
    int started = 0;
    QStringList rejections;
    auto submitFailing = [&] {
        limiter.submit({}, [&] { ++started; limiter.recordFailure(); }, [&](const Error& e) { rejections << e.kind; });
    };
    for (int i = 0; i < 3; ++i)
        submitFailing();
    QCOMPARE(started, 3);
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.first().first().toDateTime(), utc("2024-05-10T12:00:30Z"));
    submitFailing();
    QCOMPARE(started, 3);
    QCOMPARE(rejections, QStringList{QStringLiteral("circuit_open")});

    clock.advanceBy(30s);
    QCOMPARE(limiter.circuitState(), RateLimiter::CircuitState::HalfOpen);
    // The trial is in flight: a second request waits for its outcome.
    bool trialStarted = false;
    bool secondStarted = false;
    limiter.submit({}, [&] { trialStarted = true; }, [](const Error&) {});
    limiter.submit({}, [&] { secondStarted = true; limiter.recordSuccess(); }, [](const Error&) {});
    QVERIFY(trialStarted);
    QVERIFY(!secondStarted);
    limiter.recordSuccess();
    QCOMPARE(closed.count(), 1);
    QVERIFY(secondStarted);
    QCOMPARE(limiter.circuitState(), RateLimiter::CircuitState::Closed);
}

void TestRateLimiter::failedTrialDoublesTheCooldown()
{
    ManualClock clock(utc("2024-05-10T12:00:00Z"));
    RateLimiter limiter(clock, RateLimits{100, 1000, "America/New_York", 2, 30s, 900s});
    QSignalSpy opened(&limiter, &RateLimiter::circuitOpened);
    auto fail = [&] { limiter.submit({}, [&] { limiter.recordFailure(); }, [](const Error&) {}); };
    fail();
    fail();
    QCOMPARE(opened.count(), 1);
    clock.advanceBy(30s);
    fail(); // the trial
    QCOMPARE(opened.count(), 2);
    QCOMPARE(opened.last().first().toDateTime(), utc("2024-05-10T12:01:30Z"));
}

void TestRateLimiter::desksSharingABudgetNeverExceedItTogether_data()
{
    QTest::addColumn<bool>("deferred");
    QTest::newRow("the shared window answers at once") << false;
    QTest::newRow("the shared window answers later, as Redis does") << true;
}

// Issue 14: several desks on one account share its rate budget, so adding a desk never breaks the
// limit. Two desks of 5 a minute each, 8 requests each: 5 a minute between them, all 16 in time.
void TestRateLimiter::desksSharingABudgetNeverExceedItTogether()
{
    QFETCH(bool, deferred);
    ManualClock clock(utc("2024-05-10T12:00:00Z"));
    auto shared = std::make_shared<MemoryBudget>();
    shared->deferred = deferred;
    RateLimiter first(clock, RateLimits{5, 10'000, "America/New_York", 5, 30s, 900s});
    RateLimiter second(clock, RateLimits{5, 10'000, "America/New_York", 5, 30s, 900s});
    first.shareWith(shared, "oanda:account");
    second.shareWith(shared, "oanda:account");
    QList<qint64> grants;
    Recorder one{first, clock, {}, {}};
    Recorder two{second, clock, {}, {}};
    for (int i = 0; i < 8; ++i) {
        one.submit();
        two.submit();
    }
    for (int step = 0; step < 300 && one.grants.size() + two.grants.size() < 16; ++step) {
        QCoreApplication::processEvents(); // deferred answers
        clock.advanceBy(1s);
    }
    QCOMPARE(one.grants.size() + two.grants.size(), 16);
    grants = one.grants + two.grants;
    std::sort(grants.begin(), grants.end());
    for (qsizetype i = 0; i + 5 < grants.size(); ++i)
        QVERIFY2(grants.at(i + 5) - grants.at(i) >= 60'000,
                 qPrintable(QStringLiteral("6 requests within %1 ms").arg(grants.at(i + 5) - grants.at(i))));
    QVERIFY(!one.grants.isEmpty() && !two.grants.isEmpty()); // both desks got their turn
}

void TestRateLimiter::anUnreachableSharedBudgetLeavesEachDeskItsOwnWindow()
{
    ManualClock clock(utc("2024-05-10T12:00:00Z"));
    auto shared = std::make_shared<MemoryBudget>();
    shared->down = true;
    RateLimiter first(clock, RateLimits{5, 10'000, "America/New_York", 5, 30s, 900s});
    first.shareWith(shared, "oanda:account");
    Recorder one{first, clock, {}, {}};
    for (int i = 0; i < 8; ++i)
        one.submit();
    QCOMPARE(one.grants.size(), 5); // the desk's own limit still holds
    QCOMPARE(shared->asked, 5);
    clock.advanceBy(60s);
    QCOMPARE(one.grants.size(), 8);
}

// What the Caches panel and sentinel_api_rate_window_used show: grants within the sliding window.
void TestRateLimiter::theWindowInUseIsCountedAndEmptiesAsItSlides()
{
    ManualClock clock(utc("2024-05-10T12:00:00Z"));
    RateLimits perSecond{10, 100'000, "America/New_York", 5, 30s, 900s};
    perSecond.window = 1s;
    RateLimiter limiter(clock, perSecond);
    Recorder recorder{limiter, clock, {}, {}};
    for (int i = 0; i < 4; ++i)
        recorder.submit();
    QCOMPARE(limiter.grantedInWindow(), 4);
    clock.advanceBy(600ms);
    for (int i = 0; i < 8; ++i)
        recorder.submit(); // 6 go out, 2 wait for the window to slide
    QCOMPARE(limiter.grantedInWindow(), 10);
    clock.advanceBy(500ms); // the first 4 left the window, the 2 waiting went out
    QCOMPARE(recorder.grants.size(), 12);
    QCOMPARE(limiter.grantedInWindow(), 8);
    clock.advanceBy(2s);
    QCOMPARE(limiter.grantedInWindow(), 0);
    QCOMPARE(limiter.grantedToday(), 12);
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
