// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/ProposalState.h"
#include "common/Side.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace sentinel {

/// Which proposals the History panel, its export and `sentinel history` show (issue 17). Every
/// criterion left empty matches everything.
struct HistoryFilter {
    QString instrument;                  ///< a symbol ("EUR/USD") or instrument key ("FX:EUR/USD"), any case
    QString strategy;                    ///< a registry name; "unrecorded" for proposals journalled before schema 5
    std::optional<ProposalState> outcome; ///< where the proposal ended (or stands)
    QDateTime from;                      ///< made at or after; invalid: no lower bound
    QDateTime to;                        ///< made before; invalid: no upper bound
    friend bool operator==(const HistoryFilter&, const HistoryFilter&) = default;
};

/// Where a page ends: the last row shown, newest first (rows are ordered by creation time, then
/// id, both descending), so the next page starts after it however many rows came in meanwhile.
struct HistoryCursor {
    qint64 createdAtMs = 0;
    QString proposalId;
    friend bool operator==(const HistoryCursor&, const HistoryCursor&) = default;
};

/// The fill of an executed proposal.
struct HistoryFill {
    QString orderId;
    double price = 0;
    double quantity = 0;
    double fee = 0; ///< account currency
    QDateTime at;
    friend bool operator==(const HistoryFill&, const HistoryFill&) = default;
};

/// One proposal as the history lists it: what was proposed, by which strategy, how it ended,
/// who decided and what filled.
struct HistoryRow {
    QString proposalId;
    QDateTime createdAt;
    QString instrumentKey;
    QString symbol;
    Side side = Side::Buy;
    bool isExit = false;
    double quantity = 0;
    double price = 0;
    QString strategy;                 ///< "" for proposals journalled before schema 5
    ProposalState state = ProposalState::Pending;
    QString resolution;               ///< the rejection or refusal reason
    QDateTime resolvedAt;             ///< invalid while pending
    QString decidedBy;                ///< the operator's name; "" when nobody decided (expired, pending, refused)
    QString decidedVia;               ///< "desktop", "telegram", "cli"; "" when unknown
    QDateTime decidedAt;              ///< invalid when nobody decided
    std::optional<HistoryFill> fill;
    friend bool operator==(const HistoryRow&, const HistoryRow&) = default;

    [[nodiscard]] HistoryCursor cursor() const { return {createdAt.toMSecsSinceEpoch(), proposalId}; }
};

} // namespace sentinel
