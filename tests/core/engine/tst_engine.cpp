// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ManualClock.h"
#include "config/ConfigLoader.h"
#include "engine/Engine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using namespace std::chrono_literals;

namespace {
QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

/// Each test gets its own journal: the default one in the user's data folder would carry state
/// (bars, proposals) from one test run into the next.
EngineOptions scratchJournal(const QTemporaryDir& dir)
{
    EngineOptions options;
    options.journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
    return options;
}

bool everyInstrumentHasBars(const Engine& engine)
{
    const InstrumentSnapshots snapshots = engine.snapshots();
    return std::all_of(snapshots.cbegin(), snapshots.cend(), [](const InstrumentSnapshot& s) { return s.barCount > 0; });
}
} // namespace

class TestEngine final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsHistoryForEveryDemoInstrumentOnStart();
    void fetchesTheNextBarWhenItsIntervalCloses();
    void coalescesUiUpdatesIntoOneBatch();
    void stopCancelsEveryScheduledCycle();
};

void TestEngine::loadsHistoryForEveryDemoInstrumentOnStart()
{
    ManualClock clock(utc("2026-11-24T15:02:30Z"));
    QTemporaryDir dir;
    Engine engine(ConfigLoader().loadDemoProfile().config, &clock, scratchJournal(dir));
    engine.start();
    QTRY_VERIFY(everyInstrumentHasBars(engine));
    for (const InstrumentSnapshot& snapshot : engine.snapshots()) {
        QVERIFY(snapshot.lastPrice > 0);
        // The newest bar held is the newest one closed by now: for 5min bars at 15:02:30 that is 14:55.
        const qint64 length = std::chrono::milliseconds(intervalLength(snapshot.instrument.interval)).count();
        QCOMPARE(snapshot.lastBarOpen.toMSecsSinceEpoch() + length,
                 (clock.nowMs() / length) * length);
    }
}

void TestEngine::fetchesTheNextBarWhenItsIntervalCloses()
{
    Config config = ConfigLoader().loadDemoProfile().config;
    config.watchlist = {Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5}};
    ManualClock clock(utc("2026-11-24T15:02:30Z"));
    QTemporaryDir dir;
    Engine engine(config, &clock, scratchJournal(dir));
    engine.start();
    QTRY_VERIFY(everyInstrumentHasBars(engine));
    QCOMPARE(engine.snapshots().first().lastBarOpen, utc("2026-11-24T14:55:00Z"));

    clock.advanceTo(utc("2026-11-24T15:04:59Z"));
    QTRY_COMPARE(engine.snapshots().first().lastBarOpen, utc("2026-11-24T14:55:00Z"));
    clock.advanceTo(utc("2026-11-24T15:05:00Z"));
    QTRY_COMPARE(engine.snapshots().first().lastBarOpen, utc("2026-11-24T15:00:00Z"));
    clock.advanceTo(utc("2026-11-24T15:10:00Z"));
    QTRY_COMPARE(engine.snapshots().first().lastBarOpen, utc("2026-11-24T15:05:00Z"));
}

void TestEngine::coalescesUiUpdatesIntoOneBatch()
{
    ManualClock clock(utc("2026-11-24T15:02:30Z"));
    const Config config = ConfigLoader().loadDemoProfile().config;
    QTemporaryDir dir;
    Engine engine(config, &clock, scratchJournal(dir));
    QSignalSpy spy(&engine, &Engine::snapshotsChanged);
    engine.start();
    QTRY_VERIFY(everyInstrumentHasBars(engine));
    // The batch goes out when the wall-time coalescing window ends, all instruments together.
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().value<InstrumentSnapshots>().size(), config.watchlist.size());
}

void TestEngine::stopCancelsEveryScheduledCycle()
{
    ManualClock clock(utc("2026-11-24T15:02:30Z"));
    QTemporaryDir dir;
    Engine engine(ConfigLoader().loadDemoProfile().config, &clock, scratchJournal(dir));
    QSignalSpy stopped(&engine, &Engine::stopped);
    engine.start();
    QTRY_VERIFY(everyInstrumentHasBars(engine));
    engine.stop();
    QCOMPARE(stopped.count(), 1);
    const int cacheTimers = clock.pendingTimers(); // the cache registry's own housekeeping may remain
    clock.advanceBy(std::chrono::hours(24));
    QCOMPARE(engine.statistics().cycles, qint64(ConfigLoader().loadDemoProfile().config.watchlist.size()));
    QVERIFY(clock.pendingTimers() <= cacheTimers);
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
