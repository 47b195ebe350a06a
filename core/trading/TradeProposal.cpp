// SPDX-License-Identifier: GPL-3.0-or-later
#include "trading/TradeProposal.h"

#include <QJsonArray>
#include <QUuid>


namespace sentinel {

namespace {
// Fixed namespace for client order ids: changing it would change the ids of journalled proposals.
const QUuid clientOrderNamespace(QStringLiteral("{6f1c8a52-3d0e-4b7a-9c55-2e8f4a1d7b90}"));
} // namespace

QJsonObject RiskVerdictSummary::toJson() const
{
    return {{QStringLiteral("approved"), approved}, {QStringLiteral("reasons"), QJsonArray::fromStringList(reasons)}};
}

std::optional<RiskVerdictSummary> RiskVerdictSummary::fromJson(const QJsonObject& json)
{
    const QJsonValue approved = json.value(QStringLiteral("approved"));
    const QJsonValue reasons = json.value(QStringLiteral("reasons"));
    if (!approved.isBool() || !reasons.isArray())
        return std::nullopt;
    RiskVerdictSummary summary;
    summary.approved = approved.toBool();
    // A const array: a temporary's non-const begin() would detach (copy) it first.
    const QJsonArray reasonList = reasons.toArray();
    for (const QJsonValue reason : reasonList) {
        if (!reason.isString())
            return std::nullopt;
        summary.reasons << reason.toString();
    }
    return summary;
}

TradeProposal TradeProposal::create(const Instrument& instrument, Side side, double quantity, double price,
                                    const QDateTime& createdAt, const QDateTime& expiresAt)
{
    TradeProposal proposal;
    proposal.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    proposal.instrument = instrument;
    proposal.side = side;
    proposal.quantity = quantity;
    proposal.price = price;
    proposal.createdAt = createdAt;
    proposal.expiresAt = expiresAt;
    proposal.clientOrderId = clientOrderIdFor(proposal.id);
    return proposal;
}

QString TradeProposal::clientOrderIdFor(const QString& proposalId)
{
    return QUuid::createUuidV5(clientOrderNamespace, proposalId).toString(QUuid::Id128);
}

} // namespace sentinel
