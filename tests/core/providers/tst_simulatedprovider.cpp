// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ManualClock.h"
#include "PredicateSchedule.h"
#include "providers/SimulatedProvider.h"

#include <QTest>

#include <cmath>

using namespace sentinel;
using namespace std::chrono_literals;

class TestSimulatedProvider final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theSameBarFetchedTwiceIsIdentical();
    void differentSeedsGiveDifferentPaths();
    void onlyClosedBarsUpToNowAndAtMostMaxBars();
    void sinceReturnsOnlyNewerBars();
    void barsExistOnlyWhileTheMarketIsOpen_data();
    void barsExistOnlyWhileTheMarketIsOpen();
    void sessionPredicateIsHonoured();
    void startPricesAreSensible_data();
    void startPricesAreSensible();
    void volatilityIsRealisticPerAssetClass_data();
    void volatilityIsRealisticPerAssetClass();
    void everyBarPassesTheDataQualityRules();
    void callbackComesLaterAndRequestsAreCounted();
};

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

Instrument instrument(const char* symbol, const char* market, Interval interval = Interval::Min5)
{
    return Instrument{QString::fromLatin1(symbol), QString::fromLatin1(market), interval};
}

Bars fetch(SimulatedProvider& provider, const Instrument& which, const QDateTime& since = {})
{
    std::optional<Result<BarSeries>> result;
    provider.fetchBars(BarRequest{which, since, {}}, [&](const Result<BarSeries>& r) { result = r; });
    [&] { QTRY_VERIFY(result.has_value()); }();
    return result && result->ok() ? result->value().bars : Bars{};
}

} // namespace

void TestSimulatedProvider::theSameBarFetchedTwiceIsIdentical()
{
    ManualClock clock(utc("2024-05-08T12:02:00Z"));
    SimulatedProvider provider(clock, 42);
    const Bars first = fetch(provider, instrument("EUR/USD", "FX"));
    clock.advanceBy(1h);
    ManualClock otherClock(utc("2024-05-08T13:02:00Z"));
    SimulatedProvider fresh(otherClock, 42); // another instance: no shared cache
    const Bars later = fetch(fresh, instrument("EUR/USD", "FX"));
    QCOMPARE(first.size(), 200);
    int overlap = 0;
    for (const Bar& bar : first) {
        for (const Bar& other : later) {
            if (other.openTime == bar.openTime) {
                QCOMPARE(other, bar);
                ++overlap;
            }
        }
    }
    QCOMPARE(overlap, 200 - 12);
    // Consecutive bars chain: each opens where the previous closed.
    for (qsizetype i = 1; i < first.size(); ++i)
        QVERIFY(std::abs(first.at(i).open - first.at(i - 1).close) < 1e-12);
}

void TestSimulatedProvider::differentSeedsGiveDifferentPaths()
{
    ManualClock clock(utc("2024-05-08T12:00:00Z"));
    SimulatedProvider a(clock, 1);
    SimulatedProvider b(clock, 2);
    QVERIFY(fetch(a, instrument("AAPL", "XNYS")).last().close != fetch(b, instrument("AAPL", "XNYS")).last().close);
}

void TestSimulatedProvider::onlyClosedBarsUpToNowAndAtMostMaxBars()
{
    ManualClock clock(utc("2024-05-08T12:03:30Z"));
    SimulatedProvider provider(clock, 7);
    provider.setMaxBars(50);
    const Bars bars = fetch(provider, instrument("BTC/USD", "CRYPTO"));
    QCOMPARE(bars.size(), 50);
    // 12:03:30: the 11:55 bar closed at 12:00; the 12:00 bar is still forming.
    QCOMPARE(bars.last().openTime, utc("2024-05-08T11:55:00Z"));
    for (qsizetype i = 1; i < bars.size(); ++i)
        QCOMPARE(bars.at(i - 1).openTime.secsTo(bars.at(i).openTime), 300);
}

void TestSimulatedProvider::sinceReturnsOnlyNewerBars()
{
    ManualClock clock(utc("2024-05-08T12:00:00Z"));
    SimulatedProvider provider(clock, 7);
    const Bars bars = fetch(provider, instrument("BTC/USD", "CRYPTO"), utc("2024-05-08T11:40:00Z"));
    QCOMPARE(bars.size(), 3); // 11:45, 11:50, 11:55
    QCOMPARE(bars.first().openTime, utc("2024-05-08T11:45:00Z"));
}

void TestSimulatedProvider::barsExistOnlyWhileTheMarketIsOpen_data()
{
    QTest::addColumn<Instrument>("which");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("expectedNewest");
    QTest::newRow("an equity fetched on saturday ends with friday's last regular bar")
        << instrument("AAPL", "XNYS") << utc("2024-05-11T10:00:00Z") << utc("2024-05-10T20:55:00Z");
    QTest::newRow("an equity fetched before the open ends with yesterday's close")
        << instrument("AAPL", "XNYS") << utc("2024-05-08T13:00:00Z") << utc("2024-05-07T20:55:00Z");
    QTest::newRow("fx fetched on sunday morning ends friday at 20:55")
        << instrument("EUR/USD", "FX") << utc("2024-05-12T09:00:00Z") << utc("2024-05-10T20:55:00Z");
    QTest::newRow("crypto trades through the weekend")
        << instrument("BTC/USD", "CRYPTO") << utc("2024-05-12T09:00:00Z") << utc("2024-05-12T08:55:00Z");
    QTest::newRow("daily equity bars skip the weekend")
        << instrument("AAPL", "XNYS", Interval::Daily) << utc("2024-05-12T09:00:00Z") << utc("2024-05-10T00:00:00Z");
}

void TestSimulatedProvider::barsExistOnlyWhileTheMarketIsOpen()
{
    QFETCH(Instrument, which);
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, expectedNewest);
    ManualClock clock(now);
    SimulatedProvider provider(clock, 3);
    const Bars bars = fetch(provider, which);
    QVERIFY(!bars.isEmpty());
    QCOMPARE(bars.last().openTime, expectedNewest);
    for (const Bar& bar : bars)
        QVERIFY2(SimulatedProvider::defaultSession(which, bar.openTime), qPrintable(bar.openTime.toString(Qt::ISODate)));
}

void TestSimulatedProvider::sessionPredicateIsHonoured()
{
    ManualClock clock(utc("2024-05-08T12:00:00Z"));
    SimulatedProvider provider(clock, 3);
    int asked = 0;
    const test::PredicateSchedule onTheHour([&](const Instrument&, const QDateTime& open) {
        ++asked;
        return open.time().minute() == 0; // only the bars opening on the hour
    });
    provider.setSchedule(&onTheHour);
    const Bars bars = fetch(provider, instrument("BTC/USD", "CRYPTO"));
    QVERIFY(asked > 0);
    QVERIFY(!bars.isEmpty());
    for (const Bar& bar : bars)
        QCOMPARE(bar.openTime.time().minute(), 0);
}

void TestSimulatedProvider::startPricesAreSensible_data()
{
    QTest::addColumn<Instrument>("which");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::newRow("eur/usd trades near 1.08") << instrument("EUR/USD", "FX") << 0.80 << 1.40;
    QTest::newRow("btc/usd trades near 65000") << instrument("BTC/USD", "CRYPTO") << 15000.0 << 280000.0;
    QTest::newRow("aapl trades near 190") << instrument("AAPL", "XNYS") << 110.0 << 330.0;
    QTest::newRow("an unknown stock trades between 5 and 1000") << instrument("ZZZQ", "XNAS") << 5.0 << 1000.0;
}

void TestSimulatedProvider::startPricesAreSensible()
{
    QFETCH(Instrument, which);
    QFETCH(double, low);
    QFETCH(double, high);
    // Over five years of daily closes the price stays in a plausible band around its start.
    ManualClock clock(utc("2029-05-08T12:00:00Z"));
    SimulatedProvider provider(clock, 11);
    provider.setMaxBars(5 * 366);
    which.interval = Interval::Daily;
    const Bars bars = fetch(provider, which);
    QVERIFY(bars.size() > 1000);
    for (const Bar& bar : bars)
        QVERIFY2(bar.close > low && bar.close < high, qPrintable(QString::number(bar.close)));
    QCOMPARE(SimulatedProvider::startPrice(QStringLiteral("ZZZQ"), AssetClass::Equity),
             SimulatedProvider::startPrice(QStringLiteral("zzzq"), AssetClass::Equity));
}

void TestSimulatedProvider::volatilityIsRealisticPerAssetClass_data()
{
    QTest::addColumn<Instrument>("which");
    QTest::addColumn<double>("expected");
    QTest::newRow("fx moves about 8 percent a year") << instrument("EUR/USD", "FX", Interval::Min60) << 0.08;
    QTest::newRow("crypto moves about 65 percent a year") << instrument("BTC/USD", "CRYPTO", Interval::Min60) << 0.65;
    QTest::newRow("equities move about 25 percent a year") << instrument("MSFT", "XNAS", Interval::Min60) << 0.25;
}

void TestSimulatedProvider::volatilityIsRealisticPerAssetClass()
{
    QFETCH(Instrument, which);
    QFETCH(double, expected);
    ManualClock clock(utc("2024-05-08T00:00:00Z"));
    SimulatedProvider provider(clock, 5);
    provider.setMaxBars(24 * 60);
    // Round the clock, so no return spans a closed market: this measures the path itself.
    const test::PredicateSchedule roundTheClock([](const Instrument&, const QDateTime&) { return true; });
    provider.setSchedule(&roundTheClock);
    const Bars bars = fetch(provider, which);
    double sum = 0;
    double sumSq = 0;
    for (qsizetype i = 1; i < bars.size(); ++i) {
        const double r = std::log(bars.at(i).close / bars.at(i - 1).close);
        sum += r;
        sumSq += r * r;
    }
    const double n = double(bars.size() - 1);
    const double hourly = std::sqrt(sumSq / n - (sum / n) * (sum / n));
    const double annual = hourly * std::sqrt(24 * 365.25);
    QVERIFY2(annual > expected * 0.7 && annual < expected * 1.4, qPrintable(QString::number(annual)));
}

void TestSimulatedProvider::everyBarPassesTheDataQualityRules()
{
    ManualClock clock(utc("2024-05-08T12:00:00Z"));
    SimulatedProvider provider(clock, 9);
    for (const char* symbol : {"EUR/USD", "BTC/USD", "AAPL"}) {
        const Instrument which = instrument(symbol, symbol == QByteArray("AAPL") ? "XNYS" : symbol == QByteArray("EUR/USD") ? "FX" : "CRYPTO");
        for (const Bar& bar : fetch(provider, which))
            QVERIFY2(!checkBarValues(bar.openTime.toString(Qt::ISODate), bar), symbol);
    }
}

void TestSimulatedProvider::callbackComesLaterAndRequestsAreCounted()
{
    ManualClock clock(utc("2024-05-08T12:00:00Z"));
    SimulatedProvider provider(clock, 9);
    bool called = false;
    provider.fetchBars(BarRequest{instrument("EUR/USD", "FX"), {}, {}}, [&](const Result<BarSeries>&) { called = true; });
    QVERIFY(!called);
    QTRY_VERIFY(called);
    fetch(provider, instrument("AAPL", "XNYS"));
    QCOMPARE(provider.requestCount(), 2);
    QCOMPARE(provider.stats().requestsByEndpoint.value(QStringLiteral("FX_INTRADAY")), 1);
    QCOMPARE(provider.stats().requestsByEndpoint.value(QStringLiteral("TIME_SERIES_INTRADAY")), 1);
}

QTEST_GUILESS_MAIN(TestSimulatedProvider)
#include "tst_simulatedprovider.moc"
