// SPDX-License-Identifier: GPL-3.0-or-later
#include "notify/Outbox.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using State = OutboxEntry::State;

class TestOutbox final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void signalIsStoredBeforeAnyAttemptAndSurvivesReopen();
    void sameSignalIdIsQueuedOnce();
    void movesThroughItsStates();
    void confirmedSignalCannotBeRequeuedOrConfirmedTwice();
    void rowsLeftInSendingAreRequeuedOnOpen();
    void parkedSignalsWaitUntilUnparked();
    void dueOrderIsOldestFirstAndRespectsNextAttempt();
    void usesWalAndCoexistsWithAnotherConnection();
    void refusesANewerSchema();
    void reportsAnUnwritableFile();

private:
    static SignalMessage signal(const QString& id);
    QString dbPath() const { return m_dir.filePath(QStringLiteral("journal.sqlite")); }

    QTemporaryDir m_dir;
    QDateTime m_now = QDateTime(QDate(2026, 3, 2), QTime(14, 30), Qt::UTC);
};

SignalMessage TestOutbox::signal(const QString& id)
{
    return SignalMessage{id, QStringLiteral("FX:EUR/USD"), QStringLiteral("BUY"), 1.085, QStringLiteral("text ") + id,
                         QDateTime(QDate(2026, 3, 2), QTime(14, 29), Qt::UTC), {}};
}

void TestOutbox::init()
{
    QFile::remove(dbPath());
}

void TestOutbox::signalIsStoredBeforeAnyAttemptAndSurvivesReopen()
{
    {
        auto outbox = Outbox::open(dbPath());
        QVERIFY2(outbox, qPrintable(outbox ? QString() : outbox.error().toString()));
        QCOMPARE(outbox.value()->enqueue(signal(QStringLiteral("s1")), m_now).value(), true);
    }
    auto reopened = Outbox::open(dbPath());
    QVERIFY(reopened);
    const auto found = reopened.value()->find(QStringLiteral("s1"));
    QVERIFY(found && found.value());
    QCOMPARE(found.value()->state, State::Queued);
    QCOMPARE(found.value()->signal, signal(QStringLiteral("s1")));
    QCOMPARE(found.value()->enqueuedAt, m_now);
}

void TestOutbox::sameSignalIdIsQueuedOnce()
{
    auto outbox = Outbox::open(dbPath());
    QVERIFY(outbox);
    QCOMPARE(outbox.value()->enqueue(signal(QStringLiteral("s1")), m_now).value(), true);
    QCOMPARE(outbox.value()->enqueue(signal(QStringLiteral("s1")), m_now).value(), false);
    QCOMPARE(outbox.value()->pending().value().size(), 1);
}

void TestOutbox::movesThroughItsStates()
{
    auto opened = Outbox::open(dbPath());
    QVERIFY(opened);
    Outbox& outbox = *opened.value();
    QVERIFY(outbox.enqueue(signal(QStringLiteral("d")), m_now).value());
    QVERIFY(outbox.enqueue(signal(QStringLiteral("f")), m_now).value());
    QVERIFY(outbox.enqueue(signal(QStringLiteral("e")), m_now).value());
    auto seqOf = [&](const QString& id) { return outbox.find(id).value()->seq; };

    QVERIFY(outbox.markSending(seqOf(QStringLiteral("d"))));
    QCOMPARE(outbox.find(QStringLiteral("d")).value()->state, State::Sending);
    QVERIFY(outbox.markPartsDone(seqOf(QStringLiteral("d")), QStringLiteral("telegram"), 2));
    QVERIFY(outbox.markDelivered(seqOf(QStringLiteral("d")), QStringLiteral("telegram"), m_now.addSecs(3)).value());
    QVERIFY(outbox.markFailed(seqOf(QStringLiteral("f")), QStringLiteral("refused"), m_now));
    QVERIFY(outbox.markExpired(seqOf(QStringLiteral("e")), m_now));

    const auto delivered = outbox.find(QStringLiteral("d")).value();
    QCOMPARE(delivered->state, State::Delivered);
    QCOMPARE(delivered->deliveredBy, QStringLiteral("telegram"));
    QCOMPARE(delivered->attempts, 1);
    QCOMPARE(delivered->partsDone, 2);
    QCOMPARE(delivered->finishedAt, m_now.addSecs(3));
    QCOMPARE(outbox.find(QStringLiteral("f")).value()->state, State::Failed);
    QCOMPARE(outbox.find(QStringLiteral("f")).value()->lastError, QStringLiteral("refused"));
    QCOMPARE(outbox.find(QStringLiteral("e")).value()->state, State::Expired);
    const auto counts = outbox.counts().value();
    QCOMPARE(counts.value(State::Delivered), 1);
    QCOMPARE(counts.value(State::Failed), 1);
    QCOMPARE(counts.value(State::Expired), 1);
    QVERIFY(outbox.pending().value().isEmpty());
}

void TestOutbox::confirmedSignalCannotBeRequeuedOrConfirmedTwice()
{
    auto opened = Outbox::open(dbPath());
    QVERIFY(opened);
    Outbox& outbox = *opened.value();
    QVERIFY(outbox.enqueue(signal(QStringLiteral("s")), m_now).value());
    const qint64 seq = outbox.find(QStringLiteral("s")).value()->seq;
    QVERIFY(outbox.markSending(seq));
    QCOMPARE(outbox.markDelivered(seq, QStringLiteral("webhook"), m_now).value(), true);
    QCOMPARE(outbox.markDelivered(seq, QStringLiteral("telegram"), m_now).value(), false);
    QVERIFY(outbox.markRetry(seq, m_now, QStringLiteral("late error")));
    QVERIFY(outbox.markFailed(seq, QStringLiteral("late error"), m_now));
    QCOMPARE(outbox.recoverInterrupted(m_now).value(), 0);
    const auto entry = outbox.find(QStringLiteral("s")).value();
    QCOMPARE(entry->state, State::Delivered);
    QCOMPARE(entry->deliveredBy, QStringLiteral("webhook"));
    QVERIFY(!outbox.nextDue(m_now.addDays(1)).value().has_value());
}

void TestOutbox::rowsLeftInSendingAreRequeuedOnOpen()
{
    {
        auto outbox = Outbox::open(dbPath());
        QVERIFY(outbox.value()->enqueue(signal(QStringLiteral("s")), m_now).value());
        QVERIFY(outbox.value()->markSending(outbox.value()->find(QStringLiteral("s")).value()->seq));
    }
    auto outbox = Outbox::open(dbPath());
    QCOMPARE(outbox.value()->find(QStringLiteral("s")).value()->state, State::Sending);
    QCOMPARE(outbox.value()->recoverInterrupted(m_now.addSecs(60)).value(), 1);
    const auto due = outbox.value()->nextDue(m_now.addSecs(60)).value();
    QVERIFY(due.has_value());
    QCOMPARE(due->signal.id, QStringLiteral("s"));
    QCOMPARE(due->attempts, 1);
}

void TestOutbox::parkedSignalsWaitUntilUnparked()
{
    auto opened = Outbox::open(dbPath());
    Outbox& outbox = *opened.value();
    QVERIFY(outbox.enqueue(signal(QStringLiteral("p")), m_now).value());
    QVERIFY(outbox.markRetry(outbox.find(QStringLiteral("p")).value()->seq, QDateTime(), QStringLiteral("bad token")));
    QVERIFY(!outbox.nextDue(m_now.addYears(1)).value().has_value());
    QVERIFY(!outbox.earliestAttempt().value().has_value());
    QCOMPARE(outbox.pending().value().size(), 1);
    QCOMPARE(outbox.unpark(m_now).value(), 1);
    QCOMPARE(outbox.nextDue(m_now).value()->signal.id, QStringLiteral("p"));
}

void TestOutbox::dueOrderIsOldestFirstAndRespectsNextAttempt()
{
    auto opened = Outbox::open(dbPath());
    Outbox& outbox = *opened.value();
    for (const char* id : {"a", "b", "c"})
        QVERIFY(outbox.enqueue(signal(QString::fromLatin1(id)), m_now).value());
    QVERIFY(outbox.markRetry(outbox.find(QStringLiteral("a")).value()->seq, m_now.addSecs(34), QStringLiteral("429")));
    QCOMPARE(outbox.nextDue(m_now).value()->signal.id, QStringLiteral("b"));
    QCOMPARE(outbox.nextDue(m_now.addSecs(34)).value()->signal.id, QStringLiteral("a"));
    QCOMPARE(*outbox.earliestAttempt().value(), m_now);
}

void TestOutbox::usesWalAndCoexistsWithAnotherConnection()
{
    auto opened = Outbox::open(dbPath());
    QVERIFY(opened);
    {
        // The journal will hold its own connection on the same file.
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("journal-like"));
        other.setDatabaseName(dbPath());
        QVERIFY(other.open());
        QSqlQuery query(other);
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS journal_events (id INTEGER PRIMARY KEY, text TEXT)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO journal_events (text) VALUES ('x')")));
        QVERIFY(opened.value()->enqueue(signal(QStringLiteral("s")), m_now).value());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM notify_outbox")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("journal-like"));
}

void TestOutbox::refusesANewerSchema()
{
    {
        auto outbox = Outbox::open(dbPath());
        QVERIFY(outbox);
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("UPDATE notify_meta SET value = '99' WHERE key = 'outbox_schema_version'")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bump"));
    auto outbox = Outbox::open(dbPath());
    QVERIFY(!outbox);
    QCOMPARE(outbox.error().kind, QStringLiteral("schema_mismatch"));
    QVERIFY(outbox.error().message.contains(u"99"));
}

void TestOutbox::reportsAnUnwritableFile()
{
    auto outbox = Outbox::open(m_dir.filePath(QStringLiteral("no/such/folder/journal.sqlite")));
    QVERIFY(!outbox);
    QCOMPARE(outbox.error().kind, QStringLiteral("storage_error"));
    QVERIFY(!outbox.error().remedy.isEmpty());
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
