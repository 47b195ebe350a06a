// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/AdvisorSettings.h"

#include <QString>

namespace sentinel::advisor {

/// The two wire protocols the advisor speaks (issue 15): Ollama's native API (/api/chat,
/// /api/tags, /api/ps, /api/version) and any server that speaks OpenAI's chat completions
/// (/v1/chat/completions, /v1/models), Ollama's own /v1 included.
/// The configuration's own enum (config/AdvisorSettings.h), so a provider row needs no mapping.
using ProviderKind = ModelServerKind;

/// How messages name the sender: "Ollama", "the OpenAI-compatible server".
[[nodiscard]] inline QString providerName(ProviderKind kind)
{
    return kind == ProviderKind::Ollama ? QStringLiteral("Ollama") : QStringLiteral("the OpenAI-compatible server");
}

} // namespace sentinel::advisor
