// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/AdvisorError.h"

#include "common/Excerpt.h"

namespace sentinel::advisor::advisorError {

namespace {

/// Servers' messages run to a sentence or two; more is not worth showing.
constexpr qsizetype kServerTextChars = 300;

const char16_t* kindOf(int status, const QString& text)
{
    // An error inside a 200 stream is the stream's failure whatever it says (issue 15).
    if (status == 0)
        return StreamError;
    const QString lower = text.toLower();
    const bool aboutModel = lower.contains(u"model");
    // Ollama: "model 'x' not found", "model \"x\" not found, try pulling it first";
    // OpenAI: "The model `x` does not exist or you do not have access to it."
    if (aboutModel && (lower.contains(u"not found") || lower.contains(u"does not exist")))
        return ModelNotFound;
    if (status == 429 || lower.contains(u"rate limit"))
        return RateLimited;
    if (status == 503 || lower.contains(u"overloaded") || lower.contains(u"server busy"))
        return Overloaded;
    if (status == 401 || status == 403)
        return Unauthorized;
    if (status == 404)
        return EndpointNotFound;
    if (status >= 400 && status <= 499)
        return BadRequest;
    return ServerError;
}

QString remedyFor(const char16_t* kind, ProviderKind provider, const QString& model)
{
    const bool ollama = provider == ProviderKind::Ollama;
    const QString name = model.isEmpty() ? QStringLiteral("<model>") : model;
    if (kind == ModelNotFound)
        return ollama ? QStringLiteral("run `ollama pull %1` on the Ollama host, or set the provider's model to one "
                                       "`ollama list` shows").arg(name)
                      : QStringLiteral("set the provider's model to one the server lists at GET /v1/models "
                                       "(for Ollama behind /v1: run `ollama pull %1`)").arg(name);
    if (kind == RateLimited)
        return QStringLiteral("back off and ask less often; the advice counts as hold meanwhile");
    if (kind == Overloaded)
        return ollama ? QStringLiteral("the server's queue is full; retry later, or raise OLLAMA_MAX_QUEUE or use a smaller model")
                      : QStringLiteral("the server is overloaded; retry later");
    if (kind == StreamError)
        return QStringLiteral("the model failed while answering; retry, and check the server's log");
    if (kind == Unauthorized)
        return QStringLiteral("check the provider's api_key");
    if (kind == EndpointNotFound)
        return QStringLiteral("check the provider's base_url points at the server itself, without a path");
    if (kind == BadRequest)
        return QStringLiteral("the server refused the request as sent; check the model supports structured output "
                              "and report it if it persists");
    return QStringLiteral("the model server failed; check its log and retry later");
}

} // namespace

QString printable(const QString& text)
{
    QString result = text;
    for (QChar& c : result) {
        if (c.category() == QChar::Other_Control)
            c = QChar::ReplacementCharacter;
    }
    return result;
}

Error fromServerError(ProviderKind provider, int httpStatus, const QString& serverText, const QString& model)
{
    const char16_t* kind = kindOf(httpStatus, serverText);
    const QString said = serverText.isEmpty() ? QStringLiteral("(no message)")
                                              : u'"' + excerpt(printable(serverText), kServerTextChars) + u'"';
    const QString message = httpStatus == 0
                                ? QStringLiteral("%1 reported an error inside its answer stream: %2").arg(providerName(provider), said)
                                : QStringLiteral("%1 answered HTTP %2: %3").arg(providerName(provider)).arg(httpStatus).arg(said);
    return make(kind, message, remedyFor(kind, provider, model));
}

} // namespace sentinel::advisor::advisorError
