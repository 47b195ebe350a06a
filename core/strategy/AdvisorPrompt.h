// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/LlmProvider.h"
#include "common/Instrument.h"
#include "common/PositionState.h"
#include "market/Bar.h"
#include "strategy/AdvisorContext.h"

#include <QList>
#include <QString>

namespace sentinel {

/// The limits the prompt states, so a model's advice is framed by the gate it will meet.
struct PromptLimits {
    double maxPositionPct = 0; ///< of equity, 0..1
    double maxVarPct = 0;      ///< of equity, 0..1
};

/// Everything one advice prompt says.
struct PromptInput {
    Instrument instrument;
    Bars closedBars; ///< oldest first; the prompt lists the last `historyBars`
    int historyBars = 30;
    PositionState position;
    PromptLimits limits;
    QList<ContextSection> context; ///< in source order; left-out sections are named as such
};

/// The advisor's prompt (issue 15): compact and deterministic, so the same bars, position and
/// context always give the same text and the same hash. Numbers are written without locale, times
/// in UTC. The system part says the model only advises and must answer with the advice object.
[[nodiscard]] advisor::AdviceRequest buildAdvicePrompt(const PromptInput& input);

/// The SHA-256 of the exact text sent (system, a blank line, user), as 64 hex digits: what the
/// journal keeps instead of the prompt itself.
[[nodiscard]] QString promptSha256(const advisor::AdviceRequest& request);

} // namespace sentinel
