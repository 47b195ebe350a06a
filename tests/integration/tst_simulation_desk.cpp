// SPDX-License-Identifier: GPL-3.0-or-later
// File ▸ Simulate…'s engine (ADR 0137): SimulationHost runs the same simulation as
// `sentinel run --simulate --auto-approve` in its own thread, on a scratch journal and the paper
// account, delivers nothing, and can be cancelled.
#include "CliRunner.h"
#include "FakeHttpServer.h"
#include "config/ConfigLoader.h"
#include "engine/SimulationHost.h"
#include "engine/SimulationRun.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace sentinel;
using namespace sentinel::test;

namespace {

const QDateTime from(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC);
const QDateTime to(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);

/// Two crypto pairs trading every minute with a webhook and a journal of their own: what an
/// operator's desk looks like, so a simulation that wrote or sent anywhere would show it.
QString writeDeskConfig(const QTemporaryDir& dir, const FakeHttpServer& receiver)
{
    const QString path = dir.filePath(QStringLiteral("desk.yaml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("watchlist:\n"
               "  - {symbol: \"BTC/USD\", market: CRYPTO, interval: 1min}\n"
               "  - {symbol: \"ETH/USD\", market: CRYPTO, interval: 1min}\n"
               "  - {symbol: \"EUR/USD\", market: FX, interval: 5min}\n"
               "journal: {path: \"" + dir.filePath(QStringLiteral("live.sqlite")).toUtf8() + "\"}\n"
               "webhook: {enabled: true, url: \"" + receiver.baseUrl().resolved(QUrl(QStringLiteral("/hook"))).toEncoded()
               + "\", secret: \"whsec-simulation-test\"}\n");
    return path;
}

SimulationRequest cryptoRequest()
{
    return {from, to, {QStringLiteral("CRYPTO:BTC/USD:1min"), QStringLiteral("CRYPTO:ETH/USD:1min")},
            QStringLiteral("sma_cross")};
}

SimulationOutcome lastOutcome(const QSignalSpy& spy)
{
    return spy.constLast().constFirst().value<SimulationOutcome>();
}

} // namespace

class TestSimulationDesk final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aDeskSimulationMatchesTheCliAndTouchesNeitherJournalNorChannels();
    void aRunningSimulationCanBeCancelledAndAnotherStarted();
    void aRequestWithProblemsIsRefusedWithTheReasons();
    void aSignalOnlyDeskStillSimulates();

private:
    FakeHttpServer m_receiver;
    QTemporaryDir m_dir;
    QString m_config;
};

void TestSimulationDesk::initTestCase()
{
    m_receiver.setFallback([](const RecordedRequest&) { return CannedResponse::json("{}"); });
    QVERIFY(m_receiver.start());
    m_config = writeDeskConfig(m_dir, m_receiver);
    QVERIFY(!m_config.isEmpty());
}

void TestSimulationDesk::aDeskSimulationMatchesTheCliAndTouchesNeitherJournalNorChannels()
{
    const ConfigLoadResult loaded = ConfigLoader().loadFile(m_config);
    QVERIFY2(loaded.ok(), qPrintable(loaded.issues.isEmpty() ? QString() : loaded.issues.first().toString()));
    SimulationHost host(loaded.config);
    QVERIFY(host.run()->thread() != QThread::currentThread());
    QCOMPARE(host.run()->thread()->objectName(), QStringLiteral("sentinel-simulation"));
    QSignalSpy progress(&host, &SimulationInterface::simulationProgressed);
    QSignalSpy finished(&host, &SimulationInterface::simulationFinished);
    host.startSimulation(cryptoRequest());
    QVERIFY(finished.wait(240000));
    const SimulationOutcome outcome = lastOutcome(finished);
    QVERIFY2(outcome.end == SimulationOutcome::End::Finished, qPrintable(outcome.error));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast().constFirst().value<SimulationProgress>().fraction, 1.0);

    const PerformanceView& view = outcome.performance;
    QCOMPARE(view.source, PerformanceView::Source::Simulation);
    QVERIFY2(view.report.total.closedTrades > 0, "a day and a half of minute bars closes no trade");
    QCOMPARE(view.equity.size(), view.report.closedTrades.size() + 1);
    QCOMPARE(view.report.byInstrument.keys(), QStringList({QStringLiteral("CRYPTO:BTC/USD:1min"), QStringLiteral("CRYPTO:ETH/USD:1min")}));
    QVERIFY2(view.description.contains(QStringLiteral("BTC/USD, ETH/USD")), qPrintable(view.description));
    QVERIFY2(view.description.startsWith(QStringLiteral("2026-11-23 – 2026-11-24 · sma_cross")), qPrintable(view.description));

    // Nothing of the desk was touched: no live journal, no webhook call.
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("live.sqlite"))));
    QCOMPARE(m_receiver.requestCount(), 0);

    // The same figures as the CLI's simulation of the same instruments and stretch.
    QTemporaryDir scratch;
    const QString cliConfig = scratch.filePath(QStringLiteral("cli.yaml"));
    QFile file(cliConfig);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("watchlist:\n"
               "  - {symbol: \"BTC/USD\", market: CRYPTO, interval: 1min}\n"
               "  - {symbol: \"ETH/USD\", market: CRYPTO, interval: 1min}\n");
    file.close();
    const CliRun cli = runSentinel({QStringLiteral("run"), QStringLiteral("--config"), cliConfig, QStringLiteral("--simulate"),
                                    QStringLiteral("--from"), from.toString(Qt::ISODate), QStringLiteral("--to"),
                                    to.toString(Qt::ISODate), QStringLiteral("--auto-approve"), QStringLiteral("--offline")});
    QVERIFY2(cli.exitCode == 0, cli.err.constData());
    QCOMPARE(view.report.toJson(), cli.json().value(QStringLiteral("performance")).toObject());
}

void TestSimulationDesk::aRunningSimulationCanBeCancelledAndAnotherStarted()
{
    const ConfigLoadResult loaded = ConfigLoader().loadFile(m_config);
    QVERIFY(loaded.ok());
    SimulationHost host(loaded.config);
    QSignalSpy progress(&host, &SimulationInterface::simulationProgressed);
    QSignalSpy finished(&host, &SimulationInterface::simulationFinished);
    SimulationRequest year = cryptoRequest();
    year.to = from.addDays(365);
    host.startSimulation(year);
    host.startSimulation(year); // the second is refused while the first runs
    QVERIFY(finished.wait(60000));
    QCOMPARE(lastOutcome(finished).end, SimulationOutcome::End::Failed);
    QVERIFY2(lastOutcome(finished).error.contains(QStringLiteral("already running")), qPrintable(lastOutcome(finished).error));
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.constLast().constFirst().value<SimulationProgress>().fraction > 0, 60000);

    host.cancelSimulation();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    QCOMPARE(lastOutcome(finished).end, SimulationOutcome::End::Cancelled);
    const double reached = progress.constLast().constFirst().value<SimulationProgress>().fraction;
    QVERIFY2(reached < 1.0, "the year ran to its end: cancel did nothing");

    // The host takes the next run once the cancelled one has let go.
    SimulationRequest hour = cryptoRequest();
    hour.to = from.addSecs(3600);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            host.startSimulation(hour);
            return finished.wait(60000) && lastOutcome(finished).end == SimulationOutcome::End::Finished;
        }(),
        60000);
}

void TestSimulationDesk::aRequestWithProblemsIsRefusedWithTheReasons()
{
    const ConfigLoadResult loaded = ConfigLoader().loadFile(m_config);
    QVERIFY(loaded.ok());
    SimulationHost host(loaded.config);
    QSignalSpy finished(&host, &SimulationInterface::simulationFinished);
    host.startSimulation({to, from, {QStringLiteral("XNYS:AAPL:5min")}, QStringLiteral("martingale")});
    QVERIFY(finished.wait(10000));
    const SimulationOutcome outcome = lastOutcome(finished);
    QCOMPARE(outcome.end, SimulationOutcome::End::Failed);
    QVERIFY2(outcome.error.contains(QStringLiteral("after its start")), qPrintable(outcome.error));
    QVERIFY2(outcome.error.contains(QStringLiteral("XNYS:AAPL:5min is not in the watchlist")), qPrintable(outcome.error));
    QVERIFY2(outcome.error.contains(QStringLiteral("no strategy named 'martingale'")), qPrintable(outcome.error));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("live.sqlite"))));

    // The model advisor is not simulated on the desk, nor a feed that would spend the live keys.
    SimulationRequest advised = cryptoRequest();
    advised.strategy = QStringLiteral("llm_advisor");
    host.startSimulation(advised);
    QVERIFY(finished.wait(10000));
    QVERIFY2(lastOutcome(finished).error.contains(QStringLiteral("model advisor is not simulated")),
             qPrintable(lastOutcome(finished).error));
    Config alphaVantage = loaded.config;
    alphaVantage.provider = ProviderKind::AlphaVantage;
    SimulationHost quota(alphaVantage);
    QSignalSpy refused(&quota, &SimulationInterface::simulationFinished);
    quota.startSimulation(cryptoRequest());
    QVERIFY(refused.wait(10000));
    QCOMPARE(lastOutcome(refused).end, SimulationOutcome::End::Failed);
    QVERIFY2(lastOutcome(refused).error.contains(QStringLiteral("quota")), qPrintable(lastOutcome(refused).error));
}

void TestSimulationDesk::aSignalOnlyDeskStillSimulates()
{
    // signal_only asks for Telegram, which a simulation turns off: the run approves its own.
    ConfigLoadResult loaded = ConfigLoader().loadFile(m_config);
    QVERIFY(loaded.ok());
    loaded.config.mode = TradingMode::SignalOnly;
    SimulationHost host(loaded.config);
    QSignalSpy finished(&host, &SimulationInterface::simulationFinished);
    SimulationRequest hour = cryptoRequest();
    hour.to = from.addSecs(3 * 3600);
    host.startSimulation(hour);
    QVERIFY(finished.wait(120000));
    QVERIFY2(lastOutcome(finished).end == SimulationOutcome::End::Finished, qPrintable(lastOutcome(finished).error));
}

QTEST_GUILESS_MAIN(TestSimulationDesk)
#include "tst_simulation_desk.moc"
