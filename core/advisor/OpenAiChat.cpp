// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/OpenAiChat.h"

#include "advisor/AdvisorError.h"
#include "advisor/AdvisorLimits.h"
#include "advisor/ErrorAnswer.h"
#include "advisor/WireFields.h"
#include "common/Excerpt.h"

namespace sentinel::advisor {

namespace ae = advisorError;

namespace {

constexpr ProviderKind kProvider = ProviderKind::OpenAiCompatible;

std::optional<OpenAiUsage> readUsage(WireFields& root)
{
    auto usage = root.optionalChild(u"usage");
    if (!usage)
        return std::nullopt;
    OpenAiUsage counts;
    counts.promptTokens = usage->count(u"prompt_tokens");
    counts.completionTokens = usage->count(u"completion_tokens");
    counts.totalTokens = usage->count(u"total_tokens");
    return counts;
}

} // namespace

Result<OpenAiChatCompletion> parseOpenAiChatCompletion(QByteArrayView body)
{
    const auto object = readWireObject(body, kMaxReplyBodyBytes, kProvider, QStringLiteral("the /v1/chat/completions answer"));
    if (!object)
        return object.error();
    if (const auto error = errorAnswerText(object.value()))
        return ae::fromServerError(kProvider, 200, *error, QString());
    WireFields root(object.value(), kProvider);
    OpenAiChatCompletion completion;
    const QString kind = root.optionalString(u"object");
    if (root.ok() && !kind.isEmpty() && kind != u"chat.completion")
        root.invalid(u"object", QStringLiteral("is '%1', not 'chat.completion'").arg(ae::printable(excerpt(kind))));
    completion.id = root.optionalString(u"id");
    completion.model = root.text(u"model");
    completion.created = root.optionalCount(u"created").value_or(0);
    completion.systemFingerprint = root.optionalString(u"system_fingerprint");
    const QJsonArray choices = root.array(u"choices");
    if (root.ok() && choices.isEmpty())
        root.invalid(u"choices", QStringLiteral("is empty"));
    if (root.ok()) {
        WireFields choice = root.element(u"choices", choices, 0);
        completion.finishReason = choice.optionalString(u"finish_reason");
        WireFields message = choice.child(u"message");
        const QString refusal = message.optionalString(u"refusal");
        if (message.ok() && !refusal.isEmpty())
            return ae::make(ae::InvalidOutput,
                            QStringLiteral("the model refused to answer: \"%1\"").arg(ae::printable(excerpt(refusal, 300))),
                            QStringLiteral("the advice counts as hold; check the prompt and the model"));
        if (message.ok() && message.has(u"content") && message.object().value(QStringLiteral("content")).isNull())
            message.invalid(u"content", QStringLiteral("is null: the model answered with a tool call, not text"));
        completion.content = message.string(u"content");
    }
    completion.usage = readUsage(root);
    if (!root.ok())
        return root.error();
    return completion;
}

} // namespace sentinel::advisor
