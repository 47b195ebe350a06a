// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15's pool promise over 1,000 decisions of the llm_advisor strategy against two Ollama
// stand-ins on 127.0.0.1: each server's one kept-alive connection serves more than 95 % of its
// requests (accepted connections counted on the server side), and once the advisor is gone no
// connection, timer or (under the sanitizer build's leak check) allocation is left behind.
#include "advisor/ProviderPool.h"
#include "common/ManualClock.h"
#include "strategy/AdvisorEnsemble.h"
#include "strategy/LlmAdvisorStrategy.h"
#include "strategy/SmaCrossStrategy.h"

#include "BarSeries.h"
#include "FakeOllama.h"

#include <QTest>

#include <memory>

using namespace sentinel;
using namespace std::chrono_literals;
using sentinel::test::FakeOllama;

class TestAdvisorReuse final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void thousandDecisionsReuseOneConnectionPerServerAndLeaveNothingBehind();
};

void TestAdvisorReuse::thousandDecisionsReuseOneConnectionPerServerAndLeaveNothingBehind()
{
    constexpr int kDecisions = 1000;
    FakeOllama a;
    FakeOllama b;
    QVERIFY(a.server.start() && b.server.start());
    a.advise(R"({"action":"buy","confidence":0.7,"horizon":"1h","stop":null,"reason":"Up."})");
    b.advise(R"({"action":"buy","confidence":0.6,"horizon":"1h","stop":null,"reason":"Momentum."})");
    ManualClock clock(QDateTime::fromString(u"2026-03-02T14:00:00Z"_qs, Qt::ISODate));
    QList<double> closes(40, 100.0);
    const Bars bars = test::barsFromCloses(closes);
    int decided = 0;
    int advised = 0;
    {
        advisor::ProviderPool pool(clock, advisor::PoolSettings{});
        QList<EnsembleMember> members;
        for (FakeOllama* server : {&a, &b}) {
            advisor::ProviderSettings settings;
            settings.baseUrl = server->server.baseUrl();
            settings.model = u"llama3.2"_qs;
            members << EnsembleMember{pool.addProvider(settings).value(), 1};
        }
        AdvisorEnsemble ensemble(pool, clock, members, 2, 30s);
        LlmAdvisorStrategy strategy(ensemble, {}, std::make_unique<SmaCrossStrategy>(), LlmAdvisorSettings{});
        pool.start();
        QTRY_COMPARE(pool.availableProviders().size(), 2);
        for (int i = 0; i < kDecisions; ++i) {
            // One decision at a time, as one instrument's bars close one after another.
            bool answered = false;
            strategy.evaluateLater(Instrument{u"AAPL"_qs, u"XNAS"_qs, Interval::Min5}, bars, {},
                                   [&](const std::optional<Signal>& signal) {
                                       answered = true;
                                       advised += signal && signal->advice && !signal->advice->fallbackDecided ? 1 : 0;
                                   });
            QTRY_VERIFY(answered);
            ++decided;
            if (i % 100 == 99)
                clock.advanceBy(advisor::PoolSettings{}.checkPeriod()); // health checks go on between decisions
        }
        for (FakeOllama* server : {&a, &b}) {
            const int requests = server->server.requestCount();
            const int connections = server->server.connectionCount();
            const double reused = 1.0 - double(connections) / double(requests);
            qInfo("%s: %d requests on %d connections: %.2f %% reused", qPrintable(server->server.baseUrl().toString()),
                  requests, connections, 100.0 * reused);
            QVERIFY(requests > kDecisions);
            QVERIFY2(reused > 0.95, qPrintable(QString::number(reused)));
        }
        // The client counts the same from its side (the metric sentinel_advisor_connection_reuse_ratio).
        // (the last health check may still be on its way to the server).
        QTRY_COMPARE(qint64(a.server.requestCount()), pool.provider(0)->connectionUse().requests);
        QCOMPARE(pool.provider(0)->connectionUse().connectionsOpened, qint64(a.server.connectionCount()));
    }
    QCOMPARE(decided, kDecisions);
    QCOMPARE(advised, kDecisions); // every one decided by both models' vote, none by the fallback
    // Nothing left: the advisor's timers are gone from the clock, its connections closed.
    QCOMPARE(clock.pendingTimers(), 0);
    QTRY_COMPARE(a.server.openConnectionCount(), 0);
    QTRY_COMPARE(b.server.openConnectionCount(), 0);
}

QTEST_GUILESS_MAIN(TestAdvisorReuse)
#include "tst_advisorreuse.moc"
