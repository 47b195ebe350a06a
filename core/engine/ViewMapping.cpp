// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ViewMapping.h"

namespace sentinel {

ProposalView toView(const TradeProposal& proposal)
{
    ProposalView view;
    view.id = proposal.id;
    view.instrument = proposal.instrument;
    view.side = sideName(proposal.side);
    view.isExit = proposal.isExit;
    view.quantity = proposal.quantity;
    view.price = proposal.price;
    view.strategyReason = proposal.strategyReason;
    view.riskApproved = proposal.verdict.approved;
    view.riskReasons = proposal.verdict.reasons;
    view.varBefore = proposal.varBefore;
    view.varAfter = proposal.varAfter;
    view.freshness = proposal.freshness;
    view.createdAt = proposal.createdAt;
    view.expiresAt = proposal.expiresAt;
    view.resolution = proposal.resolution;
    switch (proposal.state) {
    case ProposalState::Pending: view.state = ProposalView::State::Pending; break;
    case ProposalState::Approved: view.state = ProposalView::State::Approved; break;
    case ProposalState::Executed: view.state = ProposalView::State::Executed; break;
    case ProposalState::Rejected: view.state = ProposalView::State::Rejected; break;
    case ProposalState::Expired: view.state = ProposalView::State::Expired; break;
    case ProposalState::Refused: view.state = ProposalView::State::Refused; break;
    }
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
    switch (alert.severity) {
    case Alert::Severity::Info: view.severity = AlertView::Severity::Info; break;
    case Alert::Severity::Warning: view.severity = AlertView::Severity::Warning; break;
    case Alert::Severity::Critical: view.severity = AlertView::Severity::Critical; break;
    }
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
            item.state = QStringLiteral("offline");
        else if (!channel.available)
            item.state = QStringLiteral("failing");
        else if (channel.retrying > 0 || channel.retryAt.isValid())
            item.state = QStringLiteral("retrying");
        else
            item.state = QStringLiteral("ok");
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

} // namespace sentinel
