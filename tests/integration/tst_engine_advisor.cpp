// SPDX-License-Identifier: GPL-3.0-or-later
// The real engine with strategy llm_advisor over simulated time (ManualClock + SimulationDriver),
// replaying recorded-format bars, asking two Ollama stand-ins on 127.0.0.1 (issue 15): proposals
// carry the advisor's reason and votes into the journal; a model that says buy on stale data
// produces no proposal (the freshness gate still rules); with every model down the rule fallback
// decides and advisor_unavailable is raised once, not once per bar.
#include "FakeOllama.h"
#include "JournalQuery.h"
#include "common/ManualClock.h"
#include "config/ConfigLoader.h"
#include "engine/Engine.h"
#include "engine/SimulationDriver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <spdlog/spdlog.h>

#include <cmath>

using namespace sentinel;
using namespace sentinel::test;

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

const QDateTime kStart = utc("2026-11-24T12:00:00Z");

/// BTC/USD 5-minute bars from two days before kStart up to `lastOpen`: a sine of 40 bars' period,
/// so the averages cross every 20 bars and the sma_cross fallback has something to say.
void writeReplay(const QString& directory, const QDateTime& lastOpen)
{
    QByteArray csv = "open_time_utc,open,high,low,close,volume\n";
    int i = 0;
    double previous = 65000;
    for (QDateTime open = kStart.addDays(-2); open <= lastOpen; open = open.addSecs(300), ++i) {
        const double close = 65000 + 800 * std::sin(2 * M_PI * i / 40.0);
        csv += open.toString(Qt::ISODate).toUtf8() + ',' + QByteArray::number(previous, 'f', 2) + ','
            + QByteArray::number(std::max(previous, close) + 5, 'f', 2) + ','
            + QByteArray::number(std::min(previous, close) - 5, 'f', 2) + ',' + QByteArray::number(close, 'f', 2) + ",3\n";
        previous = close;
    }
    QFile file(directory + QStringLiteral("/BTC_USD_5min.csv"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
}

Config advisedConfig(const QString& replay, const QList<FakeOllama*>& servers)
{
    QByteArray yaml = "provider: replay\n"
                      "providers: {replay: {directory: \"" + replay.toUtf8() + "\"}}\n"
                      "watchlist:\n  - {symbol: \"BTC/USD\", market: CRYPTO, interval: 5min}\n"
                      "strategy: {name: llm_advisor}\n"
                      "advisor:\n  fallback: sma_cross\n  providers:\n";
    for (const FakeOllama* server : servers)
        yaml += "    - {kind: ollama, base_url: \"" + server->server.baseUrl().toEncoded() + "\", model: llama3.2}\n";
    const ConfigLoadResult loaded = ConfigLoader().loadText(yaml);
    if (!loaded.ok())
        qFatal("test config refused: %s", qPrintable(loaded.issues.value(0).toString()));
    return loaded.config;
}

/// Answers buy, then sell, then buy...: each decision asks each model once.
void alternate(FakeOllama& server)
{
    auto count = std::make_shared<int>(0);
    server.server.route("/api/chat", [count](const RecordedRequest&) {
        const bool buy = (*count)++ % 2 == 0;
        return CannedResponse::json(ollamaChatAnswer(
            buy ? R"({"action":"buy","confidence":0.8,"horizon":"1h","stop":null,"reason":"Turning up from the range low."})"
                : R"({"action":"sell","confidence":0.7,"horizon":"1h","stop":null,"reason":"Stalling at the range high."})"));
    });
}

bool simulate(ManualClock& clock, Engine& engine, const QDateTime& end)
{
    SimulationDriver driver(clock, end, [&engine] { return engine.busy(); });
    QSignalSpy finished(&driver, &SimulationDriver::finished);
    QSignalSpy failed(&engine, &Engine::startFailed);
    QObject::connect(&engine, &Engine::idle, &driver, &SimulationDriver::notifyIdle);
    engine.start();
    driver.start();
    const bool done = finished.wait(240'000);
    engine.stop();
    return done && failed.isEmpty();
}

EngineOptions options(const QTemporaryDir& dir)
{
    EngineOptions options;
    options.offline = true;
    options.autoApprove = true; // proposals execute, so buy and sell alternate with the position
    options.journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
    return options;
}

/// The advice of every proposal the strategy made. A protective stop's exit (ADR 0140) is the
/// risk control's, not a strategy's, so it carries none; the tests check it is the only kind.
QList<QJsonObject> adviceRecords(const QString& journal)
{
    const int count = queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM proposals WHERE advice_json IS NOT NULL")).toInt();
    QList<QJsonObject> records;
    for (int i = 0; i < count; ++i) {
        const QVariant text = queryJournal(
            journal, QStringLiteral("SELECT advice_json FROM proposals WHERE advice_json IS NOT NULL "
                                    "ORDER BY created_at_ms LIMIT 1 OFFSET ?"), {i});
        records << QJsonDocument::fromJson(text.toString().toUtf8()).object();
    }
    return records;
}

/// Proposals without advice that a protective stop did not make: none may exist.
int unadvisedStrategyProposals(const QString& journal)
{
    return queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM proposals WHERE advice_json IS NULL "
                                                "AND strategy_reason NOT LIKE 'protective stop %'")).toInt();
}

} // namespace

class TestEngineAdvisor final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { spdlog::set_level(spdlog::level::err); }
    void init();
    void proposalsCarryTheAdvisorsReasonAndEveryVote();
    void buyAdviceOnStaleDataIsNoProposal();
    void withEveryModelDownTheFallbackDecidesAndOneAlertIsRaised();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_replay;
};

void TestEngineAdvisor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_replay = m_dir->filePath(QStringLiteral("replay"));
    QVERIFY(QDir().mkpath(m_replay));
}

void TestEngineAdvisor::proposalsCarryTheAdvisorsReasonAndEveryVote()
{
    writeReplay(m_replay, kStart.addSecs(3 * 3600));
    FakeOllama a;
    FakeOllama b;
    QVERIFY(a.server.start() && b.server.start());
    alternate(a);
    alternate(b);
    ManualClock clock(kStart);
    Engine engine(advisedConfig(m_replay, {&a, &b}), &clock, options(*m_dir));
    QVERIFY(simulate(clock, engine, kStart.addSecs(2 * 3600)));

    const QString journal = options(*m_dir).journalPath;
    const QList<QJsonObject> records = adviceRecords(journal);
    qInfo("%lld proposals from %d model requests", records.size(), a.server.requestCount("/api/chat"));
    QVERIFY(records.size() >= 10); // two hours of 5-minute bars, every one a buy or a sell
    QCOMPARE(unadvisedStrategyProposals(journal), 0);
    for (const QJsonObject& record : records) {
        QVERIFY(!record.value(u"fallback_decided").toBool());
        QVERIFY(!record.value(u"reason").toString().isEmpty());
        QCOMPARE(record.value(u"prompt_sha256").toString().size(), 64);
        const QJsonArray votes = record.value(u"votes").toArray();
        QCOMPARE(votes.size(), 2);
        for (const QJsonValue vote : votes) {
            QCOMPARE(vote.toObject().value(u"action").toString(), record.value(u"action").toString());
            QCOMPARE(vote.toObject().value(u"model").toString(), QStringLiteral("llama3.2:latest"));
        }
    }
    QVERIFY(queryJournal(journal, QStringLiteral("SELECT strategy_reason FROM proposals LIMIT 1"))
                .toString()
                .startsWith(u"Advisor (2 of 2 voters): "));
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM alerts WHERE kind = 'advisor_unavailable'")).toInt(), 0);
    // Each server's connection kept alive across its checks and decisions: a health check that
    // overlaps a decision may open a second one, never one per request.
    for (const FakeOllama* server : {&a, &b}) {
        const double reused = 1.0 - double(server->server.connectionCount()) / double(server->server.requestCount());
        QVERIFY2(reused > 0.9, qPrintable(QStringLiteral("%1 connections for %2 requests")
                                              .arg(server->server.connectionCount())
                                              .arg(server->server.requestCount())));
    }
}

void TestEngineAdvisor::buyAdviceOnStaleDataIsNoProposal()
{
    // The feed's newest bar is three hours old when the engine starts, and no newer one comes.
    writeReplay(m_replay, kStart.addSecs(-3 * 3600));
    FakeOllama a;
    QVERIFY(a.server.start());
    a.advise(R"({"action":"buy","confidence":0.95,"horizon":"1d","stop":null,"reason":"Buy now."})");
    ManualClock clock(kStart);
    Engine engine(advisedConfig(m_replay, {&a}), &clock, options(*m_dir));
    QVERIFY(simulate(clock, engine, kStart.addSecs(3600)));

    QVERIFY(a.server.requestCount("/api/chat") >= 1); // the model was asked and said buy
    QVERIFY(engine.statistics().staleBlocks >= 1);     // the gate refused the entry
    QCOMPARE(queryJournal(options(*m_dir).journalPath, QStringLiteral("SELECT COUNT(*) FROM proposals")).toInt(), 0);
}

void TestEngineAdvisor::withEveryModelDownTheFallbackDecidesAndOneAlertIsRaised()
{
    writeReplay(m_replay, kStart.addSecs(9 * 3600));
    FakeOllama a;
    FakeOllama b;
    QVERIFY(a.server.start() && b.server.start());
    a.down = true;
    b.down = true;
    ManualClock clock(kStart);
    Engine engine(advisedConfig(m_replay, {&a, &b}), &clock, options(*m_dir));
    // Eight hours: each entry is closed by its protective stop before the sine's next cross (ADR
    // 0140), so the strategy needs more than one period for a second proposal.
    QVERIFY(simulate(clock, engine, kStart.addSecs(8 * 3600)));

    const QString journal = options(*m_dir).journalPath;
    const QList<QJsonObject> records = adviceRecords(journal);
    qInfo("%lld fallback proposals in 96 bars", records.size());
    QVERIFY(records.size() >= 2); // sma_cross crosses every 20 bars of the sine
    for (const QJsonObject& record : records)
        QVERIFY(record.value(u"fallback_decided").toBool());
    QCOMPARE(unadvisedStrategyProposals(journal), 0);
    QCOMPARE(queryJournal(journal, QStringLiteral("SELECT COUNT(*) FROM alerts WHERE kind = 'advisor_unavailable'")).toInt(), 1);
    QCOMPARE(a.server.requestCount("/api/chat") + b.server.requestCount("/api/chat"), 0);
}

QTEST_GUILESS_MAIN(TestEngineAdvisor)
#include "tst_engine_advisor.moc"
