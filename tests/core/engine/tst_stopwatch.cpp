// SPDX-License-Identifier: GPL-3.0-or-later
// The protective stop watch on its own (ADR 0140): positions, their journal origins, closes and the
// real freshness gate's tokens in; exit signals out, once per crossing.
#include "engine/StopWatch.h"
#include "market/CalendarRegistry.h"
#include "market/FreshnessGate.h"

#include <QTest>

using namespace sentinel;

namespace {

const Instrument eurUsd{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5};
const Instrument gbpUsd{QStringLiteral("GBP/USD"), QStringLiteral("FX"), Interval::Min5};

/// Tuesday 24 November 2026, FX open; bar `n` opens 5 n minutes after 15:00.
QDateTime barOpen(int n)
{
    return QDateTime(QDate(2026, 11, 24), QTime(15, 0), Qt::UTC).addSecs(300 * n);
}

Bar bar(int n, double close)
{
    Bar b;
    b.openTime = barOpen(n);
    b.open = close;
    b.high = close;
    b.low = close;
    b.close = close;
    b.volume = 1;
    return b;
}

PositionOrigin origin(double units, std::optional<double> stop, const QDateTime& openedAt = barOpen(-12))
{
    PositionOrigin o;
    o.units = units;
    o.openedAt = openedAt;
    o.stopPrice = stop;
    return o;
}

} // namespace

class TestStopWatch final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aCrossedStopBecomesAnExitOfThePosition_data();
    void aCrossedStopBecomesAnExitOfThePosition();
    void aCrossingIsProposedOnceUntilThePriceComesBack();
    void aCrossingTheDeskDidNotTakeIsAskedAgain();
    void aNewPositionOrANewStopIsANewCrossing_data();
    void aNewPositionOrANewStopIsANewCrossing();
    void aTokenForAnotherInstrumentOrAnOlderBarProvesNothing();

private:
    /// The gate's token for `instrument`'s bar `n`, judged a minute after it closed.
    [[nodiscard]] FreshDataToken fresh(int n, const Instrument& instrument = eurUsd) const;

    FreshnessGate m_gate = FreshnessGate(CalendarRegistry::builtIn().value(), FreshnessPolicy());
};

FreshDataToken TestStopWatch::fresh(int n, const Instrument& instrument) const
{
    const auto check = m_gate.evaluate(instrument, barOpen(n), barOpen(n + 1).addSecs(60));
    if (!check || !check->token)
        qFatal("the gate did not judge bar %d fresh", n);
    return *check->token;
}

void TestStopWatch::aCrossedStopBecomesAnExitOfThePosition_data()
{
    QTest::addColumn<double>("units");
    QTest::addColumn<std::optional<double>>("stop");
    QTest::addColumn<double>("close");
    QTest::addColumn<QString>("exit"); ///< the exit's side; empty: none
    QTest::addColumn<QString>("reason");
    const auto stop = [](double price) { return std::optional<double>(price); };
    QTest::newRow("a long whose close falls through its stop is sold")
        << 1000.0 << stop(1.0812) << 1.0809 << QStringLiteral("sell") << QStringLiteral("protective stop 1.0812 crossed (last 1.0809)");
    QTest::newRow("a long whose close touches its stop is sold")
        << 1000.0 << stop(1.0812) << 1.0812 << QStringLiteral("sell") << QStringLiteral("protective stop 1.0812 crossed (last 1.0812)");
    QTest::newRow("a long above its stop is left alone") << 1000.0 << stop(1.0812) << 1.0813 << QString() << QString();
    QTest::newRow("a short whose close rises through its stop is bought back")
        << -2000.0 << stop(1.09) << 1.0905 << QStringLiteral("buy") << QStringLiteral("protective stop 1.09 crossed (last 1.0905)");
    QTest::newRow("a short below its stop is left alone") << -2000.0 << stop(1.09) << 1.0899 << QString() << QString();
    QTest::newRow("a position the journal recorded no stop for is not watched")
        << 1000.0 << std::optional<double>() << 0.5 << QString() << QString();
    QTest::newRow("without a position there is nothing to stop") << 0.0 << stop(1.0812) << 1.0 << QString() << QString();
}

void TestStopWatch::aCrossedStopBecomesAnExitOfThePosition()
{
    QFETCH(double, units);
    QFETCH(std::optional<double>, stop);
    QFETCH(double, close);
    QFETCH(QString, exit);
    QFETCH(QString, reason);
    StopWatch watch;
    const std::optional<Signal> signal = watch.check(eurUsd, PositionState{units, 1.085}, origin(units, stop), bar(0, close), fresh(0));
    QCOMPARE(signal.has_value(), !exit.isEmpty());
    if (!signal)
        return;
    QCOMPARE(sideName(signal->side), exit);
    QVERIFY(signal->isExit);
    QCOMPARE(signal->instrument, eurUsd);
    QCOMPARE(signal->reason, reason);
    QCOMPARE(signal->referencePrice, close);
    QCOMPARE(signal->barOpenTime, barOpen(0));
    QVERIFY(!signal->stopDistance);
}

void TestStopWatch::aCrossingIsProposedOnceUntilThePriceComesBack()
{
    StopWatch watch;
    const PositionState held{1000, 1.085};
    const PositionOrigin guarded = origin(1000, 1.0812);
    QVERIFY(watch.check(eurUsd, held, guarded, bar(0, 1.0809), fresh(0)));
    watch.proposed(eurUsd.key());
    // While the exit waits for the operator, and after they rejected it, the same crossing is quiet.
    QVERIFY(!watch.check(eurUsd, held, guarded, bar(1, 1.0805), fresh(1)));
    QVERIFY(!watch.check(eurUsd, held, guarded, bar(2, 1.0790), fresh(2)));
    // Back above the stop, then through it again: a new crossing.
    QVERIFY(!watch.check(eurUsd, held, guarded, bar(3, 1.0820), fresh(3)));
    const std::optional<Signal> again = watch.check(eurUsd, held, guarded, bar(4, 1.0811), fresh(4));
    QVERIFY(again);
    QCOMPARE(again->reason, QStringLiteral("protective stop 1.0812 crossed (last 1.0811)"));
}

void TestStopWatch::aCrossingTheDeskDidNotTakeIsAskedAgain()
{
    // The desk had another open question for the instrument, or the risk gate refused the exit.
    StopWatch watch;
    const PositionState held{1000, 1.085};
    QVERIFY(watch.check(eurUsd, held, origin(1000, 1.0812), bar(0, 1.0809), fresh(0)));
    QVERIFY(watch.check(eurUsd, held, origin(1000, 1.0812), bar(1, 1.0808), fresh(1)));
}

void TestStopWatch::aNewPositionOrANewStopIsANewCrossing_data()
{
    QTest::addColumn<PositionOrigin>("next");
    QTest::newRow("the position was closed and opened again") << origin(1000, 1.0812, barOpen(-1));
    QTest::newRow("an entry added to the position moved its stop") << origin(2000, 1.0815);
}

void TestStopWatch::aNewPositionOrANewStopIsANewCrossing()
{
    QFETCH(PositionOrigin, next);
    StopWatch watch;
    QVERIFY(watch.check(eurUsd, PositionState{1000, 1.085}, origin(1000, 1.0812), bar(0, 1.0809), fresh(0)));
    watch.proposed(eurUsd.key());
    QVERIFY(watch.check(eurUsd, PositionState{next.units, 1.085}, next, bar(1, 1.0809), fresh(1)));
}

void TestStopWatch::aTokenForAnotherInstrumentOrAnOlderBarProvesNothing()
{
    StopWatch watch;
    const PositionState held{1000, 1.085};
    QVERIFY(!watch.check(eurUsd, held, origin(1000, 1.0812), bar(1, 1.0809), fresh(1, gbpUsd)));
    QVERIFY(!watch.check(eurUsd, held, origin(1000, 1.0812), bar(1, 1.0809), fresh(0)));
    QVERIFY(watch.check(eurUsd, held, origin(1000, 1.0812), bar(1, 1.0809), fresh(1)));
}

QTEST_GUILESS_MAIN(TestStopWatch)
#include "tst_stopwatch.moc"
