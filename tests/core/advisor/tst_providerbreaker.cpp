// SPDX-License-Identifier: GPL-3.0-or-later
// ProviderBreaker on a ManualClock: when it opens, when it turns half-open, how one probe
// decides, how the cool-down doubles up to its cap, and which failures count as outages.
#include "advisor/AdvisorError.h"
#include "advisor/ProviderBreaker.h"
#include "common/ManualClock.h"
#include "net/NetLimits.h"

#include <QTest>

using namespace sentinel;
using namespace sentinel::advisor;
using namespace std::chrono_literals;

class TestProviderBreaker final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opensOnlyAfterThresholdConsecutiveOutages();
    void answerBetweenOutagesStartsTheCountAgain();
    void turnsHalfOpenExactlyWhenTheCooldownEnds();
    void failedProbeReopensForTwiceAsLongUpToTheCap();
    void successfulProbeClosesAndResetsTheCooldown();
    void onlyOutagesCount_data();
    void onlyOutagesCount();
};

namespace {

const QDateTime kStart = QDateTime::fromString(u"2026-03-02T14:00:00Z"_qs, Qt::ISODate);
const BreakerSettings kSettings{3, 30s, 100s};

} // namespace

void TestProviderBreaker::opensOnlyAfterThresholdConsecutiveOutages()
{
    ManualClock clock(kStart);
    ProviderBreaker breaker(clock, kSettings);
    breaker.recordFailure();
    breaker.recordFailure();
    QCOMPARE(breaker.state(), BreakerState::Closed);
    QVERIFY(!breaker.retryAt().isValid());
    breaker.recordFailure();
    QCOMPARE(breaker.state(), BreakerState::Open);
    QCOMPARE(breaker.retryAt(), kStart.addSecs(30));
}

void TestProviderBreaker::answerBetweenOutagesStartsTheCountAgain()
{
    ManualClock clock(kStart);
    ProviderBreaker breaker(clock, kSettings);
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    breaker.recordFailure();
    QCOMPARE(breaker.state(), BreakerState::Closed);
    QCOMPARE(breaker.consecutiveFailures(), 2);
}

void TestProviderBreaker::turnsHalfOpenExactlyWhenTheCooldownEnds()
{
    ManualClock clock(kStart);
    ProviderBreaker breaker(clock, kSettings);
    for (int i = 0; i < 3; ++i)
        breaker.recordFailure();
    clock.advanceBy(29999ms);
    QCOMPARE(breaker.state(), BreakerState::Open);
    breaker.recordFailure(); // a late answer while open changes nothing
    QCOMPARE(breaker.retryAt(), kStart.addSecs(30));
    clock.advanceBy(1ms);
    QCOMPARE(breaker.state(), BreakerState::HalfOpen);
}

void TestProviderBreaker::failedProbeReopensForTwiceAsLongUpToTheCap()
{
    ManualClock clock(kStart);
    ProviderBreaker breaker(clock, kSettings);
    for (int i = 0; i < 3; ++i)
        breaker.recordFailure();
    const std::chrono::milliseconds expected[] = {60s, 100s, 100s}; // 30 → 60 → 120 capped at 100
    for (const auto cooldown : expected) {
        clock.advanceTo(breaker.retryAt());
        QCOMPARE(breaker.state(), BreakerState::HalfOpen);
        breaker.recordFailure();
        QCOMPARE(breaker.state(), BreakerState::Open);
        QCOMPARE(breaker.cooldown(), cooldown);
        QCOMPARE(breaker.retryAt(), clock.now().addMSecs(cooldown.count()));
    }
}

void TestProviderBreaker::successfulProbeClosesAndResetsTheCooldown()
{
    ManualClock clock(kStart);
    ProviderBreaker breaker(clock, kSettings);
    for (int i = 0; i < 3; ++i)
        breaker.recordFailure();
    clock.advanceTo(breaker.retryAt());
    breaker.recordFailure(); // re-open for 60 s
    clock.advanceTo(breaker.retryAt());
    breaker.recordSuccess();
    QCOMPARE(breaker.state(), BreakerState::Closed);
    QCOMPARE(breaker.cooldown(), 30s);
    for (int i = 0; i < 3; ++i)
        breaker.recordFailure();
    QCOMPARE(breaker.retryAt(), clock.now().addSecs(30));
}

void TestProviderBreaker::onlyOutagesCount_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("outage");
    QTest::newRow("no connection is an outage") << QString::fromUtf16(advisorError::Unreachable) << true;
    QTest::newRow("a missed deadline is an outage") << QString::fromUtf16(net::DeadlineExceeded) << true;
    QTest::newRow("an overloaded server is an outage") << QString::fromUtf16(advisorError::Overloaded) << true;
    QTest::newRow("a 5xx is an outage") << QString::fromUtf16(advisorError::ServerError) << true;
    QTest::newRow("a cut stream is an outage") << QString::fromUtf16(advisorError::StreamError) << true;
    QTest::newRow("a model's bad answer is not") << QString::fromUtf16(advisorError::InvalidOutput) << false;
    QTest::newRow("a missing model is not") << QString::fromUtf16(advisorError::ModelNotFound) << false;
    QTest::newRow("a refused key is not") << QString::fromUtf16(advisorError::Unauthorized) << false;
    QTest::newRow("a rate limit is not") << QString::fromUtf16(advisorError::RateLimited) << false;
}

void TestProviderBreaker::onlyOutagesCount()
{
    QFETCH(QString, kind);
    QFETCH(bool, outage);
    QCOMPARE(isOutage(Error{kind, u"x"_qs}), outage);
}

QTEST_GUILESS_MAIN(TestProviderBreaker)
#include "tst_providerbreaker.moc"
