// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's promises, checked on whole simulated runs of the real `sentinel` binary and read
// back from the SQLite journal it wrote.
#include "CliRunner.h"
#include "FakeAlphaVantage.h"
#include "FakeHttpServer.h"
#include "JournalQuery.h"
#include "TestData.h"
#include "common/ManualClock.h"
#include "journal/Journal.h"

#include <QDateTime>
#include <QDir>
#include <QHash>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace sentinel;
using namespace sentinel::test;

namespace {

qint64 utcMs(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

void writeFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

/// Two crypto pairs trading every minute, every signal to the webhook `receiver`; returns the
/// configuration's path and the environment that holds its webhook secret.
std::pair<QString, QProcessEnvironment> writeTradingConfig(const QTemporaryDir& dir, const FakeHttpServer& receiver)
{
    const QString config = dir.filePath(QStringLiteral("trading.yaml"));
    writeFile(config, "watchlist:\n"
                      "  - {symbol: \"BTC/USD\", market: CRYPTO, interval: 1min}\n"
                      "  - {symbol: \"ETH/USD\", market: CRYPTO, interval: 1min}\n"
                      "webhook: {enabled: true, url: \"" + receiver.baseUrl().resolved(QUrl(QStringLiteral("/hook"))).toEncoded()
                          + "\", secret: \"${SENTINEL_TEST_WEBHOOK_SECRET}\"}\n");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SENTINEL_TEST_WEBHOOK_SECRET"), QStringLiteral("whsec-trading-test"));
    return {config, environment};
}

} // namespace

class TestEngineSimulation final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void thanksgivingWeekMakesNoCallWhileClosedRaisesNoFalseAlarmAndProposesOnFreshDataOnly();
    void aFeedFrozenMidSessionRaisesOneStaleAlertInTimeAndOneRecovery();
    void aRunKilledWithSigkillAndRestartedLosesAndRepeatsNothing();
    void aResumedRunStartsWhereItsJournalEnds();
    void resumingAJournalThatRecordsNothingIsRefused();
    void aSimulationWaitingForTheRateLimitOrATelegramSlotStillEnds();
    void aKillRightAfterATradeLosesNeitherItsSignalNorItsExecution_data();
    void aKillRightAfterATradeLosesNeitherItsSignalNorItsExecution();
};

void TestEngineSimulation::thanksgivingWeekMakesNoCallWhileClosedRaisesNoFalseAlarmAndProposesOnFreshDataOnly()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("week.yaml"));
    writeFile(config, "watchlist:\n"
                      "  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n"
                      "  - {symbol: \"BTC/USD\", market: CRYPTO, interval: 15min}\n"
                      "  - {symbol: \"AAPL\", market: XNYS, interval: 5min}\n");
    const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
    // Monday 23rd to Monday 30th: Thanksgiving on the 26th, the early close on the 27th, a weekend.
    const CliRun run = runSentinel({QStringLiteral("run"), QStringLiteral("--config"), config, QStringLiteral("--simulate"),
                                    QStringLiteral("--from"), QStringLiteral("2026-11-23T00:00:00Z"), QStringLiteral("--to"),
                                    QStringLiteral("2026-11-30T00:00:00Z"), QStringLiteral("--auto-approve"),
                                    QStringLiteral("--journal"), journal});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject summary = run.json();
    qInfo("summary: %s", run.out.constData());

    QCOMPARE(summary.value(QStringLiteral("api_calls_while_closed")).toInt(-1), 0);
    const QJsonObject alerts = summary.value(QStringLiteral("alerts")).toObject();
    QVERIFY2(!alerts.contains(QStringLiteral("stale_data")), run.out.constData());
    QCOMPARE(summary.value(QStringLiteral("stale_blocks")).toInt(-1), 0);
    QVERIFY(summary.value(QStringLiteral("proposals")).toInt() > 0);
    // Every approved proposal executed exactly once.
    QCOMPARE(summary.value(QStringLiteral("executions")).toInt(), summary.value(QStringLiteral("approvals")).toInt());
    QVERIFY(summary.value(QStringLiteral("portfolio_calls")).toInt() <= summary.value(QStringLiteral("cycles")).toInt());
    // The summary's performance is `sentinel report` over the same stretch (issue 17).
    const QJsonObject performance = summary.value(QStringLiteral("performance")).toObject();
    QCOMPARE(performance.value(QStringLiteral("trades")).toInt(-1), summary.value(QStringLiteral("executions")).toInt());
    const CliRun report = runSentinel({QStringLiteral("report"), QStringLiteral("--journal"), journal, QStringLiteral("--from"),
                                       QStringLiteral("2026-11-23T00:00:00Z"), QStringLiteral("--to"), QStringLiteral("2026-11-30T00:00:00Z")});
    QVERIFY2(report.exitCode == 0, report.err.constData());
    QCOMPARE(report.json(), performance);
    // Every proposal names the strategy that made it (journal schema 5): the configured one.
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM proposals WHERE strategy <> 'sma_cross'")).toInt(), 0);

    // No AAPL bar was requested on Thanksgiving Day or over the weekend: the journal holds the
    // bars the engine stored, and none opens while XNYS was closed.
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM bars WHERE instrument_key = 'XNYS:AAPL:5min'"
                                                  " AND open_time_ms >= ? AND open_time_ms < ?"),
                          {utcMs("2026-11-26T00:00:00Z"), utcMs("2026-11-27T00:00:00Z")}).toInt(), 0);
    // The early close: the last AAPL bar of the 27th opens at 12:55 ET (17:55Z).
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT MAX(open_time_ms) FROM bars WHERE instrument_key = 'XNYS:AAPL:5min'"
                                                  " AND open_time_ms < ?"),
                          {utcMs("2026-11-28T00:00:00Z")}).toLongLong(), utcMs("2026-11-27T17:55:00Z"));
    // Every entry was proposed on fresh (or warn) data.
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM proposals WHERE is_exit = 0 AND freshness NOT LIKE 'fresh%'"
                                                  " AND freshness NOT LIKE 'warn%'")).toInt(), 0);

    const CliRun verify = runSentinel({QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), journal});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
}

void TestEngineSimulation::aFeedFrozenMidSessionRaisesOneStaleAlertInTimeAndOneRecovery()
{
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("KEEP_TEST_DIR"));
    const QString replay = dir.filePath(QStringLiteral("replay"));
    QVERIFY(QDir().mkpath(replay));
    // AAPL: Monday's whole session as history, then Tuesday 2026-11-24 (XNYS 14:30Z–21:00Z) with
    // bars until the one opening 15:55Z and nothing until the one opening 19:00Z: a feed frozen
    // for three hours while the market is open.
    QByteArray csv = "open_time_utc,open,high,low,close,volume\n";
    double price = 190.0;
    for (qint64 open = utcMs("2026-11-23T14:30:00Z"); open < utcMs("2026-11-24T21:00:00Z"); open += 300'000) {
        const bool outsideSessions = (open >= utcMs("2026-11-23T21:00:00Z") && open < utcMs("2026-11-24T14:30:00Z"));
        const bool frozen = open > utcMs("2026-11-24T15:55:00Z") && open < utcMs("2026-11-24T19:00:00Z");
        if (outsideSessions || frozen)
            continue;
        const double close = price * (1.0 + (QRandomGenerator::global()->bounded(200) - 100) / 100000.0);
        csv += QDateTime::fromMSecsSinceEpoch(open, Qt::UTC).toString(Qt::ISODate).toUtf8() + ','
            + QByteArray::number(price, 'f', 2) + ',' + QByteArray::number(std::max(price, close) + 0.05, 'f', 2) + ','
            + QByteArray::number(std::min(price, close) - 0.05, 'f', 2) + ',' + QByteArray::number(close, 'f', 2) + ",1000\n";
        price = close;
    }
    writeFile(replay + QStringLiteral("/AAPL_5min.csv"), csv);
    const QString config = dir.filePath(QStringLiteral("frozen.yaml"));
    writeFile(config, "provider: replay\n"
                      "providers: {replay: {directory: \"" + replay.toUtf8() + "\"}}\n"
                      "watchlist:\n  - {symbol: \"AAPL\", market: XNYS, interval: 5min}\n");
    const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
    const CliRun run = runSentinel({QStringLiteral("run"), QStringLiteral("--config"), config, QStringLiteral("--simulate"),
                                    QStringLiteral("--from"), QStringLiteral("2026-11-24T14:00:00Z"), QStringLiteral("--to"),
                                    QStringLiteral("2026-11-24T20:30:00Z"), QStringLiteral("--journal"), journal});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    qInfo("summary: %s", run.out.constData());
    const QJsonObject alerts = run.json().value(QStringLiteral("alerts")).toObject();
    QCOMPARE(alerts.value(QStringLiteral("stale_data")).toInt(), 1);
    QCOMPARE(alerts.value(QStringLiteral("recovered")).toInt(), 1);

    // The last bar closed 16:00Z; with the 2 h open-market tolerance the alert is due by
    // 18:00Z plus one interval at the latest.
    const qint64 staleAt = queryJournal(journal, QStringLiteral("SELECT at_ms FROM alerts WHERE kind = 'stale_data'")).toLongLong();
    QVERIFY(staleAt > utcMs("2026-11-24T17:30:00Z"));
    QVERIFY2(staleAt <= utcMs("2026-11-24T18:05:00Z"), qPrintable(QDateTime::fromMSecsSinceEpoch(staleAt, Qt::UTC).toString(Qt::ISODate)));
    const qint64 recoveredAt = queryJournal(journal, QStringLiteral("SELECT at_ms FROM alerts WHERE kind = 'recovered'")).toLongLong();
    QVERIFY(recoveredAt >= utcMs("2026-11-24T19:05:00Z"));
    // Nothing was proposed while the data was stale.
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM proposals WHERE created_at_ms >= ? AND created_at_ms < ?"),
                          {staleAt, recoveredAt}).toInt(), 0);
}

void TestEngineSimulation::aRunKilledWithSigkillAndRestartedLosesAndRepeatsNothing()
{
    QTemporaryDir dir;
    const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
    // Every execution sends a signal to this webhook receiver on 127.0.0.1, which counts the
    // deliveries of each idempotency key (receivers deduplicate by it, ADR 0041). The fifth
    // delivery is never answered: the engine is killed while it waits for it.
    constexpr int killAtDelivery = 5;
    FakeHttpServer receiver;
    QVERIFY(receiver.start());
    QProcess first;
    QHash<QByteArray, int> deliveriesByKey;
    QByteArray inFlightAtKill;
    receiver.setFallback([&](const RecordedRequest& request) {
        const QByteArray key = request.headers.value("idempotency-key");
        deliveriesByKey[key] += 1;
        if (inFlightAtKill.isEmpty() && receiver.requestCount() == killAtDelivery) {
            inFlightAtKill = key;
            first.kill(); // SIGKILL on POSIX: no destructor, no flush, the reply never read
            CannedResponse stall;
            stall.behaviour = CannedResponse::Behaviour::Stall;
            return stall;
        }
        return CannedResponse::json("{}");
    });
    const auto [config, environment] = writeTradingConfig(dir, receiver);
    const auto executions = [&journal] {
        return queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM executions")).toInt();
    };

    first.setProcessEnvironment(environment);
    first.start(sentinelPath(),
                {QStringLiteral("run"), QStringLiteral("--config"), config, QStringLiteral("--simulate"), QStringLiteral("--from"),
                 QStringLiteral("2026-11-23T00:00:00Z"), QStringLiteral("--to"), QStringLiteral("2027-02-23T00:00:00Z"),
                 QStringLiteral("--auto-approve"), QStringLiteral("--journal"), journal});
    QVERIFY(first.waitForStarted());
    // Killed in the middle of its work, once it has traded and while a delivery is in flight.
    QTRY_VERIFY_WITH_TIMEOUT(first.state() == QProcess::NotRunning, 120000);
    QVERIFY2(!inFlightAtKill.isEmpty(), "the run ended before its fifth signal");
    const int executedBeforeKill = executions();

    const CliRun verifyAfterKill = runSentinel({QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), journal});
    QVERIFY2(verifyAfterKill.exitCode == 0, verifyAfterKill.out.constData());

    // Restart on the same journal ten minutes (engine time) after the last bar it held, as an
    // operator would: pending proposals expire, interrupted approvals are reconciled with the
    // platform, signals still queued are delivered, nothing executes twice.
    const qint64 lastBar = queryJournal(journal, QStringLiteral("SELECT MAX(open_time_ms) FROM bars")).toLongLong();
    QVERIFY(lastBar > 0);
    const QDateTime restart = QDateTime::fromMSecsSinceEpoch(lastBar - lastBar % 60'000 + 600'000, Qt::UTC);
    const CliRun second = runSentinel({QStringLiteral("run"), QStringLiteral("--config"), config, QStringLiteral("--simulate"),
                                       QStringLiteral("--from"), restart.toString(Qt::ISODate), QStringLiteral("--to"),
                                       restart.addSecs(6 * 3600).toString(Qt::ISODate), QStringLiteral("--auto-approve"),
                                       QStringLiteral("--journal"), journal},
                                      environment);
    QVERIFY2(second.exitCode == 0, second.err.constData());
    QVERIFY(executions() >= executedBeforeKill);
    const CliRun verify = runSentinel({QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), journal});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) - COUNT(DISTINCT client_order_id) FROM executions")).toInt(), 0);

    // Every signal reached the receiver, and none twice: the only key it saw twice is the one in
    // flight at the kill, whose answer the killed process never read.
    const int signalsQueued = queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM notify_outbox")).toInt();
    const int delivered = queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM notify_outbox WHERE state = 'delivered'"
                                                              " AND delivered_by = 'webhook'")).toInt();
    QVERIFY(signalsQueued >= executedBeforeKill);
    QCOMPARE(delivered, signalsQueued);
    QVERIFY(!deliveriesByKey.contains(QByteArray()));
    QCOMPARE(int(deliveriesByKey.size()), signalsQueued);
    for (auto it = deliveriesByKey.cbegin(); it != deliveriesByKey.cend(); ++it)
        QCOMPARE(it.value(), it.key() == inFlightAtKill ? 2 : 1);
    qInfo("%d executions before the kill, %d after the restart; %d signals, all delivered by the webhook, "
          "only the one in flight at the kill sent again (same idempotency key)",
          executedBeforeKill, executions(), signalsQueued);
}

void TestEngineSimulation::aResumedRunStartsWhereItsJournalEnds()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("resume.yaml"));
    writeFile(config, "watchlist:\n"
                      "  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n"
                      "  - {symbol: \"BTC/USD\", market: CRYPTO, interval: 15min}\n");
    const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
    // Stopped early on a Tuesday evening, as a killed run would be (ADR 0106).
    const CliRun first = runSentinel({QStringLiteral("run"), QStringLiteral("--config"), config, QStringLiteral("--simulate"),
                                      QStringLiteral("--from"), QStringLiteral("2026-11-23T00:00:00Z"), QStringLiteral("--to"),
                                      QStringLiteral("2026-11-24T19:07:00Z"), QStringLiteral("--auto-approve"),
                                      QStringLiteral("--journal"), journal});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    QCOMPARE(first.json().value(QStringLiteral("simulation")).toObject().value(QStringLiteral("resumed")).toBool(true), false);
    const qint64 lastBar = queryJournal(journal, QStringLiteral("SELECT MAX(open_time_ms) FROM bars")).toLongLong();
    const qint64 lastProposal = queryJournal(journal, QStringLiteral("SELECT MAX(created_at_ms) FROM proposals")).toLongLong();
    const int proposalsBefore = queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM proposals")).toInt();
    QVERIFY(lastBar > utcMs("2026-11-24T18:00:00Z"));

    const CliRun second = runSentinel({QStringLiteral("run"), QStringLiteral("--config"), config, QStringLiteral("--simulate"),
                                       QStringLiteral("--resume"), QStringLiteral("--to"), QStringLiteral("2026-11-26T00:00:00Z"),
                                       QStringLiteral("--auto-approve"), QStringLiteral("--journal"), journal});
    QVERIFY2(second.exitCode == 0, second.err.constData());
    qInfo("resumed: %s", second.out.constData());
    const QJsonObject simulation = second.json().value(QStringLiteral("simulation")).toObject();
    QVERIFY(simulation.value(QStringLiteral("resumed")).toBool());
    const qint64 from = QDateTime::fromString(simulation.value(QStringLiteral("from")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
    // Not before anything the first run recorded, and not after where it stopped.
    QVERIFY(from >= lastBar);
    QVERIFY(from >= lastProposal);
    QVERIFY(from <= utcMs("2026-11-24T19:07:00Z"));
    QCOMPARE(simulation.value(QStringLiteral("to")).toString(), QStringLiteral("2026-11-26T00:00:00.000Z"));
    // The second run only added to the journal from there on.
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM proposals WHERE created_at_ms < ?"), {from}).toInt(),
             proposalsBefore);
    QVERIFY(queryJournal(journal, QStringLiteral("SELECT MAX(open_time_ms) FROM bars")).toLongLong() > utcMs("2026-11-25T20:00:00Z"));
    const CliRun verify = runSentinel({QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), journal});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
}

void TestEngineSimulation::resumingAJournalThatRecordsNothingIsRefused()
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("empty.yaml"));
    writeFile(config, "watchlist:\n  - {symbol: \"AAPL\", market: XNYS, interval: 5min}\n");
    const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
    QVERIFY(sentinel::Journal::open(journal).ok()); // created, nothing recorded yet
    const CliRun resumed = runSentinel({QStringLiteral("run"), QStringLiteral("--config"), config, QStringLiteral("--simulate"),
                                        QStringLiteral("--resume"), QStringLiteral("--to"), QStringLiteral("2026-11-30T00:00:00Z"),
                                        QStringLiteral("--journal"), journal});
    QCOMPARE(resumed.exitCode, 2);
    QVERIFY2(resumed.err.contains("records nothing yet; start it with --from"), resumed.err.constData());
}

void TestEngineSimulation::aSimulationWaitingForTheRateLimitOrATelegramSlotStillEnds()
{
    // Regression (found by the soak, ADR 0106): a fetch held by the provider's rate limiter, or a
    // Telegram message held for its pacing slot, waits for the engine's clock; a simulation that
    // counted that wait as work in flight never moved the clock again and never ended.
    ManualClock unused(QDateTime::fromMSecsSinceEpoch(utcMs("2026-11-23T00:00:00Z"), Qt::UTC));
    FakeAlphaVantage alphaVantage(unused);
    alphaVantage.setNowFromRequestDate(true); // the child's simulated clock
    QVERIFY(alphaVantage.start());
    FakeHttpServer telegram;
    QVERIFY(telegram.start());
    const QString token = QStringLiteral("123456789:AAF-simulation-stall-regression-token");
    int sent = 0;
    telegram.route("/bot" + token.toLatin1() + "/sendMessage", [&sent](const RecordedRequest&) {
        ++sent;
        return CannedResponse::fromFile(dataPath(QStringLiteral("telegram/ok_sendmessage.json")));
    });
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("stall.yaml"));
    // Four crypto pairs on one price path cross together: their signals leave at one instant.
    writeFile(config, "provider: alpha_vantage\n"
                      "providers: {alpha_vantage: {api_key: \"stall-test-key\", base_url: \"" + alphaVantage.baseUrl().toEncoded()
                          + "\", requests_per_minute: 2, requests_per_day: 100000}}\n"
                      "watchlist:\n"
                      "  - {symbol: \"BTC/USD\", market: CRYPTO, interval: 5min}\n"
                      "  - {symbol: \"ETH/USD\", market: CRYPTO, interval: 5min}\n"
                      "  - {symbol: \"SOL/USD\", market: CRYPTO, interval: 5min}\n"
                      "  - {symbol: \"LTC/USD\", market: CRYPTO, interval: 5min}\n"
                      "telegram: {enabled: true, bot_token: \"${SENTINEL_TEST_TELEGRAM_TOKEN}\", chat_id: \"-1001234567890\", "
                      "api_base_url: \"" + telegram.baseUrl().toEncoded() + "\"}\n");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SENTINEL_TEST_TELEGRAM_TOKEN"), token);
    const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
    const CliRun run = runSentinel({QStringLiteral("run"), QStringLiteral("--config"), config, QStringLiteral("--simulate"),
                                    QStringLiteral("--from"), QStringLiteral("2026-11-23T00:00:00Z"), QStringLiteral("--to"),
                                    QStringLiteral("2026-11-24T00:00:00Z"), QStringLiteral("--auto-approve"),
                                    QStringLiteral("--journal"), journal},
                                   environment);
    QVERIFY2(run.exitCode == 0, run.err.right(2000).constData());
    qInfo("summary: %s", run.out.constData());
    QCOMPARE(run.json().value(QStringLiteral("simulation")).toObject().value(QStringLiteral("to")).toString(),
             QStringLiteral("2026-11-24T00:00:00.000Z"));
    // The limiter held requests (never more than two in a minute of engine time) ...
    const QList<qint64> asked = alphaVantage.requestTimes(Instrument{QStringLiteral("BTC/USD"), QStringLiteral("CRYPTO"), Interval::Min5})
        + alphaVantage.requestTimes(Instrument{QStringLiteral("ETH/USD"), QStringLiteral("CRYPTO"), Interval::Min5})
        + alphaVantage.requestTimes(Instrument{QStringLiteral("SOL/USD"), QStringLiteral("CRYPTO"), Interval::Min5})
        + alphaVantage.requestTimes(Instrument{QStringLiteral("LTC/USD"), QStringLiteral("CRYPTO"), Interval::Min5});
    QVERIFY(asked.size() > 200);
    for (const qint64 at : asked)
        QVERIFY(std::count_if(asked.cbegin(), asked.cend(), [at](qint64 other) { return other >= at && other < at + 60'000; }) <= 2);
    // ... and signals that left at one instant went out one Telegram slot apart.
    const int signalsQueued = queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM notify_outbox")).toInt();
    QVERIFY(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM notify_outbox o WHERE EXISTS (SELECT 1 FROM notify_outbox p "
                                                 "WHERE p.seq <> o.seq AND p.enqueued_at = o.enqueued_at)")).toInt() >= 2);
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM notify_outbox WHERE state = 'delivered'")).toInt(), signalsQueued);
    QCOMPARE(sent, signalsQueued);
}

void TestEngineSimulation::aKillRightAfterATradeLosesNeitherItsSignalNorItsExecution_data()
{
    QTest::addColumn<QString>("dieAt");
    QTest::newRow("killed when the execution is reported") << QStringLiteral("executed");
    QTest::newRow("killed when its signal is queued") << QStringLiteral("signal-queued");
}

void TestEngineSimulation::aKillRightAfterATradeLosesNeitherItsSignalNorItsExecution()
{
    // Regression (found by the 10-day soak, ADR 0106): the execution was journalled before its
    // signal was queued; a kill between the two left a trade the operator was never told about,
    // and no restart sent it. Killed at either point, a resumed run must journal the trade once
    // and deliver its signal once.
    QFETCH(QString, dieAt);
    QTemporaryDir dir;
    FakeHttpServer receiver;
    QVERIFY(receiver.start());
    QHash<QByteArray, int> deliveriesByKey;
    receiver.setFallback([&](const RecordedRequest& request) {
        deliveriesByKey[request.headers.value("idempotency-key")] += 1;
        return CannedResponse::json("{}");
    });
    const auto [config, environment] = writeTradingConfig(dir, receiver);
    const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));

    QProcess worker;
    worker.setProcessEnvironment(environment);
    worker.start(QStringLiteral(ENGINE_CRASH_WORKER_PATH),
                 {QStringLiteral("--config"), config, QStringLiteral("--journal"), journal, QStringLiteral("--from"),
                  QStringLiteral("2026-11-23T00:00:00Z"), QStringLiteral("--to"), QStringLiteral("2026-12-23T00:00:00Z"),
                  QStringLiteral("--die-at"), dieAt});
    QVERIFY(worker.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(worker.state() == QProcess::NotRunning, 120000);
    QCOMPARE(worker.exitStatus(), QProcess::CrashExit); // SIGKILL, not the end of the range
    QVERIFY(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM paper_orders")).toInt() >= 1);

    const CliRun resumed = runSentinel({QStringLiteral("run"), QStringLiteral("--config"), config, QStringLiteral("--simulate"),
                                        QStringLiteral("--resume"), QStringLiteral("--to"), QStringLiteral("2026-11-23T12:00:00Z"),
                                        QStringLiteral("--auto-approve"), QStringLiteral("--journal"), journal},
                                       environment);
    QVERIFY2(resumed.exitCode == 0, resumed.err.right(2000).constData());
    const CliRun verify = runSentinel({QStringLiteral("journal"), QStringLiteral("verify"), QStringLiteral("--journal"), journal});
    QVERIFY2(verify.exitCode == 0, verify.out.constData());
    // Every fill is journalled once, every execution has its signal, every signal arrived once.
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM paper_orders o WHERE NOT EXISTS "
                                                  "(SELECT 1 FROM executions e WHERE e.client_order_id = o.client_order_id)")).toInt(), 0);
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM executions e WHERE NOT EXISTS "
                                                  "(SELECT 1 FROM notify_outbox o WHERE o.signal_id = e.proposal_id)")).toInt(), 0);
    const int signalsQueued = queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM notify_outbox")).toInt();
    QVERIFY(signalsQueued >= 1);
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM notify_outbox WHERE state = 'delivered'")).toInt(), signalsQueued);
    QCOMPARE(int(deliveriesByKey.size()), signalsQueued);
    for (auto it = deliveriesByKey.cbegin(); it != deliveriesByKey.cend(); ++it)
        QCOMPARE(it.value(), 1);
}

QTEST_GUILESS_MAIN(TestEngineSimulation)
#include "tst_engine_simulation.moc"
