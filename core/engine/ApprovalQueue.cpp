// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/ApprovalQueue.h"

#include <algorithm>

namespace sentinel {

ApprovalQueue::ApprovalQueue(Clock& clock, ExpiryHandler onExpired, QObject* parent)
    : QObject(parent), m_clock(clock), m_onExpired(std::move(onExpired))
{
}

void ApprovalQueue::add(const TradeProposal& proposal, double signalConfidence)
{
    const QString id = proposal.id;
    // The same id again replaces the proposal: its old deadline must not expire the new one.
    if (const auto held = m_pending.constFind(id); held != m_pending.constEnd())
        m_clock.cancel(held->expiry);
    const TimerId timer = m_clock.callAt(proposal.expiresAt, this, [this, id] {
        if (auto expired = m_pending.take(id); expired.expiry)
            m_onExpired(expired.proposal);
    });
    m_pending.insert(id, Entry{proposal, signalConfidence, timer});
}

std::optional<TradeProposal> ApprovalQueue::take(const QString& id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return std::nullopt;
    m_clock.cancel(it->expiry);
    TradeProposal proposal = it->proposal;
    m_pending.erase(it);
    return proposal;
}

std::optional<double> ApprovalQueue::signalConfidence(const QString& id) const
{
    const auto it = m_pending.constFind(id);
    if (it == m_pending.constEnd())
        return std::nullopt;
    return it->signalConfidence;
}

bool ApprovalQueue::hasPendingFor(const QString& instrumentKey) const
{
    return std::any_of(m_pending.cbegin(), m_pending.cend(),
                       [&](const Entry& entry) { return entry.proposal.instrument.key() == instrumentKey; });
}

QList<TradeProposal> ApprovalQueue::pending() const
{
    QList<TradeProposal> all;
    for (const Entry& entry : m_pending)
        all.append(entry.proposal);
    std::sort(all.begin(), all.end(), [](const TradeProposal& a, const TradeProposal& b) { return a.createdAt < b.createdAt; });
    return all;
}

} // namespace sentinel
