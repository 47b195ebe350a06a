// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/OllamaProvider.h"

#include "advisor/AdviceSchema.h"
#include "advisor/AdvisorLimits.h"
#include "advisor/EndpointUrl.h"
#include "advisor/AdvisorError.h"
#include "advisor/ModelServerClient.h"
#include "advisor/OllamaModels.h"
#include "advisor/OllamaReply.h"
#include "advisor/OllamaVersion.h"
#include "advisor/ProviderAnswers.h"

#include <QJsonDocument>

namespace sentinel::advisor {

Result<OllamaProvider*> OllamaProvider::create(const ProviderSettings& settings, QObject* parent)
{
    const auto url = checkBaseUrl(settings.baseUrl);
    if (!url)
        return url.error();
    auto model = ModelName::parse(settings.model);
    if (!model)
        return model.error();
    return new OllamaProvider(std::move(model).value(), settings, parent);
}

OllamaProvider::OllamaProvider(ModelName model, const ProviderSettings& settings, QObject* parent)
    : LlmProvider(parent)
    , m_model(std::move(model))
    // Ollama takes no key; none is sent even if one was configured.
    , m_client(new ModelServerClient(ProviderKind::Ollama, settings.baseUrl, Secret(), settings.timeout, this))
{
}

QByteArray OllamaProvider::chatBody(const AdviceRequest& request) const
{
    const QJsonObject body{{QStringLiteral("model"), m_model.full()},
                           {QStringLiteral("messages"), chatMessages(request)},
                           {QStringLiteral("stream"), false},
                           {QStringLiteral("format"), adviceJsonSchema()},
                           {QStringLiteral("options"), QJsonObject{{QStringLiteral("temperature"), 0}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void OllamaProvider::advise(const AdviceRequest& request, AdviceCallback done)
{
    m_client->post(u"/api/chat", chatBody(request), kMaxReplyBodyBytes, [this, done = std::move(done)](const Result<ServerAnswer>& answer) {
        done(adviceOutcome(answer, ProviderKind::Ollama, m_model.full(), [this](const QByteArray& body) -> Result<ModelText> {
            const auto chat = parseOllamaReply(OllamaEndpoint::Chat, body);
            if (!chat)
                return chat.error();
            QString version = chat.value().model;
            if (!m_digest.isEmpty() && m_model.matches(chat.value().model))
                version += u'@' + m_digest.left(12);
            return ModelText{chat.value().content, advisorError::printable(version)};
        }));
    });
}

void OllamaProvider::listModels(ModelsCallback done)
{
    m_client->get(u"/api/tags", kMaxListBodyBytes, [this, done = std::move(done)](const Result<ServerAnswer>& answer) {
        const auto body = successBody(answer, ProviderKind::Ollama, m_model.full());
        const auto models = body ? parseOllamaTags(body.value()) : Result<QList<OllamaModel>>(body.error());
        if (!models)
            return done(models.error());
        QStringList names;
        for (const OllamaModel& model : models.value()) {
            names.append(model.name);
            if (m_model.matches(model.name))
                m_digest = model.digest;
        }
        done(names);
    });
}

void OllamaProvider::checkHealth(HealthCallback done)
{
    m_client->get(u"/api/version", kMaxSmallBodyBytes, [this, done = std::move(done)](const Result<ServerAnswer>& answer) {
        const auto body = successBody(answer, ProviderKind::Ollama, m_model.full());
        const auto version = body ? parseOllamaVersion(body.value()) : Result<OllamaVersion>(body.error());
        if (!version)
            return done(version.error());
        ProviderHealth health{version.value().text, false,
                              std::chrono::duration_cast<std::chrono::milliseconds>(answer.value().latency)};
        listModels([this, done, health](Result<QStringList> names) mutable {
            if (!names)
                return done(names.error());
            for (const QString& name : names.value())
                health.modelPresent = health.modelPresent || m_model.matches(name);
            done(health);
        });
    });
}

QUrl OllamaProvider::baseUrl() const
{
    return m_client->baseUrl();
}

ConnectionUse OllamaProvider::connectionUse() const
{
    return ConnectionUse{m_client->requestsSent(), m_client->connectionsOpened()};
}

} // namespace sentinel::advisor
