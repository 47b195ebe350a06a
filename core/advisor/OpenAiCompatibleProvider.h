// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/LlmProvider.h"
#include "advisor/ProviderSettings.h"

namespace sentinel::advisor {

class ModelServerClient;

/// Any server that speaks OpenAI's chat completions (vLLM, llama.cpp, LM Studio, Ollama's /v1,
/// OpenAI itself): POST /v1/chat/completions, not streamed, with the answer schema as a strict
/// `response_format` and temperature 0; GET /v1/models for health. The model id is sent as
/// configured; an api key, when set, as a bearer token, and it never reaches a message.
class OpenAiCompatibleProvider final : public LlmProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OpenAiCompatibleProvider)
public:
    /// The provider, or why the settings cannot make one (advisor_invalid_base_url,
    /// advisor_invalid_model_name for an empty or unprintable model id). Owned by `parent`.
    [[nodiscard]] static Result<OpenAiCompatibleProvider*> create(const ProviderSettings& settings, QObject* parent = nullptr);

    [[nodiscard]] ProviderKind kind() const override { return ProviderKind::OpenAiCompatible; }
    [[nodiscard]] QString model() const override { return m_model; }
    [[nodiscard]] QUrl baseUrl() const override;
    [[nodiscard]] ConnectionUse connectionUse() const override;

    void checkHealth(HealthCallback done) override;
    void listModels(ModelsCallback done) override;
    void advise(const AdviceRequest& request, AdviceCallback done) override;

    /// The body advise() posts to /v1/chat/completions.
    [[nodiscard]] QByteArray chatBody(const AdviceRequest& request) const;

private:
    OpenAiCompatibleProvider(QString model, const ProviderSettings& settings, QObject* parent);

    QString m_model;
    ModelServerClient* m_client;
};

} // namespace sentinel::advisor
