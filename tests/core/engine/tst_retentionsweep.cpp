// SPDX-License-Identifier: GPL-3.0-or-later
// The daily retention sweep over a real journal file: old alerts and finished outbox rows go,
// queued signals and the current window stay, and the sweep repeats every day on the engine clock.
#include "common/ManualClock.h"
#include "engine/RetentionSweep.h"
#include "journal/Journal.h"
#include "notify/Outbox.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using namespace std::chrono_literals;
using State = OutboxEntry::State;

namespace {

const QDateTime start(QDate(2026, 3, 2), QTime(14, 30), Qt::UTC);

SignalMessage signal(const QString& id, const QDateTime& at)
{
    return SignalMessage{id, QStringLiteral("FX:EUR/USD"), QStringLiteral("BUY"), 1.085, QStringLiteral("text ") + id, at, {}};
}

} // namespace

class TestRetentionSweep final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deletesOnlyWhatOutlivedItsRetention();
    void sweepsAgainEveryDay();
    void withoutAnOutboxOnlyAlertsAreSwept();

private:
    QString path() const { return m_dir.filePath(QStringLiteral("journal.sqlite")); }
    QTemporaryDir m_dir;
};

void TestRetentionSweep::deletesOnlyWhatOutlivedItsRetention()
{
    QFile::remove(path());
    ManualClock clock(start);
    auto journal = Journal::open(path());
    auto outbox = Outbox::open(path());
    QVERIFY2(journal && outbox, "cannot open the journal");

    // Alerts 100, 95 and 10 days old, acknowledged or not.
    for (const int daysAgo : {100, 95, 10}) {
        const Alert alert = Alert::create(Alert::Severity::Warning, QStringLiteral("stale_data"), {}, QStringLiteral("old"),
                                          start.addDays(-daysAgo));
        QVERIFY(journal.value()->recordAlert(alert));
    }
    // Outbox: delivered 40 days ago, failed 35 days ago, expired 5 days ago, and one queued
    // 60 days ago that is still owed a delivery.
    Outbox& box = *outbox.value();
    const auto finish = [&](const char* id, int daysAgo, State state) {
        const QDateTime at = start.addDays(-daysAgo);
        QVERIFY(box.enqueue(signal(QString::fromLatin1(id), at), at).value());
        const auto entry = box.find(QString::fromLatin1(id)).value();
        QVERIFY(box.markSending(entry->seq));
        if (state == State::Delivered)
            QVERIFY(box.markDelivered(entry->seq, QStringLiteral("webhook"), at).value());
        else if (state == State::Failed)
            QVERIFY(box.markFailed(entry->seq, QStringLiteral("HTTP 500"), at));
        else
            QVERIFY(box.markExpired(entry->seq, at));
    };
    finish("delivered-40d", 40, State::Delivered);
    finish("failed-35d", 35, State::Failed);
    finish("expired-5d", 5, State::Expired);
    QVERIFY(box.enqueue(signal(QStringLiteral("queued-60d"), start.addDays(-60)), start.addDays(-60)).value());

    RetentionSettings settings; // defaults: alerts 90 days, outbox 30 days
    QStringList failures;
    RetentionSweep sweep(clock, *journal.value(), &box, settings,
                         [&](const QString& what, const Error& error) { failures << what + u": " + error.toString(); });
    const RetentionSweep::Swept swept = sweep.sweep();
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    QCOMPARE(swept.alerts, 2);
    QCOMPARE(swept.outboxRows, 2);
    QCOMPARE(journal.value()->counts().value().value(QStringLiteral("alerts")), 1);
    QVERIFY(!box.find(QStringLiteral("delivered-40d")).value());
    QVERIFY(!box.find(QStringLiteral("failed-35d")).value());
    QVERIFY(box.find(QStringLiteral("expired-5d")).value());
    const auto owed = box.find(QStringLiteral("queued-60d")).value();
    QVERIFY2(owed && owed->state == State::Queued, "a signal still owed a delivery was deleted");

    // Nothing left to delete: a second sweep finds nothing.
    const RetentionSweep::Swept again = sweep.sweep();
    QCOMPARE(again.alerts, 0);
    QCOMPARE(again.outboxRows, 0);
}

void TestRetentionSweep::sweepsAgainEveryDay()
{
    QFile::remove(path());
    ManualClock clock(start);
    auto journal = Journal::open(path());
    QVERIFY(journal);
    RetentionSettings settings;
    settings.alerts = 24h * 2;
    RetentionSweep sweep(clock, *journal.value(), nullptr, settings, [](const QString&, const Error&) {});
    sweep.start();
    // An alert raised now outlives its two days between the second and the third daily sweep.
    QVERIFY(journal.value()->recordAlert(Alert::create(Alert::Severity::Info, QStringLiteral("telemetry"), {},
                                                       QStringLiteral("now"), start.addSecs(1))));
    clock.advanceBy(48h);
    QCOMPARE(journal.value()->counts().value().value(QStringLiteral("alerts")), 1);
    clock.advanceBy(24h);
    QCOMPARE(journal.value()->counts().value().value(QStringLiteral("alerts")), 0);
}

void TestRetentionSweep::withoutAnOutboxOnlyAlertsAreSwept()
{
    QFile::remove(path());
    ManualClock clock(start);
    auto journal = Journal::open(path());
    QVERIFY(journal);
    QVERIFY(journal.value()->recordAlert(Alert::create(Alert::Severity::Info, QStringLiteral("telemetry"), {},
                                                       QStringLiteral("old"), start.addDays(-365))));
    RetentionSweep sweep(clock, *journal.value(), nullptr, RetentionSettings{}, [](const QString&, const Error&) {});
    const RetentionSweep::Swept swept = sweep.sweep();
    QCOMPARE(swept.alerts, 1);
    QCOMPARE(swept.outboxRows, 0);
}

QTEST_GUILESS_MAIN(TestRetentionSweep)
#include "tst_retentionsweep.moc"
