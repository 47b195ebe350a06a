// SPDX-License-Identifier: GPL-3.0-or-later
#include "FakeHttpServer.h"
#include "notify/Outbox.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

/// A worker killed with SIGKILL while 100 signals are queued delivers all of them after a
/// restart, and no signal whose delivery was confirmed before the kill is sent again.
class TestOutboxCrash final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killedWorkerDeliversEverythingAfterRestart_data();
    void killedWorkerDeliversEverythingAfterRestart();
};

namespace {
constexpr int signalCount = 100;
constexpr int killAtRequest = 30;

QString signalIdOf(const RecordedRequest& request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (body.contains(u"idempotency_key"))
        return body.value(u"id").toString();
    return body.value(u"text").toString().section(u' ', -1); // Telegram text ends with "signal <id>"
}
} // namespace

void TestOutboxCrash::killedWorkerDeliversEverythingAfterRestart_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addRow("telegram, which has no idempotency keys") << QStringLiteral("telegram");
    QTest::addRow("webhook, whose receiver deduplicates by idempotency key") << QStringLiteral("webhook");
}

void TestOutboxCrash::killedWorkerDeliversEverythingAfterRestart()
{
    QFETCH(QString, channel);
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("journal.sqlite"));
    FakeHttpServer server;
    QVERIFY(server.start());
    QProcess worker;
    worker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QStringList arguments{QStringLiteral("--db"), db, QStringLiteral("--channel"), channel,
                                QStringLiteral("--url"), server.baseUrl().toString(),
                                QStringLiteral("--count"), QString::number(signalCount)};

    bool killed = false;
    QStringList confirmed; ///< answered 200 while the worker was alive
    QString inFlight;      ///< the request the worker was waiting on when it died
    QHash<QString, int> keysSeen;
    server.setFallback([&](const RecordedRequest& request) {
        const QString id = signalIdOf(request);
        if (!request.headers.value("idempotency-key").isEmpty())
            keysSeen[QString::fromLatin1(request.headers.value("idempotency-key"))] += 1;
        if (!killed && server.requestCount() == killAtRequest) {
            // Killed before answering: this request is never confirmed to the worker.
            killed = true;
            inFlight = id;
            worker.kill(); // SIGKILL on Unix
            CannedResponse stall;
            stall.behaviour = CannedResponse::Behaviour::Stall;
            return stall;
        }
        if (!killed)
            confirmed.append(id);
        return channel == u"telegram" ? CannedResponse::json(R"({"ok":true,"result":{"message_id":1}})")
                                      : CannedResponse::json("{}", 200);
    });

    worker.start(QStringLiteral(OUTBOX_WORKER_PATH), arguments);
    QVERIFY(worker.waitForStarted());
    QSignalSpy firstExit(&worker, &QProcess::finished);
    QVERIFY(firstExit.wait(60000));
    QVERIFY(killed);
    QCOMPARE(worker.exitStatus(), QProcess::CrashExit);
    QCOMPARE(confirmed.size(), killAtRequest - 1);
    const qsizetype requestsBeforeRestart = server.requests().size();

    worker.start(QStringLiteral(OUTBOX_WORKER_PATH), arguments);
    QVERIFY(worker.waitForStarted());
    QSignalSpy secondExit(&worker, &QProcess::finished);
    QVERIFY(secondExit.wait(60000));
    QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
    QCOMPARE(worker.exitCode(), 0);

    QHash<QString, int> timesSent;
    QStringList sentAfterRestart;
    for (qsizetype i = 0; i < server.requests().size(); ++i) {
        const QString id = signalIdOf(server.requests().at(i));
        timesSent[id] += 1;
        if (i >= requestsBeforeRestart)
            sentAfterRestart.append(id);
    }
    // Every signal arrived.
    QCOMPARE(timesSent.size(), signalCount);
    // None confirmed before the kill was sent again.
    for (const QString& id : std::as_const(confirmed))
        QVERIFY2(!sentAfterRestart.contains(id), qPrintable(id + u" was confirmed, then sent again"));
    // The only signal sent twice is the one in flight at the kill (at-least-once, ADR 0041).
    for (auto it = timesSent.cbegin(); it != timesSent.cend(); ++it)
        QCOMPARE(it.value(), it.key() == inFlight ? 2 : 1);
    QCOMPARE(sentAfterRestart.first(), inFlight);
    QCOMPARE(server.requests().size(), signalCount + 1);
    if (channel == u"webhook") {
        // The resend carried the original key, so the receiver processes each signal once.
        QCOMPARE(keysSeen.size(), signalCount);
        int twice = 0;
        for (int n : std::as_const(keysSeen))
            twice += n == 2 ? 1 : 0;
        QCOMPARE(twice, 1);
    }

    auto outbox = Outbox::open(db);
    QVERIFY(outbox);
    const auto counts = outbox.value()->counts().value();
    QCOMPARE(counts.value(OutboxEntry::State::Delivered), signalCount);
    QCOMPARE(outbox.value()->pending().value().size(), 0);
}

QTEST_GUILESS_MAIN(TestOutboxCrash)
#include "tst_outbox_crash.moc"
