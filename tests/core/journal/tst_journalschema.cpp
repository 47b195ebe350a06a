// SPDX-License-Identifier: GPL-3.0-or-later
#include "journal/Journal.h"
#include "journal/JournalSchema.h"
#include "storage/SqliteConnection.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;

class TestJournalSchema final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void migrationsAreNumberedOneToLatest();
    void aNewFileIsCreatedAtTheLatestVersion();
    void reopeningAppliesNothingTwice();
    void aVersionOneFileIsMigratedKeepingItsRows();
    void aVersionSixFileGainsTheStopColumnAndItsRowsHaveNoStop();
    void aFileFromANewerVersionIsRefused();
};

void TestJournalSchema::migrationsAreNumberedOneToLatest()
{
    const auto& migrations = JournalSchema::migrations();
    QVERIFY(migrations.size() >= 2);
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        QCOMPARE(migrations[i].version, int(i) + 1);
        QVERIFY(!migrations[i].statements.isEmpty());
    }
    QCOMPARE(JournalSchema::latestVersion(), int(migrations.size()));
}

void TestJournalSchema::aNewFileIsCreatedAtTheLatestVersion()
{
    QTemporaryDir dir;
    auto journal = Journal::open(dir.filePath(QStringLiteral("j.sqlite")));
    QVERIFY(journal.ok());
    QCOMPARE(journal.value()->schemaVersion(), JournalSchema::latestVersion());
}

void TestJournalSchema::reopeningAppliesNothingTwice()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    QVERIFY(Journal::open(path).ok());
    QVERIFY(Journal::open(path).ok());
    auto db = SqliteConnection::open(path, QStringLiteral("probe"));
    QVERIFY(db.ok());
    QCOMPARE(db.value()->scalar(QStringLiteral("SELECT COUNT(*) FROM schema_version")).value().toInt(),
             JournalSchema::latestVersion());
}

void TestJournalSchema::aVersionOneFileIsMigratedKeepingItsRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
    {
        // A file as release 1 left it, with an alert in it (version 1 had no acknowledgement time).
        auto db = SqliteConnection::open(path, QStringLiteral("release 1"));
        QVERIFY(db.ok());
        QCOMPARE(JournalSchema::migrate(*db.value(), 1).value(), 1);
        QVERIFY(db.value()->exec(QStringLiteral("INSERT INTO alerts (id, severity, kind, message, at_ms) "
                                                "VALUES ('a1', 'warning', 'stale_data', 'no bar', 1709564400000)")).ok());
        QVERIFY(!db.value()->exec(QStringLiteral("SELECT acknowledged_at_ms FROM alerts")).ok());
    }
    auto journal = Journal::open(path);
    QVERIFY2(journal.ok(), qPrintable(journal.ok() ? QString() : journal.error().toString()));
    QCOMPARE(journal.value()->schemaVersion(), JournalSchema::latestVersion());
    const auto alerts = journal.value()->unacknowledgedAlerts();
    QVERIFY(alerts.ok());
    QCOMPARE(alerts.value().size(), 1);
    QCOMPARE(alerts.value().first().message, QStringLiteral("no bar"));
    QVERIFY(!alerts.value().first().acknowledgedAt.isValid());
    const QDateTime now(QDate(2024, 3, 4), QTime(16, 0), Qt::UTC);
    QCOMPARE(journal.value()->acknowledgeAlert(QStringLiteral("a1"), now).value(), true);
}

void TestJournalSchema::aVersionSixFileGainsTheStopColumnAndItsRowsHaveNoStop()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v6.sqlite"));
    {
        // A file as release 6 left it: an executed entry, which recorded no stop.
        auto db = SqliteConnection::open(path, QStringLiteral("release 6"));
        QVERIFY(db.ok());
        QCOMPARE(JournalSchema::migrate(*db.value(), 6).value(), 6);
        const QStringList rows{
            QStringLiteral("INSERT INTO proposals (id, instrument_key, symbol, market, interval, side, is_exit, quantity, price, "
                           "strategy_reason, verdict_json, var_before, var_after, freshness, client_order_id, created_at_ms, "
                           "expires_at_ms, state, strategy) VALUES ('p1', 'FX:EUR/USD:5min', 'EUR/USD', 'FX', '5min', 'buy', 0, "
                           "1000, 1.0842, 'SMA(10) crossed above SMA(30)', '{\"approved\":true,\"reasons\":[]}', 0.01, 0.011, "
                           "'fresh (lag 1 min)', 'c1', 1709564400000, 1709564700000, 'executed', 'sma_cross')"),
            QStringLiteral("INSERT INTO decisions (proposal_id, decision, reason, operator, at_ms, channel) "
                           "VALUES ('p1', 'approved', 'go', 'alice', 1709564430000, 'desktop')"),
            QStringLiteral("INSERT INTO executions (proposal_id, client_order_id, order_id, price, quantity, fee, at_ms) "
                           "VALUES ('p1', 'c1', 'o1', 1.0843, 1000, 0.05, 1709564431000)"),
        };
        for (const QString& row : rows)
            QVERIFY(db.value()->exec(row).ok());
        QVERIFY(!db.value()->exec(QStringLiteral("SELECT stop_price FROM proposals")).ok());
    }
    auto journal = Journal::open(path);
    QVERIFY2(journal.ok(), qPrintable(journal.ok() ? QString() : journal.error().toString()));
    QCOMPARE(journal.value()->schemaVersion(), JournalSchema::latestVersion());
    const auto old = journal.value()->proposal(QStringLiteral("p1"));
    QVERIFY(old.ok() && old.value());
    QCOMPARE(old.value()->stopPrice, std::optional<double>());
    QCOMPARE(old.value()->strategy, QStringLiteral("sma_cross"));
    const auto fills = journal.value()->fills();
    QVERIFY(fills.ok());
    QCOMPARE(fills.value().size(), 1);
    QCOMPARE(fills.value().first().stopPrice, std::optional<double>());

    // Entries written from now on keep theirs.
    const QDateTime now(QDate(2024, 3, 4), QTime(16, 0), Qt::UTC);
    TradeProposal entry = TradeProposal::create(Instrument{QStringLiteral("EUR/USD"), QStringLiteral("FX"), Interval::Min5},
                                                Side::Buy, 1000, 1.09, now, now.addSecs(300));
    entry.stopPrice = 1.085;
    QVERIFY(journal.value()->recordProposal(entry).ok());
    QCOMPARE(journal.value()->proposal(entry.id).value()->stopPrice, std::optional<double>(1.085));
}

void TestJournalSchema::aFileFromANewerVersionIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    QVERIFY(Journal::open(path).ok());
    {
        auto db = SqliteConnection::open(path, QStringLiteral("future release"));
        QVERIFY(db.ok());
        QVERIFY(db.value()->exec(QStringLiteral("INSERT INTO schema_version (version, description) VALUES (99, 'from the future')")).ok());
    }
    auto journal = Journal::open(path);
    QVERIFY(!journal.ok());
    QCOMPARE(journal.error().kind, QStringLiteral("journal_too_new"));
    QVERIFY(journal.error().message.contains(QStringLiteral("schema version 99")));
    QVERIFY(journal.error().message.contains(QStringLiteral("up to %1").arg(JournalSchema::latestVersion())));
    QVERIFY(!journal.error().remedy.isEmpty());
}

QTEST_GUILESS_MAIN(TestJournalSchema)
#include "tst_journalschema.moc"
