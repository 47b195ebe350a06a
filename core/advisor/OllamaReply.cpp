// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/OllamaReply.h"

#include "advisor/AdvisorError.h"
#include "advisor/AdvisorLimits.h"
#include "advisor/ErrorAnswer.h"
#include "advisor/WireFields.h"

namespace sentinel::advisor {

namespace ae = advisorError;

Result<OllamaReply> readOllamaReplyObject(OllamaEndpoint endpoint, const QJsonObject& object)
{
    WireFields root(object, ProviderKind::Ollama);
    OllamaReply reply;
    reply.model = root.text(u"model");
    reply.createdAt = root.optionalTime(u"created_at");
    if (endpoint == OllamaEndpoint::Chat) {
        WireFields message = root.child(u"message");
        const QString role = message.text(u"role");
        if (message.ok() && role != u"assistant")
            message.invalid(u"role", QStringLiteral("is '%1', not 'assistant'").arg(ae::printable(role.left(40))));
        reply.content = message.string(u"content");
    } else {
        reply.content = root.string(u"response");
    }
    reply.done = root.boolean(u"done");
    reply.doneReason = root.optionalString(u"done_reason");
    reply.timings.totalNs = root.optionalCount(u"total_duration");
    reply.timings.loadNs = root.optionalCount(u"load_duration");
    reply.timings.promptEvalCount = root.optionalCount(u"prompt_eval_count");
    reply.timings.promptEvalNs = root.optionalCount(u"prompt_eval_duration");
    reply.timings.evalCount = root.optionalCount(u"eval_count");
    reply.timings.evalNs = root.optionalCount(u"eval_duration");
    if (!root.ok())
        return root.error();
    return reply;
}

Result<OllamaReply> parseOllamaReply(OllamaEndpoint endpoint, QByteArrayView body)
{
    const QString what = endpoint == OllamaEndpoint::Chat ? QStringLiteral("the /api/chat answer")
                                                          : QStringLiteral("the /api/generate answer");
    const auto object = readWireObject(body, kMaxReplyBodyBytes, ProviderKind::Ollama, what);
    if (!object)
        return object.error();
    if (const auto error = errorAnswerText(object.value()))
        return ae::fromServerError(ProviderKind::Ollama, 200, *error, QString());
    auto reply = readOllamaReplyObject(endpoint, object.value());
    if (reply && !reply.value().done)
        return ae::make(ae::UnexpectedShape,
                        QStringLiteral("%1 says done: false; a non-streamed answer is whole").arg(what),
                        QStringLiteral("send \"stream\": false, or read the body as a stream"));
    return reply;
}

Result<OllamaReply> parseOllamaChunk(OllamaEndpoint endpoint, QByteArrayView line)
{
    const auto object = readWireObject(line, kMaxStreamLineBytes, ProviderKind::Ollama, QStringLiteral("the line"));
    if (!object)
        return object.error();
    if (const auto text = errorAnswerText(object.value()))
        return ae::fromServerError(ProviderKind::Ollama, 0, *text, QString());
    return readOllamaReplyObject(endpoint, object.value());
}

} // namespace sentinel::advisor
