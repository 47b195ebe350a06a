// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/SentinelMetrics.h"

#include "telemetry/MetricsRegistry.h"

namespace sentinel {

void describeSentinelMetrics(MetricsRegistry& registry)
{
    using Type = MetricsRegistry::Type;
    struct Description {
        const QString& name;
        Type type;
        const char* help;
    };
    const Description descriptions[] = {
        {metric::buildInfo, Type::Gauge, "Always 1; the version label names the running build."},
        {metric::cycles, Type::Counter, "Engine decision cycles completed."},
        {metric::lastCycle, Type::Gauge, "Unix time at which the last engine cycle ended."},
        {metric::apiCalls, Type::Counter, "Requests sent to a market data provider, by endpoint."},
        {metric::apiCallsWhileClosed, Type::Counter, "Provider requests made while the instrument's market was closed (should stay 0)."},
        {metric::streamMessages, Type::Counter, "Lines a broker's price stream delivered (prices and heartbeats)."},
        {metric::streamDrops, Type::Counter, "Price-stream connections lost: closed, failed or silent for 10 s."},
        {metric::streamUp, Type::Gauge, "1 while the feed's price stream is live, 0 while it is down."},
        {metric::rateWindowUsed, Type::Gauge, "Requests sent to the feed within its rate window that ends now."},
        {metric::rateWindowLimit, Type::Gauge, "Requests the feed's rate limit allows per window."},
        {metric::rateWindowSeconds, Type::Gauge, "The length of the feed's rate window."},
        {metric::apiErrors, Type::Counter, "Provider requests that failed, by error kind."},
        {metric::quotaRemaining, Type::Gauge, "Provider requests left in the current quota day."},
        {metric::quotaLimit, Type::Gauge, "Provider requests allowed per quota day."},
        {metric::cacheHits, Type::Counter, "Cache lookups answered from the cache."},
        {metric::cacheMisses, Type::Counter, "Cache lookups that had to fetch."},
        {metric::cacheEvictions, Type::Counter, "Cache entries evicted before expiry."},
        {metric::staleBlocks, Type::Counter, "Signals not computed because the instrument's data was stale."},
        {metric::instrumentsStale, Type::Gauge, "Watched instruments whose data is stale now."},
        {metric::instrumentsDegraded, Type::Gauge, "Watched instruments whose price stream is down (bars from candles meanwhile)."},
        {metric::instrumentLag, Type::Gauge, "Lag behind the newest bar the market could have closed, in market-time seconds."},
        {metric::proposals, Type::Counter, "Trade proposals presented for approval."},
        {metric::decisions, Type::Counter, "Proposals decided (decision: approved, rejected, expired)."},
        {metric::executions, Type::Counter, "Orders executed."},
        {metric::riskRejections, Type::Counter, "Trades the risk gate rejected, by failing check."},
        {metric::deliveries, Type::Counter, "Signal delivery attempts' final outcomes (outcome: delivered, failed)."},
        {metric::outboxPending, Type::Gauge, "Signals waiting in the outbox for delivery."},
        {metric::channelUp, Type::Gauge, "1 while the channel's last delivery succeeded, 0 while it is failing."},
        {metric::alerts, Type::Counter, "Alerts raised, by kind."},
        {metric::portfolioVar, Type::Gauge, "Portfolio value at risk as a fraction of equity, at the configured confidence."},
        {metric::equity, Type::Gauge, "Account equity in the account currency."},
        {metric::portfolioApiCalls, Type::Counter, "Reads of the account (balance, positions) sent to the trading platform."},
        {metric::varMethod, Type::Gauge, "1 for the VaR method in use (historical, bootstrap, parametric), 0 for the others."},
        {metric::zeroBalanceEvents, Type::Counter, "Entries not sized because the account balance was zero or negative."},
        {metric::deliverySuccess, Type::Gauge, "Delivered / (delivered + failed) per channel over the last 15 minutes; NaN with no attempt."},
        {metric::advisorRequests, Type::Counter, "Advice requests sent to an advisor model server."},
        {metric::advisorFailures, Type::Counter, "Advice requests that gave no valid advice, by error kind."},
        {metric::advisorConnectionReuse, Type::Gauge, "Share of a model server's requests (advice and health) that reused a kept-alive connection."},
        {metric::advisorBreaker, Type::Gauge, "A model server's circuit breaker: 0 closed, 1 half-open, 2 open."},
        {metric::advisorAvailable, Type::Gauge, "1 while a model server passes its health checks with the model and a closed breaker."},
    };
    for (const Description& description : descriptions) {
        // The names above are valid and unique; a failure here is a programming error the test
        // of this function catches.
        (void)registry.describe(description.name, description.type, QString::fromUtf8(description.help));
    }
    (void)registry.describeHistogram(metric::cycleSeconds,
                                     QStringLiteral("Engine decision cycle compute time in seconds (journal and platform I/O excluded)."),
                                     metric::cycleSecondsBuckets);
    (void)registry.describeHistogram(metric::advisorLatency,
                                     QStringLiteral("Advice request time of a model server in seconds, from sending to the whole answer."),
                                     metric::advisorLatencyBuckets);
    for (const QString& unlabelled : {metric::cycles, metric::proposals, metric::executions, metric::zeroBalanceEvents,
                                      metric::cycleSeconds})
        registry.declare(unlabelled);
    registry.set(metric::buildInfo, 1, {{QStringLiteral("version"), QStringLiteral(SENTINEL_VERSION)}});
}

} // namespace sentinel
