// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/Snapshots.h"

#include <QCoreApplication>
#include <QString>

class QPalette;

namespace sentinel {

/// A proposal put into words, as the Approvals panel shows a pending one and the History panel a
/// past one: the one-line summary, then rich text with the strategy's reason, the advisor's part,
/// the data's freshness, VaR before and after, the times and every risk check. Every journal text
/// is escaped.
class ProposalDetails final
{
    Q_DECLARE_TR_FUNCTIONS(ProposalDetails)
public:
    /// "Buy 10 AAPL at about 187.25 (XNYS)".
    [[nodiscard]] static QString summary(const ProposalView& proposal);
    [[nodiscard]] static QString html(const ProposalView& proposal, const QPalette& palette);
};

} // namespace sentinel
