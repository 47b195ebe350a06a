// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/LlmProvider.h"
#include "advisor/ModelName.h"
#include "advisor/ProviderSettings.h"

namespace sentinel::advisor {

class ModelServerClient;

/// An Ollama server through its native API: POST /api/chat with `"stream": false`, the answer
/// schema as `format` and temperature 0; GET /api/version and /api/tags for health; one
/// connection (ModelServerClient). The model name is normalised (no tag means :latest).
class OllamaProvider final : public LlmProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OllamaProvider)
public:
    /// The provider, or why the settings cannot make one (advisor_invalid_base_url,
    /// advisor_invalid_model_name). Owned by `parent`.
    [[nodiscard]] static Result<OllamaProvider*> create(const ProviderSettings& settings, QObject* parent = nullptr);

    [[nodiscard]] ProviderKind kind() const override { return ProviderKind::Ollama; }
    [[nodiscard]] QString model() const override { return m_model.full(); }
    [[nodiscard]] QUrl baseUrl() const override;
    [[nodiscard]] ConnectionUse connectionUse() const override;

    void checkHealth(HealthCallback done) override;
    void listModels(ModelsCallback done) override;
    void advise(const AdviceRequest& request, AdviceCallback done) override;

    /// The body advise() posts to /api/chat.
    [[nodiscard]] QByteArray chatBody(const AdviceRequest& request) const;

private:
    OllamaProvider(ModelName model, const ProviderSettings& settings, QObject* parent);

    ModelName m_model;
    ModelServerClient* m_client;
    QString m_digest; ///< of the model, from the last /api/tags; empty until known
};

} // namespace sentinel::advisor
