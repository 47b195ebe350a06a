// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/LlmProvider.h"
#include "advisor/ProviderSettings.h"
#include "config/AdvisorSettings.h"

namespace sentinel::advisor {

/// The provider settings of one `advisor.providers` row (its weight is the ensemble's business).
[[nodiscard]] ProviderSettings providerSettings(const ModelServerSettings& server);

/// The provider for `settings`, of its kind (OllamaProvider, OpenAiCompatibleProvider), owned by
/// `parent`; or why none can be made (advisor_invalid_base_url, advisor_invalid_model_name).
/// Used by the pool and by the advisor test alike, so both refuse the same settings.
[[nodiscard]] Result<LlmProvider*> makeProvider(const ProviderSettings& settings, QObject* parent);

} // namespace sentinel::advisor
