// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/Advice.h"

#include <QList>

#include <optional>

namespace sentinel {

/// One voter's say in an advised decision: a model that answered (an invalid answer votes hold,
/// issue 15) or the rule strategy when it votes.
struct WeightedVote {
    advisor::AdviceAction action = advisor::AdviceAction::Hold;
    double weight = 0;
    double confidence = 0; ///< 0..1
};

/// The outcome of a weighted vote (docs/adr/0130-advisor-ensemble.md).
struct VoteTally {
    advisor::AdviceAction action = advisor::AdviceAction::Hold;
    /// The winners' weighted mean confidence, scaled by their share of the weight that voted:
    /// 0.9 from half the weight is 0.45.
    double confidence = 0;
    /// The index of the voter whose reason and stop the decision carries: the heaviest (weight x
    /// confidence) on the winning side, the earliest on a tie; none for a hold nobody argued.
    std::optional<qsizetype> spokesman;
};

/// Each action's weight is the sum of its voters' weights; the heaviest wins. A tie between buy
/// and sell, or any tie with hold, is hold: the advisor trades only on a clear majority. No voter
/// (or no weight) is nothing.
[[nodiscard]] std::optional<VoteTally> tallyVotes(const QList<WeightedVote>& votes);

} // namespace sentinel
