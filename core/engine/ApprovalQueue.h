// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Clock.h"
#include "trading/TradeProposal.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace sentinel {

/// Proposals waiting for the operator. Each expires at its `expiresAt` on the engine Clock; the
/// queue then hands it to the expiry callback (which journals it as rejected by timeout).
class ApprovalQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApprovalQueue)
public:
    using ExpiryHandler = std::function<void(const TradeProposal&)>;

    ApprovalQueue(Clock& clock, ExpiryHandler onExpired, QObject* parent = nullptr);

    /// `signalConfidence` is the strategy's confidence, kept with the proposal for the re-check at
    /// approval; it leaves with the proposal, whichever way that goes (no side table to leak).
    void add(const TradeProposal& proposal, double signalConfidence = 1.0);
    /// Removes and returns a pending proposal (approve, reject); nullopt when unknown or gone.
    std::optional<TradeProposal> take(const QString& id);
    [[nodiscard]] bool contains(const QString& id) const { return m_pending.contains(id); }
    /// The confidence given with a pending proposal; nullopt when it is not pending.
    [[nodiscard]] std::optional<double> signalConfidence(const QString& id) const;
    [[nodiscard]] QList<TradeProposal> pending() const;
    /// Whether a proposal for `instrumentKey` is waiting (no copy, no sort: asked every decision).
    [[nodiscard]] bool hasPendingFor(const QString& instrumentKey) const;
    [[nodiscard]] int size() const { return int(m_pending.size()); }

private:
    struct Entry {
        TradeProposal proposal;
        double signalConfidence = 1.0;
        TimerId expiry = 0;
    };
    Clock& m_clock;
    ExpiryHandler m_onExpired;
    QHash<QString, Entry> m_pending;
};

} // namespace sentinel
