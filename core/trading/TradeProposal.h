// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/AdviceRecord.h"
#include "common/Instrument.h"
#include "common/ProposalState.h"
#include "common/Side.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace sentinel {

/// The risk gate's answer as the journal and the operator see it: kept as plain strings so this
/// layer does not depend on the risk module's types.
struct RiskVerdictSummary {
    bool approved = false;
    QStringList reasons; ///< every check's outcome, failed ones first

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<RiskVerdictSummary> fromJson(const QJsonObject& json);
    friend bool operator==(const RiskVerdictSummary&, const RiskVerdictSummary&) = default;
};

/// A trade put to the operator. The id is a UUID; the client order id is derived from it, so
/// executing the same proposal again after a crash reuses the same idempotency key.
struct TradeProposal {
    QString id;
    Instrument instrument;
    Side side = Side::Buy;
    bool isExit = false;
    double quantity = 0;
    double price = 0;
    /// An entry's protective stop: its price less the stop distance it was sized with for a buy,
    /// plus it for a sell (ADR 0140). None for exits, and for proposals journalled before schema 7.
    std::optional<double> stopPrice = std::nullopt;
    QString strategy;        ///< registry name of the strategy that proposed it ("sma_cross"); "" before journal schema 5
    QString strategyReason;
    std::optional<AdviceRecord> advice; ///< the advisor's reason and votes, for an advised proposal
    RiskVerdictSummary verdict;
    double varBefore = 0;    ///< portfolio VaR (fraction of equity) without the trade
    double varAfter = 0;     ///< and with it
    QString freshness;       ///< "fresh (lag 1 min)"
    QDateTime createdAt;     ///< UTC
    QDateTime expiresAt;     ///< UTC; an unanswered proposal is rejected as expired then
    QString clientOrderId;
    ProposalState state = ProposalState::Pending;
    QString resolution;      ///< why it left the queue
    QDateTime resolvedAt;

    /// A new pending proposal with a fresh UUID and its client order id filled in.
    [[nodiscard]] static TradeProposal create(const Instrument& instrument, Side side, double quantity, double price,
                                              const QDateTime& createdAt, const QDateTime& expiresAt);
    /// 32 hex digits (a name-based UUID of the proposal id): short enough for brokers' limits.
    [[nodiscard]] static QString clientOrderIdFor(const QString& proposalId);

    friend bool operator==(const TradeProposal&, const TradeProposal&) = default;
};

} // namespace sentinel

Q_DECLARE_METATYPE(sentinel::TradeProposal)
