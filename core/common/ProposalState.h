// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace sentinel {

/// Where a proposal is in its life: pending until the operator decides or it expires; approved
/// until it is executed, or refused when the re-check at approval time (freshness, risk) or the
/// platform says no. One enum from the journal to the approval panel.
enum class ProposalState { Pending, Approved, Executed, Rejected, Expired, Refused };

/// "pending", "approved", …: the spelling the journal stores.
[[nodiscard]] QString proposalStateName(ProposalState state);
[[nodiscard]] std::optional<ProposalState> parseProposalState(QStringView name);

} // namespace sentinel
