// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/LlmProvider.h"
#include "strategy/AdvisorPrompt.h"

namespace sentinel {

/// The one fixed question `sentinel advisor test` and the Settings dialog's Test button ask each
/// model server (docs/adr/0131): EUR/USD on FX, 5-minute bars, flat, limits of 5 % position and
/// 5 % VaR, no context sections, and 30 closed bars from 2025-03-04T14:00Z rising evenly from
/// 1.08000 by 0.00020 a bar (high and low 0.00030 either side of the close, the open the previous
/// close). Built by buildAdvicePrompt, as every real decision's prompt is, so a server that
/// answers it answers the engine's format too.
[[nodiscard]] PromptInput advisorTestInput();

/// buildAdvicePrompt(advisorTestInput()).
[[nodiscard]] advisor::AdviceRequest advisorTestPrompt();

} // namespace sentinel
