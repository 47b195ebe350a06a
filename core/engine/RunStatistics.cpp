// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/RunStatistics.h"

#include <cmath>

namespace sentinel {

namespace {
double round3(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}
} // namespace

QJsonObject RunStatistics::toJson() const
{
    QJsonObject api;
    for (auto it = apiCalls.cbegin(); it != apiCalls.cend(); ++it)
        api.insert(it.key(), it.value());
    QJsonObject cache;
    for (auto it = caches.cbegin(); it != caches.cend(); ++it) {
        const qint64 total = it->hits + it->misses;
        cache.insert(it.key(), QJsonObject{{QStringLiteral("hits"), it->hits},
                                           {QStringLiteral("misses"), it->misses},
                                           {QStringLiteral("hit_rate"), total ? round3(double(it->hits) / double(total)) : 0.0}});
    }
    QJsonObject alertCounts;
    for (auto it = alerts.cbegin(); it != alerts.cend(); ++it)
        alertCounts.insert(it.key(), it.value());
    QJsonObject signalCounts;
    for (auto it = signals.cbegin(); it != signals.cend(); ++it) {
        signalCounts.insert(it.key(), QJsonObject{{QStringLiteral("delivered"), it->delivered},
                                                  {QStringLiteral("failed"), it->failed},
                                                  {QStringLiteral("pending"), it->pending}});
    }
    const CycleTimeWindow::Summary times = cycleMs.summary();
    return QJsonObject{
        {QStringLiteral("cycles"), cycles},
        {QStringLiteral("api_calls"), api},
        {QStringLiteral("api_calls_while_closed"), apiCallsWhileClosed},
        {QStringLiteral("cache"), cache},
        {QStringLiteral("portfolio_calls"), portfolioCalls},
        {QStringLiteral("stale_blocks"), staleBlocks},
        {QStringLiteral("paused_blocks"), pausedBlocks},
        {QStringLiteral("alerts"), alertCounts},
        {QStringLiteral("proposals"), proposals},
        {QStringLiteral("approvals"), approvals},
        {QStringLiteral("rejections"), rejections},
        {QStringLiteral("expired"), expired},
        {QStringLiteral("executions"), executions},
        {QStringLiteral("signals"), signalCounts},
        {QStringLiteral("cycle_ms"), QJsonObject{{QStringLiteral("p50"), round3(times.p50)},
                                                 {QStringLiteral("p99"), round3(times.p99)},
                                                 {QStringLiteral("max"), round3(times.max)}}},
    };
}

} // namespace sentinel
