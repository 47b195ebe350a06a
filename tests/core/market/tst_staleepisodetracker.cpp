// SPDX-License-Identifier: GPL-3.0-or-later
#include "market/StaleEpisodeTracker.h"

#include <QTest>

using namespace sentinel;

Q_DECLARE_METATYPE(sentinel::EpisodeEvent)

namespace {

/// A verdict at minute `at` holding the bar that opened at minute `bar`.
FreshnessVerdict verdict(char status, qint64 at, qint64 bar)
{
    FreshnessVerdict v;
    v.status = status == 'F' ? Freshness::Fresh : status == 'W' ? Freshness::Warn : Freshness::Stale;
    v.atMs = at * 60'000;
    v.actualBar = BarSlot{bar * 60'000, bar * 60'000 + 60'000};
    return v;
}

} // namespace

class TestStaleEpisodeTracker final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eventsForASequenceOfVerdicts_data();
    void eventsForASequenceOfVerdicts();
    void recordsHowLongAnEpisodeLasted();
};

void TestStaleEpisodeTracker::eventsForASequenceOfVerdicts_data()
{
    // Each step: status (F fresh, W warn, S stale) and the bar held; expected events: . none,
    // A raise alert, R recovered.
    QTest::addColumn<QString>("statuses");
    QTest::addColumn<QList<int>>("bars");
    QTest::addColumn<QString>("events");
    QTest::newRow("fresh all along raises nothing") << QStringLiteral("FFWF") << QList<int>{1, 2, 3, 4} << QStringLiteral("....");
    QTest::newRow("going stale raises one alert however long it lasts") << QStringLiteral("FSSSS") << QList<int>{1, 1, 1, 1, 1}
                                                                         << QStringLiteral(".A...");
    QTest::newRow("fresh data returning ends the episode") << QStringLiteral("FSSF") << QList<int>{1, 1, 1, 5} << QStringLiteral(".A.R");
    QTest::newRow("a warning with new data also recovers") << QStringLiteral("SW") << QList<int>{1, 2} << QStringLiteral("AR");
    QTest::newRow("a second episode raises a second alert") << QStringLiteral("SFSF") << QList<int>{1, 2, 2, 3} << QStringLiteral("ARAR");
    QTest::newRow("turning fresh only because the market closed is not a recovery")
        << QStringLiteral("SFFSF") << QList<int>{1, 1, 1, 1, 2} << QStringLiteral("A...R");
}

void TestStaleEpisodeTracker::eventsForASequenceOfVerdicts()
{
    QFETCH(QString, statuses);
    QFETCH(QList<int>, bars);
    QFETCH(QString, events);
    StaleEpisodeTracker tracker;
    QString actual;
    for (qsizetype i = 0; i < statuses.size(); ++i) {
        switch (tracker.observe(verdict(statuses.at(i).toLatin1(), 100 + i, bars.at(i)))) {
        case EpisodeEvent::None: actual += u'.'; break;
        case EpisodeEvent::RaiseAlert: actual += u'A'; break;
        case EpisodeEvent::Recovered: actual += u'R'; break;
        }
    }
    QCOMPARE(actual, events);
    QCOMPARE(tracker.inEpisode(), statuses.endsWith(u'S') || (events.lastIndexOf(u'A') > events.lastIndexOf(u'R')));
}

void TestStaleEpisodeTracker::recordsHowLongAnEpisodeLasted()
{
    StaleEpisodeTracker tracker;
    QCOMPARE(tracker.observe(verdict('S', 10, 1)), EpisodeEvent::RaiseAlert);
    QCOMPARE(tracker.episodeStartMs(), 10 * 60'000LL);
    QCOMPARE(tracker.observe(verdict('F', 25, 2)), EpisodeEvent::Recovered);
    QCOMPARE(tracker.lastEpisodeDurationMs(), 15 * 60'000LL);
    QVERIFY(!tracker.episodeStartMs());
}

QTEST_GUILESS_MAIN(TestStaleEpisodeTracker)
#include "tst_staleepisodetracker.moc"
