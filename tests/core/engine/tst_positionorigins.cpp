// SPDX-License-Identifier: GPL-3.0-or-later
// The Positions panel's age and stop (issue 17, ADR 0140): what a real SQLite journal's executed
// proposals say about each open position, and nothing where they cannot say.
#include "JournalFixture.h"

#include "engine/PositionOrigins.h"
#include "engine/Snapshots.h"
#include "journal/Journal.h"
#include "trading/Order.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;

namespace {

const Instrument eurUsd{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5};
const Instrument gbpUsd{QStringLiteral("GBP/USD"), QStringLiteral("FX"), Interval::Min5};

QDateTime at(int hour)
{
    return QDateTime(QDate(2026, 11, 24), QTime(hour, 0), Qt::UTC);
}

/// One step of a position's life as the journal records it.
struct Step {
    Side side = Side::Buy;
    bool isExit = false;
    double quantity = 0;
    std::optional<double> stop;
    QDateTime at;
};

/// EUR/USD opened, added to, partly closed, closed and opened again.
const QList<Step> life{
    {Side::Buy, false, 1000, 1.0790, at(10)},
    {Side::Buy, false, 1000, 1.0812, at(11)},
    {Side::Sell, true, 500, std::nullopt, at(12)},
    {Side::Sell, true, 1500, std::nullopt, at(13)},
    {Side::Buy, false, 2000, 1.0850, at(14)},
};

PositionView held(const Instrument& instrument, double units)
{
    PositionView position;
    position.instrumentKey = instrument.key();
    position.quantity = units;
    position.averagePrice = 1.08;
    position.marketPrice = 1.08;
    return position;
}

FillRecord fill(const QString& key, Side side, bool isExit, double quantity, qint64 atMs, std::optional<double> stop = std::nullopt)
{
    FillRecord record;
    record.proposalId = QStringLiteral("p%1").arg(atMs);
    record.instrumentKey = key;
    record.side = side;
    record.isExit = isExit;
    record.quantity = quantity;
    record.price = 1;
    record.atMs = atMs;
    record.stopPrice = stop;
    return record;
}

} // namespace

class TestPositionOrigins final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void ageAndStopFollowThePositionThroughItsLife_data();
    void ageAndStopFollowThePositionThroughItsLife();
    void aShortIsGuardedByItsSellEntrysStop();
    void anEntryJournalledBeforeStopsWereKeptHasAnAgeButNoStop();
    void aPositionTheJournalCannotAccountForHasNeitherAgeNorStop_data();
    void aPositionTheJournalCannotAccountForHasNeitherAgeNorStop();
    void theJournalIsReadAgainOnlyWhenAFillWasJournalled();
    void aJournalThatCannotBeReadSaysNothing();
    void aFillThroughFlatOpensTheOtherSideWithItsOwnAgeAndStop();
    void fractionsOfACoinThatAddUpToNothingAreFlat();

private:
    /// Journals an approved proposal of `step` and its fill, as the trade desk does.
    void journal(const Instrument& instrument, const Step& step);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Journal> m_journal;
    int m_fills = 0;
    int m_run = 0;
};

void TestPositionOrigins::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("journal-%1.sqlite").arg(++m_run)); // a new one for every row
    auto journal = Journal::open(m_path);
    QVERIFY2(journal.ok(), qPrintable(journal.ok() ? QString() : journal.error().toString()));
    m_journal = std::move(journal).value();
    m_fills = 0;
}

void TestPositionOrigins::cleanup()
{
    m_journal.reset();
}

void TestPositionOrigins::journal(const Instrument& instrument, const Step& step)
{
    TradeProposal proposal = TradeProposal::create(instrument, step.side, step.quantity, 1.08, step.at.addSecs(-60), step.at.addSecs(240));
    proposal.isExit = step.isExit;
    proposal.stopPrice = step.stop;
    QVERIFY(m_journal->recordProposal(proposal).ok());
    QVERIFY(m_journal->recordDecision(proposal.id, Decision::Approve, QStringLiteral("go"), QStringLiteral("alice"),
                                      step.at.addSecs(-30)).ok());
    ++m_fills;
    const Fill filled{proposal.clientOrderId, QStringLiteral("order-%1").arg(m_fills), instrument.key(), step.side, 1.08,
                      step.quantity, 0, step.at, false};
    const Result<bool> recorded = m_journal->recordExecution(proposal.id, filled);
    QVERIFY2(recorded.ok(), qPrintable(recorded.ok() ? QString() : recorded.error().toString()));
}

void TestPositionOrigins::ageAndStopFollowThePositionThroughItsLife_data()
{
    QTest::addColumn<int>("steps");
    QTest::addColumn<double>("units");
    QTest::addColumn<QDateTime>("openedAt");
    QTest::addColumn<std::optional<double>>("stop");
    QTest::newRow("a position opened once is as old as its fill and guarded by its entry's stop")
        << 1 << 1000.0 << at(10) << std::optional<double>(1.0790);
    QTest::newRow("adding to it keeps its age and moves its stop to the newest entry's")
        << 2 << 2000.0 << at(10) << std::optional<double>(1.0812);
    QTest::newRow("a partial exit keeps both") << 3 << 1500.0 << at(10) << std::optional<double>(1.0812);
    QTest::newRow("a closed position has neither") << 4 << 0.0 << QDateTime() << std::optional<double>();
    QTest::newRow("opened again it is as old as the new entry and guarded by its stop")
        << 5 << 2000.0 << at(14) << std::optional<double>(1.0850);
}

void TestPositionOrigins::ageAndStopFollowThePositionThroughItsLife()
{
    QFETCH(int, steps);
    QFETCH(double, units);
    QFETCH(QDateTime, openedAt);
    QFETCH(std::optional<double>, stop);
    for (int i = 0; i < steps; ++i)
        journal(eurUsd, life.at(i));

    PositionOrigins origins(*m_journal);
    origins.refresh(steps);
    if (units == 0) {
        QVERIFY(!PositionOrigins::fromFills(m_journal->fills().value()).contains(eurUsd.key()));
        QVERIFY(!origins.of(eurUsd.key(), 1500));
        return;
    }
    const std::optional<PositionOrigin> origin = origins.of(eurUsd.key(), units);
    QVERIFY(origin);
    QCOMPARE(origin->units, units);
    QCOMPARE(origin->openedAt, openedAt);
    QCOMPARE(origin->stopPrice, stop);

    // The Positions panel gets the same.
    PortfolioView view;
    view.positions = {held(eurUsd, units)};
    origins.annotate(view, steps);
    QCOMPARE(view.positions.first().openedAt, openedAt);
    QCOMPARE(view.positions.first().openedAt.timeSpec(), Qt::UTC);
    QCOMPARE(view.positions.first().stopPrice, stop);
}

void TestPositionOrigins::aShortIsGuardedByItsSellEntrysStop()
{
    journal(eurUsd, Step{Side::Sell, false, 1000, 1.0900, at(10)});
    journal(eurUsd, Step{Side::Buy, true, 400, std::nullopt, at(11)});
    PositionOrigins origins(*m_journal);
    origins.refresh(2);
    const std::optional<PositionOrigin> origin = origins.of(eurUsd.key(), -600);
    QVERIFY(origin);
    QCOMPARE(origin->openedAt, at(10));
    QCOMPARE(origin->stopPrice, std::optional<double>(1.0900));
    QVERIFY(!origins.of(eurUsd.key(), 600)); // the other side is another position
}

void TestPositionOrigins::anEntryJournalledBeforeStopsWereKeptHasAnAgeButNoStop()
{
    journal(eurUsd, Step{Side::Buy, false, 1000, std::nullopt, at(10)});
    PositionOrigins origins(*m_journal);
    PortfolioView view;
    view.positions = {held(eurUsd, 1000)};
    origins.annotate(view, 1);
    QCOMPARE(view.positions.first().openedAt, at(10));
    QCOMPARE(view.positions.first().stopPrice, std::optional<double>());
}

void TestPositionOrigins::aPositionTheJournalCannotAccountForHasNeitherAgeNorStop_data()
{
    QTest::addColumn<QString>("instrumentKey");
    QTest::addColumn<double>("units");
    QTest::newRow("a broker position in an instrument the journal never traded") << gbpUsd.key() << 3000.0;
    QTest::newRow("a broker position larger than the journal's fills add up to") << eurUsd.key() << 3000.0;
}

void TestPositionOrigins::aPositionTheJournalCannotAccountForHasNeitherAgeNorStop()
{
    QFETCH(QString, instrumentKey);
    QFETCH(double, units);
    journal(eurUsd, life.first());
    PositionOrigins origins(*m_journal);
    PortfolioView view;
    PositionView position = held(eurUsd, units);
    position.instrumentKey = instrumentKey;
    view.positions = {position};
    origins.annotate(view, 1);
    QVERIFY(!view.positions.first().openedAt.isValid());
    QCOMPARE(view.positions.first().stopPrice, std::optional<double>());
    QVERIFY(!origins.of(instrumentKey, units));
}

void TestPositionOrigins::theJournalIsReadAgainOnlyWhenAFillWasJournalled()
{
    journal(eurUsd, life.at(0));
    PositionOrigins origins(*m_journal);
    origins.refresh(1);
    QVERIFY(origins.of(eurUsd.key(), 1000));
    journal(eurUsd, life.at(1)); // the engine's count has not moved yet: what was read stands
    origins.refresh(1);
    QVERIFY(origins.of(eurUsd.key(), 1000));
    QVERIFY(!origins.of(eurUsd.key(), 2000));
    origins.refresh(2);
    QVERIFY(!origins.of(eurUsd.key(), 1000));
    QCOMPARE(origins.of(eurUsd.key(), 2000)->stopPrice, std::optional<double>(1.0812));
}

void TestPositionOrigins::aJournalThatCannotBeReadSaysNothing()
{
    journal(eurUsd, life.at(0));
    PositionOrigins origins(*m_journal);
    origins.refresh(1);
    QVERIFY(origins.of(eurUsd.key(), 1000));
    // A fill the journal cannot add up (text where a price belongs): unknown, not the last answer.
    QVERIFY(test::corrupt(m_path, {QStringLiteral("UPDATE executions SET price = 'abc'")}).ok());
    PortfolioView view;
    view.positions = {held(eurUsd, 1000)};
    origins.annotate(view, 2);
    QVERIFY(!view.positions.first().openedAt.isValid());
    QCOMPARE(view.positions.first().stopPrice, std::optional<double>());
    QVERIFY(!origins.of(eurUsd.key(), 1000));
}

void TestPositionOrigins::aFillThroughFlatOpensTheOtherSideWithItsOwnAgeAndStop()
{
    const QString key = eurUsd.key();
    const auto origins = PositionOrigins::fromFills({fill(key, Side::Buy, false, 1000, 1000, 1.07),
                                                     fill(key, Side::Sell, false, 1500, 2000, 1.10)});
    QCOMPARE(origins.value(key).units, -500.0);
    QCOMPARE(origins.value(key).openedAt, QDateTime::fromMSecsSinceEpoch(2000, Qt::UTC));
    QCOMPARE(origins.value(key).stopPrice, std::optional<double>(1.10));
}

void TestPositionOrigins::fractionsOfACoinThatAddUpToNothingAreFlat()
{
    const QString btc = QStringLiteral("CRYPTO:BTC/USD:1min");
    const auto flat = PositionOrigins::fromFills({fill(btc, Side::Buy, false, 0.1, 1000, 60000), fill(btc, Side::Buy, false, 0.2, 2000, 61000),
                                                  fill(btc, Side::Sell, true, 0.3, 3000)});
    QVERIFY(!flat.contains(btc));
    const auto small = PositionOrigins::fromFills({fill(btc, Side::Buy, false, 0.0001, 1000, 60000)});
    QCOMPARE(small.value(btc).units, 0.0001); // one lot is a position, however small
}

QTEST_GUILESS_MAIN(TestPositionOrigins)
#include "tst_positionorigins.moc"
