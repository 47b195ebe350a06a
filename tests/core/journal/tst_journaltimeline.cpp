// SPDX-License-Identifier: GPL-3.0-or-later
// JournalTimeline: how far in engine time a journal file got, read from every table that carries
// an instant (the resume point of `sentinel run --simulate --resume`, ADR 0106).
#include "JournalFixture.h"

#include "cache/BarStore.h"
#include "journal/Journal.h"
#include "journal/JournalTimeline.h"
#include "notify/Outbox.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

class TestJournalTimeline final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void aNewJournalHasNoInstantYet();
    void theLatestDecisionOrAlertIsWhereTheFixtureStopped();
    void aLaterAlertMovesItOn();
    void anOutboxStepMovesItOn();
    void aStoredBarMovesItOn();
    void somethingThatIsNotAJournalIsRefused_data();
    void somethingThatIsNotAJournalIsRefused();

private:
    [[nodiscard]] QDateTime lastInstant() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestJournalTimeline::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("journal.sqlite"));
}

QDateTime TestJournalTimeline::lastInstant() const
{
    const auto last = JournalTimeline::lastInstant(m_path);
    if (!last) {
        qWarning("%s", qPrintable(last.error().toString()));
        return {};
    }
    return last.value().value_or(QDateTime());
}

void TestJournalTimeline::aNewJournalHasNoInstantYet()
{
    QVERIFY(Journal::open(m_path).ok());
    const auto last = JournalTimeline::lastInstant(m_path);
    QVERIFY(last.ok());
    QVERIFY(!last.value().has_value());
}

void TestJournalTimeline::theLatestDecisionOrAlertIsWhereTheFixtureStopped()
{
    // The fixture makes its proposals at start() and decides, fills and alerts 30 s later.
    QVERIFY(JournalFixture::build(m_path).ok());
    QCOMPARE(lastInstant(), JournalFixture::start().addSecs(30));
}

void TestJournalTimeline::aLaterAlertMovesItOn()
{
    QVERIFY(JournalFixture::build(m_path).ok());
    auto journal = Journal::open(m_path);
    QVERIFY(journal.ok());
    const QDateTime later = JournalFixture::start().addSecs(7200);
    QVERIFY(journal.value()->recordAlert(Alert::create(Alert::Severity::Info, QStringLiteral("recovered"), {},
                                                       QStringLiteral("fresh again"), later)).ok());
    QCOMPARE(lastInstant(), later);
}

void TestJournalTimeline::anOutboxStepMovesItOn()
{
    QVERIFY(JournalFixture::build(m_path).ok());
    auto outbox = Outbox::open(m_path);
    QVERIFY(outbox.ok());
    SignalMessage signal;
    signal.id = QStringLiteral("signal-1");
    signal.side = QStringLiteral("BUY");
    signal.text = QStringLiteral("Executed");
    const QDateTime queued = JournalFixture::start().addSecs(600);
    QVERIFY(outbox.value()->enqueue(signal, queued).ok());
    QCOMPARE(lastInstant(), queued);
    const auto entry = outbox.value()->find(signal.id);
    QVERIFY(entry.ok() && entry.value());
    const QDateTime delivered = queued.addSecs(90);
    QVERIFY(outbox.value()->markDelivered(entry.value()->seq, QStringLiteral("webhook"), delivered).ok());
    QCOMPARE(lastInstant(), delivered);
}

void TestJournalTimeline::aStoredBarMovesItOn()
{
    QVERIFY(JournalFixture::build(m_path).ok());
    auto store = BarStore::open(m_path);
    QVERIFY(store.ok());
    Bar bar;
    bar.openTime = JournalFixture::start().addSecs(3600);
    bar.open = bar.high = bar.low = bar.close = 187.5;
    bar.volume = 100;
    QVERIFY(store.value()->upsert(QStringLiteral("XNYS:AAPL:5min"), {bar}).ok());
    QCOMPARE(lastInstant(), bar.openTime);
}

void TestJournalTimeline::somethingThatIsNotAJournalIsRefused_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("kind");
    QTest::newRow("a missing file is not found") << QStringLiteral("missing") << QStringLiteral("not_found");
    QTest::newRow("a directory is not a journal") << QStringLiteral("directory") << QStringLiteral("not_a_journal");
    QTest::newRow("a text file is not a journal") << QStringLiteral("text") << QStringLiteral("not_a_journal");
    QTest::newRow("an sqlite file without the journal's tables is not a journal")
        << QStringLiteral("other database") << QStringLiteral("not_a_journal");
}

void TestJournalTimeline::somethingThatIsNotAJournalIsRefused()
{
    QFETCH(QString, what);
    QFETCH(QString, kind);
    if (what == u"directory") {
        QVERIFY(QDir().mkpath(m_path));
    } else if (what == u"text") {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("proposals,decisions\n");
    } else if (what == u"other database") {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            db.setDatabaseName(m_path);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t (x)")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
    }
    const auto last = JournalTimeline::lastInstant(m_path);
    QVERIFY(!last.ok());
    QCOMPARE(last.error().kind, kind);
}

QTEST_GUILESS_MAIN(TestJournalTimeline)
#include "tst_journaltimeline.moc"
