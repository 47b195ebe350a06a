// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace sentinel {

class MetricsRegistry;

/// The metric families Trade Sentinel exports (docs/metrics.md lists them with their labels;
/// the Grafana dashboard and alert rules in packaging/monitoring/ use these names). The engine
/// feeds them; names live here so the feeder, the docs test and the dashboards agree.
namespace metric {
inline const QString buildInfo = QStringLiteral("sentinel_build_info");                      // gauge {version}
inline const QString cycles = QStringLiteral("sentinel_engine_cycles_total");               // counter
inline const QString cycleSeconds = QStringLiteral("sentinel_engine_cycle_seconds");        // histogram
inline const QString lastCycle = QStringLiteral("sentinel_engine_last_cycle_timestamp_seconds"); // gauge
inline const QString apiCalls = QStringLiteral("sentinel_api_calls_total");                 // counter {provider,endpoint}
inline const QString apiCallsWhileClosed = QStringLiteral("sentinel_api_calls_while_closed_total"); // counter {provider}
inline const QString apiErrors = QStringLiteral("sentinel_api_errors_total");               // counter {provider,kind}
inline const QString streamMessages = QStringLiteral("sentinel_stream_messages_total");    // counter {provider}
inline const QString streamDrops = QStringLiteral("sentinel_stream_drops_total");          // counter {provider}
inline const QString streamUp = QStringLiteral("sentinel_stream_up");                      // gauge {provider}
inline const QString rateWindowUsed = QStringLiteral("sentinel_api_rate_window_used");     // gauge {provider}
inline const QString rateWindowLimit = QStringLiteral("sentinel_api_rate_window_limit");   // gauge {provider}
inline const QString rateWindowSeconds = QStringLiteral("sentinel_api_rate_window_seconds"); // gauge {provider}
inline const QString quotaRemaining = QStringLiteral("sentinel_api_quota_remaining");       // gauge {provider}
inline const QString quotaLimit = QStringLiteral("sentinel_api_quota_limit");               // gauge {provider}
inline const QString cacheHits = QStringLiteral("sentinel_cache_hits_total");               // counter {cache}
inline const QString cacheMisses = QStringLiteral("sentinel_cache_misses_total");           // counter {cache}
inline const QString cacheEvictions = QStringLiteral("sentinel_cache_evictions_total");     // counter {cache}
inline const QString staleBlocks = QStringLiteral("sentinel_stale_blocks_total");           // counter {market}
inline const QString instrumentsStale = QStringLiteral("sentinel_instruments_stale");       // gauge
inline const QString instrumentsDegraded = QStringLiteral("sentinel_instruments_degraded"); // gauge
inline const QString instrumentLag = QStringLiteral("sentinel_instrument_lag_seconds");     // gauge {instrument}
inline const QString proposals = QStringLiteral("sentinel_proposals_total");                // counter
inline const QString decisions = QStringLiteral("sentinel_proposal_decisions_total");       // counter {decision}
inline const QString executions = QStringLiteral("sentinel_executions_total");              // counter
inline const QString riskRejections = QStringLiteral("sentinel_risk_rejections_total");     // counter {check}
inline const QString deliveries = QStringLiteral("sentinel_signal_deliveries_total");       // counter {channel,outcome}
inline const QString outboxPending = QStringLiteral("sentinel_outbox_pending");             // gauge {channel}
inline const QString channelUp = QStringLiteral("sentinel_channel_up");                     // gauge {channel}
inline const QString alerts = QStringLiteral("sentinel_alerts_total");                      // counter {kind}
inline const QString portfolioVar = QStringLiteral("sentinel_portfolio_var_ratio");         // gauge
inline const QString equity = QStringLiteral("sentinel_portfolio_equity");                  // gauge {currency}
inline const QString portfolioApiCalls = QStringLiteral("sentinel_portfolio_api_calls_total"); // counter {platform}
inline const QString varMethod = QStringLiteral("sentinel_var_method_info");                // gauge {method}
inline const QString zeroBalanceEvents = QStringLiteral("sentinel_zero_balance_events_total"); // counter
inline const QString deliverySuccess = QStringLiteral("sentinel_signal_delivery_success_ratio"); // gauge {channel}

// The LLM advisor's model servers (issue 15), labelled {provider} ("ollama llama3.2:latest at http://127.0.0.1:11434").
inline const QString advisorRequests = QStringLiteral("sentinel_advisor_requests_total");            // counter {provider}
inline const QString advisorFailures = QStringLiteral("sentinel_advisor_failures_total");            // counter {provider,kind}
inline const QString advisorLatency = QStringLiteral("sentinel_advisor_latency_seconds");            // histogram {provider}
inline const QString advisorConnectionReuse = QStringLiteral("sentinel_advisor_connection_reuse_ratio"); // gauge {provider}
inline const QString advisorBreaker = QStringLiteral("sentinel_advisor_breaker_state");              // gauge {provider}
inline const QString advisorAvailable = QStringLiteral("sentinel_advisor_available");                // gauge {provider}
/// Model answers take seconds, not the cycle's milliseconds.
inline const std::vector<double> advisorLatencyBuckets{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60};

/// Upper bounds of sentinel_engine_cycle_seconds' buckets. Fixed, so every build's histograms
/// aggregate; the cycle budget is one of them, so histogram_quantile() is exact at the budget.
inline const std::vector<double> cycleSecondsBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
/// A cycle's own compute should stay under this at p99 (docs/adr/0105); the
/// TradeSentinelPerformanceDegradation alert uses the same figure.
inline constexpr double cycleBudgetSeconds = 0.25;
/// The window sentinel_signal_delivery_success_ratio is computed over.
inline constexpr qint64 deliveryWindowSeconds = qint64{15} * 60;
} // namespace metric

/// Describes every family above (type and help), and sets sentinel_build_info{version} to 1.
/// Families whose series need no label (the plain counters, the cycle histogram) start at zero.
void describeSentinelMetrics(MetricsRegistry& registry);

} // namespace sentinel
