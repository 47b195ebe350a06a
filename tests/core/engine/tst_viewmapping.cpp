// SPDX-License-Identifier: GPL-3.0-or-later
// The translations from the modules' types to the values the UI receives: every field carried,
// every enum value mapped to its namesake, and the few figures the UI reads differently from
// the module (a coalesced cache lookup is a hit, an unknown rate or latency shows as 0, a
// channel's state in one word).
#include "engine/ViewMapping.h"

#include <QTest>

using namespace sentinel;

Q_DECLARE_METATYPE(sentinel::ProposalState)
Q_DECLARE_METATYPE(sentinel::Side)

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

/// A proposal whose every field differs from its default (and from each other), so a field
/// left out or crossed with another shows.
TradeProposal richProposal()
{
    TradeProposal proposal;
    proposal.id = QStringLiteral("6f1c2a0e-1d4b-4c7e-9a55-3b2f8e7d9c10");
    proposal.instrument = Instrument{QStringLiteral("MSFT"), QStringLiteral("XNAS"), Interval::Min15};
    proposal.side = Side::Sell;
    proposal.isExit = true;
    proposal.quantity = 12.5;
    proposal.price = 411.37;
    proposal.strategyReason = QStringLiteral("rsi 74 above 70");
    proposal.verdict.approved = true;
    proposal.verdict.reasons = {QStringLiteral("var 1.2% <= 2%"), QStringLiteral("position 8% <= 10%")};
    proposal.varBefore = 0.012;
    proposal.varAfter = 0.0087;
    proposal.freshness = QStringLiteral("fresh (lag 1 min)");
    proposal.createdAt = utc("2026-11-24T15:05:00Z");
    proposal.expiresAt = utc("2026-11-24T15:10:00Z");
    proposal.clientOrderId = TradeProposal::clientOrderIdFor(proposal.id);
    proposal.state = ProposalState::Rejected;
    proposal.resolution = QStringLiteral("operator: spread too wide");
    proposal.resolvedAt = utc("2026-11-24T15:07:30Z");
    return proposal;
}

ChannelStats channel(const char* name)
{
    ChannelStats stats;
    stats.name = QString::fromLatin1(name);
    return stats;
}

} // namespace

class TestViewMapping final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void proposalViewCarriesEveryField();
    void proposalSide_data();
    void proposalSide();
    void proposalState_data();
    void proposalState();
    void alertViewCarriesEveryField();
    void alertSeverity_data();
    void alertSeverity();
    void cacheSnapshot_data();
    void cacheSnapshot();
    void deliverySnapshotCarriesEveryFigure();
    void channelState_data();
    void channelState();
    void unknownRatesAndLatenciesShowAsZero_data();
    void unknownRatesAndLatenciesShowAsZero();
};

void TestViewMapping::proposalViewCarriesEveryField()
{
    const TradeProposal proposal = richProposal();
    const ProposalView view = toView(proposal);
    QCOMPARE(view.id, proposal.id);
    QCOMPARE(view.instrument, proposal.instrument);
    QCOMPARE(view.side, Side::Sell);
    QCOMPARE(view.isExit, true);
    QCOMPARE(view.quantity, 12.5);
    QCOMPARE(view.price, 411.37);
    QCOMPARE(view.strategyReason, proposal.strategyReason);
    QCOMPARE(view.riskApproved, true);
    QCOMPARE(view.riskReasons, proposal.verdict.reasons);
    QCOMPARE(view.varBefore, 0.012);
    QCOMPARE(view.varAfter, 0.0087);
    QCOMPARE(view.freshness, proposal.freshness);
    QCOMPARE(view.createdAt, proposal.createdAt);
    QCOMPARE(view.expiresAt, proposal.expiresAt);
    QCOMPARE(view.state, ProposalView::State::Rejected);
    QCOMPARE(view.resolution, proposal.resolution);

    // And the defaults map to the defaults: a refused risk verdict stays refused.
    const ProposalView plain = toView(TradeProposal{});
    QCOMPARE(plain.riskApproved, false);
    QCOMPARE(plain.isExit, false);
    QVERIFY(plain.riskReasons.isEmpty());
    QCOMPARE(plain.state, ProposalView::State::Pending);
}

void TestViewMapping::proposalSide_data()
{
    QTest::addColumn<Side>("side");
    QTest::addColumn<Side>("shown");
    QTest::newRow("a buy shows as buy") << Side::Buy << Side::Buy;
    QTest::newRow("a sell shows as sell") << Side::Sell << Side::Sell;
}

void TestViewMapping::proposalSide()
{
    QFETCH(Side, side);
    QFETCH(Side, shown);
    TradeProposal proposal = richProposal();
    proposal.side = side;
    QCOMPARE(toView(proposal).side, shown);
}

void TestViewMapping::proposalState_data()
{
    QTest::addColumn<ProposalState>("state");
    QTest::addColumn<ProposalView::State>("shown");
    QTest::newRow("a pending proposal shows as pending") << ProposalState::Pending << ProposalView::State::Pending;
    QTest::newRow("an approved proposal shows as approved") << ProposalState::Approved << ProposalView::State::Approved;
    QTest::newRow("an executed proposal shows as executed") << ProposalState::Executed << ProposalView::State::Executed;
    QTest::newRow("a rejected proposal shows as rejected") << ProposalState::Rejected << ProposalView::State::Rejected;
    QTest::newRow("an expired proposal shows as expired") << ProposalState::Expired << ProposalView::State::Expired;
    QTest::newRow("a refused proposal shows as refused") << ProposalState::Refused << ProposalView::State::Refused;
}

void TestViewMapping::proposalState()
{
    QFETCH(ProposalState, state);
    QFETCH(ProposalView::State, shown);
    TradeProposal proposal = richProposal();
    proposal.state = state;
    const ProposalView view = toView(proposal);
    QCOMPARE(view.state, shown);
    // The state changes nothing else.
    QCOMPARE(view.id, proposal.id);
    QCOMPARE(view.resolution, proposal.resolution);
}

void TestViewMapping::alertViewCarriesEveryField()
{
    Alert alert;
    alert.id = QStringLiteral("0b8e4f5c-2a1d-4e6b-8c3f-7d9a1b2c3d4e");
    alert.severity = Alert::Severity::Critical;
    alert.kind = QStringLiteral("stale_data");
    alert.instrumentKey = QStringLiteral("XNYS:AAPL:5min");
    alert.message = QStringLiteral("no bar since 10:35 ET while XNYS is open");
    alert.at = utc("2026-11-24T15:50:00Z");
    alert.acknowledged = true;
    alert.acknowledgedAt = utc("2026-11-24T15:52:00Z");

    const AlertView view = toView(alert);
    QCOMPARE(view.id, alert.id);
    QCOMPARE(view.severity, AlertView::Severity::Critical);
    QCOMPARE(view.kind, alert.kind);
    QCOMPARE(view.instrumentKey, alert.instrumentKey);
    QCOMPARE(view.message, alert.message);
    QCOMPARE(view.at, alert.at);
    QCOMPARE(view.acknowledged, true);

    alert.acknowledged = false;
    alert.instrumentKey.clear();
    const AlertView open = toView(alert);
    QCOMPARE(open.acknowledged, false);
    QVERIFY(open.instrumentKey.isEmpty());
}

void TestViewMapping::alertSeverity_data()
{
    QTest::addColumn<Alert::Severity>("severity");
    QTest::addColumn<AlertView::Severity>("shown");
    QTest::newRow("an info alert shows as info") << Alert::Severity::Info << AlertView::Severity::Info;
    QTest::newRow("a warning shows as a warning") << Alert::Severity::Warning << AlertView::Severity::Warning;
    QTest::newRow("a critical alert shows as critical") << Alert::Severity::Critical << AlertView::Severity::Critical;
}

void TestViewMapping::alertSeverity()
{
    QFETCH(Alert::Severity, severity);
    QFETCH(AlertView::Severity, shown);
    Alert alert = Alert::create(severity, QStringLiteral("quota"), {}, QStringLiteral("25 of 25 used"),
                                utc("2026-11-24T15:00:00Z"));
    QCOMPARE(toView(alert).severity, shown);
}

void TestViewMapping::cacheSnapshot_data()
{
    QTest::addColumn<CacheStats>("stats");
    QTest::addColumn<qint64>("hits");
    QTest::addColumn<qint64>("misses");
    QTest::addColumn<QString>("backend");

    CacheStats plain;
    plain.name = QStringLiteral("bars");
    plain.hits = 90;
    plain.misses = 10;
    plain.loads = 10;
    plain.expirations = 4;
    plain.evictions = 2;
    plain.entries = 37;
    plain.capacity = 500;
    QTest::newRow("a memory cache's counters are carried as they are")
        << plain << qint64(90) << qint64(10) << QStringLiteral("memory");

    CacheStats coalescing = plain;
    coalescing.coalesced = 15;
    QTest::newRow("lookups that joined a fetch in flight count as hits")
        << coalescing << qint64(105) << qint64(10) << QStringLiteral("memory");

    CacheStats shared = plain;
    shared.backend = QStringLiteral("redis");
    shared.sharedHits = 6;
    QTest::newRow("a redis cache names its backend") << shared << qint64(90) << qint64(10) << QStringLiteral("redis");

    CacheStats degraded = shared;
    degraded.degraded = true;
    QTest::newRow("a redis cache that lost its server says it serves from memory")
        << degraded << qint64(90) << qint64(10) << QStringLiteral("redis (degraded: memory)");

    CacheStats disabled;
    disabled.name = QStringLiteral("quote");
    disabled.backend = QStringLiteral("none");
    disabled.enabled = false;
    disabled.misses = 12;
    disabled.bypassed = 12;
    disabled.loads = 12;
    QTest::newRow("a disabled cache's bypassed lookups are misses, counted once")
        << disabled << qint64(0) << qint64(12) << QStringLiteral("none");

    QTest::newRow("an unused cache shows zeros") << CacheStats{} << qint64(0) << qint64(0) << QStringLiteral("memory");
}

void TestViewMapping::cacheSnapshot()
{
    QFETCH(CacheStats, stats);
    QFETCH(qint64, hits);
    QFETCH(qint64, misses);
    QFETCH(QString, backend);

    const CacheSnapshot view = toView(stats);
    QCOMPARE(view.name, stats.name);
    QCOMPARE(view.hits, hits);
    QCOMPARE(view.misses, misses);
    QCOMPARE(view.expirations, qint64(stats.expirations));
    QCOMPARE(view.evictions, qint64(stats.evictions));
    QCOMPARE(view.entries, stats.entries);
    QCOMPARE(view.enabled, stats.enabled);
    QCOMPARE(view.backend, backend);
    // The window and the run summary must quote the same hit rate.
    QCOMPARE(view.hitRate(), stats.hitRate());
}

void TestViewMapping::deliverySnapshotCarriesEveryFigure()
{
    DeliveryStats stats;
    stats.at = utc("2026-11-24T15:30:00Z");
    stats.queued = 4;
    stats.delivered = 17;
    stats.failed = 1;
    ChannelStats telegram = channel("telegram");
    telegram.delivered = 15;
    telegram.failed = 5;
    telegram.retrying = 0;
    telegram.queueDepth = 4;
    telegram.lastError = QStringLiteral("HTTP 502 from api.telegram.org");
    telegram.lastRemedy = QStringLiteral("retrying; check Telegram's status page");
    telegram.latencyP50Ms = 420;
    telegram.latencyP95Ms = 1800;
    ChannelStats webhook = channel("webhook");
    webhook.delivered = 2;
    webhook.retrying = 3;
    stats.channels = {telegram, webhook};

    const DeliverySnapshot view = toView(stats, false);
    QCOMPARE(view.at, stats.at);
    QCOMPARE(view.outboxDepth, 4);
    QCOMPARE(view.offline, false);
    QCOMPARE(view.channels.size(), 2);

    const ChannelSnapshot& first = view.channels.at(0); // in the order they are tried
    QCOMPARE(first.channel, QStringLiteral("telegram"));
    QCOMPARE(first.state, ChannelState::Ok);
    QCOMPARE(first.delivered, qint64(15));
    QCOMPARE(first.failed, qint64(5));
    QCOMPARE(first.retrying, qint64(0));
    QCOMPARE(first.successRate, 0.75);
    QCOMPARE(first.lastError, telegram.lastError);
    QCOMPARE(first.lastRemedy, telegram.lastRemedy);
    QCOMPARE(first.p50Ms, qint64(420));
    QCOMPARE(first.p95Ms, qint64(1800));

    const ChannelSnapshot& second = view.channels.at(1);
    QCOMPARE(second.channel, QStringLiteral("webhook"));
    QCOMPARE(second.state, ChannelState::Retrying);
    QCOMPARE(second.retrying, qint64(3));
    QCOMPARE(second.successRate, 1.0);

    QVERIFY(toView(stats, true).offline);
    QVERIFY(toView(DeliveryStats{}, false).channels.isEmpty());
}

void TestViewMapping::channelState_data()
{
    QTest::addColumn<bool>("offline");
    QTest::addColumn<bool>("available");
    QTest::addColumn<int>("retrying");
    QTest::addColumn<QDateTime>("retryAt");
    QTest::addColumn<ChannelState>("state");

    const QDateTime backoff = utc("2026-11-24T15:31:00Z");
    QTest::newRow("a healthy channel is ok") << false << true << 0 << QDateTime() << ChannelState::Ok;
    QTest::newRow("a channel with signals to retry is retrying")
        << false << true << 2 << QDateTime() << ChannelState::Retrying;
    QTest::newRow("a channel backing off until a set time is retrying")
        << false << true << 0 << backoff << ChannelState::Retrying;
    QTest::newRow("a channel with a configuration error is failing")
        << false << false << 0 << QDateTime() << ChannelState::Failing;
    QTest::newRow("a failing channel is failing even while signals wait for it")
        << false << false << 3 << backoff << ChannelState::Failing;
    QTest::newRow("every channel of an offline run is offline")
        << true << true << 0 << QDateTime() << ChannelState::Offline;
    QTest::newRow("offline says more than failing or retrying")
        << true << false << 3 << backoff << ChannelState::Offline;
}

void TestViewMapping::channelState()
{
    QFETCH(bool, offline);
    QFETCH(bool, available);
    QFETCH(int, retrying);
    QFETCH(QDateTime, retryAt);
    QFETCH(ChannelState, state);

    ChannelStats webhook = channel("webhook");
    webhook.available = available;
    webhook.retrying = retrying;
    webhook.retryAt = retryAt;
    DeliveryStats stats;
    stats.channels = {channel("telegram"), webhook};
    const DeliverySnapshot view = toView(stats, offline);
    QCOMPARE(view.channels.size(), 2);
    QCOMPARE(view.channels.at(1).state, state);
    // One channel's trouble is not another's.
    QCOMPARE(view.channels.at(0).state, offline ? ChannelState::Offline : ChannelState::Ok);
}

void TestViewMapping::unknownRatesAndLatenciesShowAsZero_data()
{
    QTest::addColumn<int>("delivered");
    QTest::addColumn<int>("failed");
    QTest::addColumn<qint64>("p50");
    QTest::addColumn<qint64>("p95");
    QTest::addColumn<double>("successRate");
    QTest::addColumn<qint64>("shownP50");
    QTest::addColumn<qint64>("shownP95");

    QTest::newRow("a channel that has tried nothing shows no rate and no latency")
        << 0 << 0 << qint64(-1) << qint64(-1) << 0.0 << qint64(0) << qint64(0);
    QTest::newRow("a channel that only failed shows a zero rate and no latency")
        << 0 << 4 << qint64(-1) << qint64(-1) << 0.0 << qint64(0) << qint64(0);
    QTest::newRow("a channel that delivered shows its rate and latencies")
        << 3 << 1 << qint64(250) << qint64(900) << 0.75 << qint64(250) << qint64(900);
    QTest::newRow("a latency of zero milliseconds is a measurement, kept as zero")
        << 1 << 0 << qint64(0) << qint64(0) << 1.0 << qint64(0) << qint64(0);
}

void TestViewMapping::unknownRatesAndLatenciesShowAsZero()
{
    QFETCH(int, delivered);
    QFETCH(int, failed);
    QFETCH(qint64, p50);
    QFETCH(qint64, p95);
    QFETCH(double, successRate);
    QFETCH(qint64, shownP50);
    QFETCH(qint64, shownP95);

    ChannelStats stats = channel("telegram");
    stats.delivered = delivered;
    stats.failed = failed;
    stats.latencyP50Ms = p50;
    stats.latencyP95Ms = p95;
    DeliveryStats delivery;
    delivery.channels = {stats};
    const ChannelSnapshot view = toView(delivery, false).channels.at(0);
    QCOMPARE(view.successRate, successRate);
    QCOMPARE(view.p50Ms, shownP50);
    QCOMPARE(view.p95Ms, shownP95);
    QCOMPARE(view.delivered, qint64(delivered));
    QCOMPARE(view.failed, qint64(failed));
}

QTEST_GUILESS_MAIN(TestViewMapping)
#include "tst_viewmapping.moc"
