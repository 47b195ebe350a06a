// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: every advisor parser of a model server's answer (Ollama chat/generate
// answers and stream chunks, tags, ps, version, OpenAI-compatible completions and model lists,
// error answers), the NDJSON stream reader, the duplicate-key scan, model names and the answer
// schema. None may crash, hang or trip a sanitizer. Accepted advice must be within the schema
// (action one of three, confidence finite in [0, 1], stop positive, texts short and printable);
// a stream must read the same whole, byte by byte and cut where the input says; every error has
// a kind and a bounded message. The first byte picks the HTTP status the error parser is told.
// Seeded from tests/data/ollama.
#include "advisor/AdviceSchema.h"
#include "advisor/AdvisorJson.h"
#include "advisor/ErrorAnswer.h"
#include "advisor/JsonDuplicateKeys.h"
#include "advisor/ModelName.h"
#include "advisor/OllamaStream.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace {

using namespace sentinel;
using namespace sentinel::advisor;

/// Messages quote excerpts only; no input may make one long.
constexpr qsizetype kMaxMessageChars = 1000;

void checkError(const Error& error)
{
    if (error.kind.isEmpty() || error.message.isEmpty() || error.message.size() > kMaxMessageChars)
        __builtin_trap();
}

template <typename T>
void serialise(const Result<T>& parsed)
{
    if (parsed.ok())
        (void)QJsonDocument(toJson(parsed.value())).toJson();
    else
        checkError(parsed.error());
}

bool printable(const QString& text, bool allowLineBreaks)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control && !(allowLineBreaks && (c == u'\n' || c == u'\t')))
            return false;
    }
    return true;
}

void checkAdvice(const Result<Advice>& advice)
{
    serialise(advice);
    if (!advice.ok())
        return;
    const Advice& a = advice.value();
    if (!parseAction(actionName(a.action)) || !std::isfinite(a.confidence) || a.confidence < 0 || a.confidence > 1)
        __builtin_trap();
    if (a.stop && !(std::isfinite(*a.stop) && *a.stop > 0))
        __builtin_trap();
    if (a.reason.isEmpty() || a.reason.size() > kMaxReasonChars || !printable(a.reason, true))
        __builtin_trap();
    if (a.horizon.isEmpty() || a.horizon.size() > kMaxHorizonChars || !printable(a.horizon, false))
        __builtin_trap();
}

QJsonObject outcome(const Result<OllamaReply>& reply)
{
    if (reply.ok())
        return toJson(reply.value());
    return {{QStringLiteral("kind"), reply.error().kind}, {QStringLiteral("message"), reply.error().message}};
}

QJsonObject readStream(const QByteArray& body, qsizetype step, OllamaEndpoint endpoint)
{
    OllamaStream stream(endpoint);
    for (qsizetype at = 0; at < body.size(); at += step)
        stream.feed(QByteArrayView(body).sliced(at, std::min(step, body.size() - at)));
    const auto reply = stream.finish();
    serialise(reply);
    if (reply.ok())
        checkAdvice(parseAdvice(reply.value().content));
    return outcome(reply);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static constexpr int statuses[] = {0, 200, 400, 401, 404, 429, 500, 503};
    const int status = size > 0 ? statuses[data[0] % 8] : 0;
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));

    for (const OllamaEndpoint endpoint : {OllamaEndpoint::Chat, OllamaEndpoint::Generate}) {
        const auto reply = parseOllamaReply(endpoint, body);
        serialise(reply);
        if (reply.ok())
            checkAdvice(parseAdvice(reply.value().content));
        serialise(parseOllamaChunk(endpoint, body));
    }
    serialise(parseOllamaTags(body));
    serialise(parseOllamaPs(body));
    serialise(parseOllamaVersion(body));
    const auto completion = parseOpenAiChatCompletion(body);
    serialise(completion);
    if (completion.ok())
        checkAdvice(parseAdvice(completion.value().content));
    serialise(parseOpenAiModels(body));
    checkError(parseErrorAnswer(ProviderKind::Ollama, status, body, QStringLiteral("llama3.2:latest")));
    checkError(parseErrorAnswer(ProviderKind::OpenAiCompatible, status, body, QString()));
    checkAdvice(parseAdvice(QByteArrayView(body)));
    (void)firstDuplicateKey(body);

    const auto name = ModelName::parse(QString::fromUtf8(body));
    if (name.ok() && !(ModelName::parse(name.value().full()).ok() && ModelName::parse(name.value().full()).value() == name.value()
                       && name.value().matches(name.value().full())))
        __builtin_trap();
    if (!name.ok())
        checkError(name.error());

    // The stream reads the same however the bytes arrive.
    const OllamaEndpoint endpoint = status % 2 == 0 ? OllamaEndpoint::Chat : OllamaEndpoint::Generate;
    const QJsonObject whole = readStream(body, std::max<qsizetype>(1, body.size()), endpoint);
    if (body.size() <= 4096 && readStream(body, 1, endpoint) != whole)
        __builtin_trap();
    const qsizetype step = size > 1 ? 1 + data[1] % 61 : 1;
    if (readStream(body, step, endpoint) != whole)
        __builtin_trap();
    return 0;
}
