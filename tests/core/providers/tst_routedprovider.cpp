// SPDX-License-Identifier: GPL-3.0-or-later
// RoutedProvider: each instrument's bars come from the feed its row names, never another's;
// statistics add up across feeds, the longest publication delay rules, alerts pass through.
#include "providers/RoutedProvider.h"

#include <QSignalSpy>
#include <QTest>

using namespace sentinel;
using namespace std::chrono_literals;

class TestRoutedProvider final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachInstrumentGoesToItsOwnFeed();
    void statisticsAddUpAndTheLongestDelayRules();
    void alertsOfEveryFeedPassThrough();
    void anUnknownRouteFallsBackToTheDefaultFeed();
    void eachInstrumentReportsItsOwnFeedAndStream();
};

namespace {

/// A feed that answers at once with one bar whose volume says which feed it came from.
class RecordingFeed final : public MarketDataProvider
{
public:
    RecordingFeed(QString name, double mark, std::chrono::milliseconds delay) : m_name(std::move(name)), m_mark(mark), m_delay(delay) {}
    [[nodiscard]] QString name() const override { return m_name; }
    void fetchBars(const BarRequest& request, BarsCallback done) override
    {
        asked.append(request.instrument.symbol);
        countRequest(barEndpointName(request.instrument));
        BarSeries series;
        series.instrument = request.instrument;
        series.bars.append(Bar{QDateTime(QDate(2026, 1, 5), QTime(10, 0), Qt::UTC), 1, 1, 1, 1, m_mark});
        deliverLater([done = std::move(done), series] { done(series); });
    }
    [[nodiscard]] std::chrono::milliseconds publicationDelay() const override { return m_delay; }
    [[nodiscard]] std::optional<StreamState> streamStateFor(const Instrument& /*instrument*/) const override { return stream; }
    void raise(const QString& kind) { Q_EMIT alertRaised(ProviderAlert{kind, m_name, {}}); }
    void setStream(const StreamState& state)
    {
        stream = state;
        Q_EMIT streamStateChanged();
    }

    std::optional<StreamState> stream;

    QStringList asked;

private:
    QString m_name;
    double m_mark;
    std::chrono::milliseconds m_delay;
};

struct Desk {
    RecordingFeed* simulated;
    RecordingFeed* oanda;
    std::unique_ptr<RoutedProvider> routed;
};

Desk makeDesk()
{
    auto simulated = std::make_unique<RecordingFeed>(QStringLiteral("simulated"), 1, 0ms);
    auto oanda = std::make_unique<RecordingFeed>(QStringLiteral("oanda"), 2, 5s);
    Desk desk{simulated.get(), oanda.get(), nullptr};
    std::vector<std::unique_ptr<MarketDataProvider>> feeds;
    feeds.push_back(std::move(simulated));
    feeds.push_back(std::move(oanda));
    desk.routed = std::make_unique<RoutedProvider>(std::move(feeds), [](const Instrument& instrument) -> std::size_t {
        if (instrument.market == u"FX")
            return 1;
        return instrument.market == u"XNYS" ? 0 : 7; // 7: no such feed
    });
    return desk;
}

double fetchMark(RoutedProvider& routed, const Instrument& instrument)
{
    double mark = -1;
    routed.fetchBars(BarRequest{instrument, {}, {}}, [&mark](const Result<BarSeries>& series) {
        mark = series.ok() && !series->bars.isEmpty() ? series->bars.front().volume : 0;
    });
    if (!QTest::qWaitFor([&mark] { return mark >= 0; }, 2000))
        return -2;
    return mark;
}

const Instrument eurUsd{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5};
const Instrument aapl{QStringLiteral("AAPL"), QStringLiteral("XNYS"), Interval::Min5};

} // namespace

void TestRoutedProvider::eachInstrumentGoesToItsOwnFeed()
{
    Desk desk = makeDesk();
    QCOMPARE(fetchMark(*desk.routed, eurUsd), 2.0);
    QCOMPARE(fetchMark(*desk.routed, aapl), 1.0);
    QCOMPARE(desk.oanda->asked, QStringList{QStringLiteral("EUR/USD")});
    QCOMPARE(desk.simulated->asked, QStringList{QStringLiteral("AAPL")});
    QCOMPARE(desk.routed->name(), QStringLiteral("simulated+oanda"));
}

void TestRoutedProvider::statisticsAddUpAndTheLongestDelayRules()
{
    Desk desk = makeDesk();
    fetchMark(*desk.routed, eurUsd);
    fetchMark(*desk.routed, eurUsd);
    fetchMark(*desk.routed, aapl);
    const ProviderStats stats = desk.routed->stats();
    QCOMPARE(stats.requests, 3);
    QCOMPARE(stats.requestsByEndpoint.value(QStringLiteral("FX_INTRADAY")), 2);
    QCOMPARE(stats.requestsByEndpoint.value(QStringLiteral("TIME_SERIES_INTRADAY")), 1);
    QCOMPARE(desk.routed->publicationDelay(), std::chrono::milliseconds(5s));
    QCOMPARE(desk.routed->quota().usedToday, 3);
}

void TestRoutedProvider::alertsOfEveryFeedPassThrough()
{
    Desk desk = makeDesk();
    QSignalSpy alerts(desk.routed.get(), &MarketDataProvider::alertRaised);
    desk.oanda->raise(QStringLiteral("circuit_open"));
    desk.simulated->raise(QStringLiteral("quota_exhausted"));
    QCOMPARE(alerts.size(), 2);
    QCOMPARE(alerts[0][0].value<ProviderAlert>().message, QStringLiteral("oanda"));
    QCOMPARE(alerts[1][0].value<ProviderAlert>().message, QStringLiteral("simulated"));
}

void TestRoutedProvider::anUnknownRouteFallsBackToTheDefaultFeed()
{
    Desk desk = makeDesk();
    QCOMPARE(fetchMark(*desk.routed, Instrument{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min5}), 1.0);
    QCOMPARE(desk.simulated->asked, QStringList{QStringLiteral("BTC/USD")});
}

// The watchlist's Feed column and the Caches panel's lines: a mixed desk names each instrument's
// feed and stream, and reports every feed on its own.
void TestRoutedProvider::eachInstrumentReportsItsOwnFeedAndStream()
{
    Desk desk = makeDesk();
    QSignalSpy changed(desk.routed.get(), &MarketDataProvider::streamStateChanged);
    desk.oanda->setStream(StreamState{false, {}, {}, 1, QStringLiteral("stream_silent")});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(desk.routed->feedNameFor(eurUsd), QStringLiteral("oanda"));
    QCOMPARE(desk.routed->feedNameFor(aapl), QStringLiteral("simulated"));
    QVERIFY(desk.routed->streamStateFor(eurUsd).has_value());
    QCOMPARE(desk.routed->streamStateFor(eurUsd)->lostBecause, QStringLiteral("stream_silent"));
    QVERIFY(!desk.routed->streamStateFor(aapl).has_value());
    const QList<const MarketDataProvider*> feeds = desk.routed->feeds();
    QCOMPARE(feeds.size(), 2);
    QCOMPARE(feeds.at(0)->name(), QStringLiteral("simulated"));
    QCOMPARE(feeds.at(1)->name(), QStringLiteral("oanda"));
}

QTEST_GUILESS_MAIN(TestRoutedProvider)
#include "tst_routedprovider.moc"
