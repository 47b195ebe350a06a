// SPDX-License-Identifier: GPL-3.0-or-later
// The Positions panel's realised P&L today: the journal's round trips closed that UTC day.
#include "JournalFixture.h"
#include "KnownTrades.h"

#include "engine/RealisedToday.h"
#include "journal/Journal.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;

class TestRealisedToday : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("known-%1.sqlite").arg(++m_run));
        QVERIFY(test::KnownTrades::write(m_path).ok());
        auto journal = Journal::open(m_path);
        QVERIFY(journal.ok());
        m_journal = std::move(journal.value());
    }

    void eachDayHasItsOwnRoundTrips()
    {
        RealisedToday today(*m_journal);
        const auto at = [](int day, int hour) { return QDateTime(QDate(2024, 3, day), QTime(hour, 0), Qt::UTC); };
        // Wednesday: MSFT closed at -101 and 4 AAPL at +39.2 (KnownTrades.h); Tuesday closed nothing.
        QVERIFY(qFuzzyCompare(today.at(at(6, 23), 8).value_or(0), -101.0 + 39.2));
        QCOMPARE(today.at(at(5, 12), 8).value_or(-1), 0.0);
        QVERIFY(qFuzzyCompare(today.at(at(7, 9), 8).value_or(0), -31.2));
        QVERIFY(qFuzzyCompare(today.at(at(4, 20), 8).value_or(0), 98.0));
    }

    void aJournalThatCannotBeReadSaysSoRatherThanZero()
    {
        RealisedToday today(*m_journal);
        const QDateTime wednesday(QDate(2024, 3, 6), QTime(23, 0), Qt::UTC);
        QVERIFY(today.at(wednesday, 8).has_value());
        // A fill the journal cannot add up (text where a price belongs): unknown, and read again next time.
        QVERIFY(test::corrupt(m_path, {QStringLiteral("UPDATE executions SET price = 'abc' WHERE order_id = 'order-3'")}).ok());
        QVERIFY(!today.at(wednesday, 9).has_value());
        QVERIFY(!today.at(wednesday, 9).has_value());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Journal> m_journal;
    int m_run = 0;
};

QTEST_GUILESS_MAIN(TestRealisedToday)
#include "tst_realisedtoday.moc"
