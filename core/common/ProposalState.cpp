// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ProposalState.h"

#include <array>
#include <utility>

namespace sentinel {

namespace {
constexpr std::array stateNames{
    std::pair{ProposalState::Pending, u"pending"},   std::pair{ProposalState::Approved, u"approved"},
    std::pair{ProposalState::Executed, u"executed"}, std::pair{ProposalState::Rejected, u"rejected"},
    std::pair{ProposalState::Expired, u"expired"},   std::pair{ProposalState::Refused, u"refused"},
};
} // namespace

QString proposalStateName(ProposalState state)
{
    for (const auto& [value, name] : stateNames) {
        if (value == state)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<ProposalState> parseProposalState(QStringView name)
{
    for (const auto& [value, text] : stateNames) {
        if (name == QStringView(text))
            return value;
    }
    return std::nullopt;
}

} // namespace sentinel
