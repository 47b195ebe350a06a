// SPDX-License-Identifier: GPL-3.0-or-later
#include "strategy/AdvisorVoteTally.h"

#include <array>

namespace sentinel {

using advisor::AdviceAction;

std::optional<VoteTally> tallyVotes(const QList<WeightedVote>& votes)
{
    std::array<double, 3> weightOf{}; // by AdviceAction
    double total = 0;
    for (const WeightedVote& vote : votes) {
        weightOf.at(std::size_t(vote.action)) += vote.weight;
        total += vote.weight;
    }
    if (total <= 0)
        return std::nullopt;
    const double buy = weightOf.at(std::size_t(AdviceAction::Buy));
    const double sell = weightOf.at(std::size_t(AdviceAction::Sell));
    const double hold = weightOf.at(std::size_t(AdviceAction::Hold));
    VoteTally tally;
    if (buy > sell && buy > hold)
        tally.action = AdviceAction::Buy;
    else if (sell > buy && sell > hold)
        tally.action = AdviceAction::Sell;
    double weightedConfidence = 0;
    double heaviest = -1;
    for (qsizetype i = 0; i < votes.size(); ++i) {
        const WeightedVote& vote = votes[i];
        if (vote.action != tally.action || vote.weight <= 0)
            continue;
        weightedConfidence += vote.weight * vote.confidence;
        if (vote.weight * vote.confidence > heaviest) {
            heaviest = vote.weight * vote.confidence;
            tally.spokesman = i;
        }
    }
    // (weighted mean confidence of the winners) x (their share of the weight) reduces to this.
    tally.confidence = weightedConfidence / total;
    return tally;
}

} // namespace sentinel
