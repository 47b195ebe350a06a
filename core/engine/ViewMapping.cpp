// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ViewMapping.h"

namespace sentinel {

ProposalView toView(const TradeProposal& proposal)
{
    ProposalView view;
    view.id = proposal.id;
    view.instrument = proposal.instrument;
    view.side = proposal.side;
    view.isExit = proposal.isExit;
    view.quantity = proposal.quantity;
    view.price = proposal.price;
    view.strategyReason = proposal.strategyReason;
    view.advice = proposal.advice;
    view.riskApproved = proposal.verdict.approved;
    view.riskReasons = proposal.verdict.reasons;
    view.varBefore = proposal.varBefore;
    view.varAfter = proposal.varAfter;
    view.freshness = proposal.freshness;
    view.createdAt = proposal.createdAt;
    view.expiresAt = proposal.expiresAt;
    view.resolution = proposal.resolution;
    view.resolvedAt = proposal.resolvedAt;
    view.state = proposal.state;
    return view;
}

AlertView toView(const Alert& alert)
{
    AlertView view;
    view.id = alert.id;
    view.kind = alert.kind;
    view.instrumentKey = alert.instrumentKey;
    view.message = alert.message;
    view.at = alert.at;
    view.acknowledged = alert.acknowledged;
    view.severity = alert.severity;
    return view;
}

CacheSnapshot toView(const CacheStats& stats)
{
    CacheSnapshot view;
    view.name = stats.name;
    // Requests that joined a fetch in flight were answered without a request of their own.
    view.hits = qint64(stats.hits + stats.coalesced);
    view.misses = qint64(stats.misses); // a bypassed lookup is already counted as a miss
    view.expirations = qint64(stats.expirations);
    view.evictions = qint64(stats.evictions);
    view.entries = stats.entries;
    view.enabled = stats.enabled;
    view.backend = stats.degraded ? stats.backend + QStringLiteral(" (degraded: memory)") : stats.backend;
    return view;
}

DeliverySnapshot toView(const DeliveryStats& stats, bool offline)
{
    DeliverySnapshot view;
    view.at = stats.at;
    view.outboxDepth = stats.queued;
    view.offline = offline;
    for (const ChannelStats& channel : stats.channels) {
        ChannelSnapshot item;
        item.channel = channel.name;
        if (offline)
            item.state = ChannelState::Offline;
        else if (!channel.available)
            item.state = ChannelState::Failing;
        else if (channel.retrying > 0 || channel.retryAt.isValid())
            item.state = ChannelState::Retrying;
        else
            item.state = ChannelState::Ok;
        item.delivered = channel.delivered;
        item.failed = channel.failed;
        item.retrying = channel.retrying;
        item.successRate = std::max(0.0, channel.successRate());
        item.lastError = channel.lastError;
        item.lastRemedy = channel.lastRemedy;
        item.p50Ms = std::max<qint64>(0, channel.latencyP50Ms);
        item.p95Ms = std::max<qint64>(0, channel.latencyP95Ms);
        view.channels.append(item);
    }
    return view;
}

PortfolioView toView(const PortfolioSnapshot& portfolio)
{
    PortfolioView view;
    view.at = portfolio.at;
    view.currency = portfolio.currency;
    view.balance = portfolio.balance;
    view.equity = portfolio.equity;
    for (const Position& position : portfolio.positions) {
        if (position.quantity == 0)
            continue;
        view.positions.append(PositionView{position.instrumentKey, position.quantity, position.averagePrice,
                                           position.marketPrice, position.unrealizedPnl()});
    }
    return view;
}

} // namespace sentinel
