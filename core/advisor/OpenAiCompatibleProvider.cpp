// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/OpenAiCompatibleProvider.h"

#include "advisor/AdviceSchema.h"
#include "advisor/AdvisorError.h"
#include "advisor/AdvisorLimits.h"
#include "advisor/EndpointUrl.h"
#include "advisor/ModelServerClient.h"
#include "advisor/OpenAiChat.h"
#include "advisor/OpenAiModels.h"
#include "advisor/ProviderAnswers.h"
#include "common/Excerpt.h"

#include <QJsonDocument>

#include <algorithm>

namespace sentinel::advisor {

namespace ae = advisorError;

namespace {

constexpr qsizetype kMaxModelIdChars = 256;

/// Whether `listed` is the configured id; Ollama's /v1 lists "llama3.2:latest" for "llama3.2".
bool sameModel(const QString& configured, const QString& listed)
{
    return listed == configured || (!configured.contains(u':') && listed == configured + QStringLiteral(":latest"));
}

} // namespace

Result<OpenAiCompatibleProvider*> OpenAiCompatibleProvider::create(const ProviderSettings& settings, QObject* parent)
{
    const auto url = checkBaseUrl(settings.baseUrl);
    if (!url)
        return url.error();
    const QString& model = settings.model;
    const bool unprintable = std::any_of(model.begin(), model.end(), [](QChar c) { return c.category() == QChar::Other_Control || c.isSpace(); });
    if (model.isEmpty() || model.size() > kMaxModelIdChars || unprintable)
        return ae::make(ae::InvalidModelName,
                        QStringLiteral("the model id '%1' is empty, longer than %2 characters, or holds whitespace or control characters")
                            .arg(ae::printable(excerpt(model)))
                            .arg(kMaxModelIdChars),
                        QStringLiteral("write the id as the server's GET /v1/models lists it"));
    return new OpenAiCompatibleProvider(model, settings, parent);
}

OpenAiCompatibleProvider::OpenAiCompatibleProvider(QString model, const ProviderSettings& settings, QObject* parent)
    : LlmProvider(parent)
    , m_model(std::move(model))
    , m_client(new ModelServerClient(ProviderKind::OpenAiCompatible, settings.baseUrl, settings.apiKey, settings.timeout, this))
{
}

QByteArray OpenAiCompatibleProvider::chatBody(const AdviceRequest& request) const
{
    const QJsonObject body{{QStringLiteral("model"), m_model},
                           {QStringLiteral("messages"), chatMessages(request)},
                           {QStringLiteral("stream"), false},
                           {QStringLiteral("temperature"), 0},
                           {QStringLiteral("response_format"), openAiResponseFormat()}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void OpenAiCompatibleProvider::advise(const AdviceRequest& request, AdviceCallback done)
{
    m_client->post(u"/v1/chat/completions", chatBody(request), kMaxReplyBodyBytes, [this, done = std::move(done)](const Result<ServerAnswer>& answer) {
        done(adviceOutcome(answer, ProviderKind::OpenAiCompatible, m_model, [](const QByteArray& body) -> Result<ModelText> {
            const auto completion = parseOpenAiChatCompletion(body);
            if (!completion)
                return completion.error();
            QString version = completion.value().model;
            if (!completion.value().systemFingerprint.isEmpty())
                version += QStringLiteral(" (") + excerpt(completion.value().systemFingerprint, 64) + u')';
            return ModelText{completion.value().content, ae::printable(version)};
        }));
    });
}

void OpenAiCompatibleProvider::listModels(ModelsCallback done)
{
    m_client->get(u"/v1/models", kMaxListBodyBytes, [this, done = std::move(done)](const Result<ServerAnswer>& answer) {
        const auto body = successBody(answer, ProviderKind::OpenAiCompatible, m_model);
        const auto models = body ? parseOpenAiModels(body.value()) : Result<QList<OpenAiModel>>(body.error());
        if (!models)
            return done(models.error());
        QStringList ids;
        for (const OpenAiModel& model : models.value())
            ids.append(model.id);
        done(ids);
    });
}

void OpenAiCompatibleProvider::checkHealth(HealthCallback done)
{
    const auto started = std::chrono::steady_clock::now();
    listModels([this, done = std::move(done), started](Result<QStringList> ids) {
        if (!ids)
            return done(ids.error());
        ProviderHealth health;
        health.latency = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
        for (const QString& id : ids.value())
            health.modelPresent = health.modelPresent || sameModel(m_model, id);
        done(health);
    });
}

QUrl OpenAiCompatibleProvider::baseUrl() const
{
    return m_client->baseUrl();
}

ConnectionUse OpenAiCompatibleProvider::connectionUse() const
{
    return ConnectionUse{m_client->requestsSent(), m_client->connectionsOpened()};
}

} // namespace sentinel::advisor
