// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/ProviderFactory.h"

#include "advisor/OllamaProvider.h"
#include "advisor/OpenAiCompatibleProvider.h"

namespace sentinel::advisor {

ProviderSettings providerSettings(const ModelServerSettings& server)
{
    ProviderSettings settings;
    settings.kind = server.kind;
    settings.baseUrl = server.baseUrl;
    settings.model = server.model;
    settings.apiKey = server.apiKey;
    settings.timeout = server.timeout;
    return settings;
}

Result<LlmProvider*> makeProvider(const ProviderSettings& settings, QObject* parent)
{
    if (settings.kind == ProviderKind::Ollama) {
        auto ollama = OllamaProvider::create(settings, parent);
        return ollama ? Result<LlmProvider*>(ollama.value()) : Result<LlmProvider*>(ollama.error());
    }
    auto openAi = OpenAiCompatibleProvider::create(settings, parent);
    return openAi ? Result<LlmProvider*>(openAi.value()) : Result<LlmProvider*>(openAi.error());
}

} // namespace sentinel::advisor
