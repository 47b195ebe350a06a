// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/RetryPolicy.h"

#include <QTest>

using namespace sentinel;
using namespace std::chrono_literals;

class TestRetryPolicy final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void delaysGrowAndStayWithinTheirBand_data();
    void delaysGrowAndStayWithinTheirBand();
    void sameSeedGivesSameDelays();
    void jitterSpreadsDelays();
};

void TestRetryPolicy::delaysGrowAndStayWithinTheirBand_data()
{
    QTest::addColumn<quint64>("seed");
    for (quint64 seed : {1ull, 42ull, 9999ull})
        QTest::addRow("seed %llu", static_cast<unsigned long long>(seed)) << seed;
}

void TestRetryPolicy::delaysGrowAndStayWithinTheirBand()
{
    QFETCH(quint64, seed);
    RetryPolicy policy(1s, 60s, seed);
    std::chrono::milliseconds previous{0};
    for (int failures = 1; failures <= 12; ++failures) {
        const auto full = std::min<std::chrono::milliseconds>(1000ms * (1 << (failures - 1)), 60s);
        const auto delay = policy.delay(failures);
        QVERIFY(delay >= full / 2);
        QVERIFY(delay <= full);
        // Below the cap the fixed half of the delay doubles, so a later failure never waits less.
        if (full < 60s)
            QVERIFY2(delay >= previous, "a later failure must never wait less before the cap");
        previous = delay;
    }
}

void TestRetryPolicy::sameSeedGivesSameDelays()
{
    RetryPolicy a(2s, 10min, 7);
    RetryPolicy b(2s, 10min, 7);
    for (int failures = 1; failures <= 8; ++failures)
        QCOMPARE(a.delay(failures).count(), b.delay(failures).count());
}

void TestRetryPolicy::jitterSpreadsDelays()
{
    RetryPolicy policy(10s, 10min, 3);
    QSet<qint64> seen;
    for (int i = 0; i < 20; ++i)
        seen.insert(policy.delay(3).count());
    QVERIFY(seen.size() > 10);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
