// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisor/AdvisorJson.h"

#include <QJsonArray>

namespace sentinel::advisor {

namespace {

QJsonValue instant(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QJsonValue optional(const std::optional<qint64>& value)
{
    return value ? QJsonValue(double(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

} // namespace

QJsonObject toJson(const Advice& advice)
{
    return {{QStringLiteral("action"), actionName(advice.action)},
            {QStringLiteral("confidence"), advice.confidence},
            {QStringLiteral("horizon"), advice.horizon},
            {QStringLiteral("stop"), advice.stop ? QJsonValue(*advice.stop) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("reason"), advice.reason}};
}

QJsonObject toJson(const OllamaReply& reply)
{
    const OllamaTimings& t = reply.timings;
    return {{QStringLiteral("model"), reply.model},
            {QStringLiteral("created_at"), instant(reply.createdAt)},
            {QStringLiteral("content"), reply.content},
            {QStringLiteral("done"), reply.done},
            {QStringLiteral("done_reason"), textOrNull(reply.doneReason)},
            {QStringLiteral("timings"), QJsonObject{{QStringLiteral("total_ns"), optional(t.totalNs)},
                                                    {QStringLiteral("load_ns"), optional(t.loadNs)},
                                                    {QStringLiteral("prompt_eval_count"), optional(t.promptEvalCount)},
                                                    {QStringLiteral("prompt_eval_ns"), optional(t.promptEvalNs)},
                                                    {QStringLiteral("eval_count"), optional(t.evalCount)},
                                                    {QStringLiteral("eval_ns"), optional(t.evalNs)}}}};
}

QJsonObject toJson(const QList<OllamaModel>& models)
{
    QJsonArray list;
    for (const OllamaModel& model : models) {
        const OllamaModelDetails& d = model.details;
        list.append(QJsonObject{{QStringLiteral("name"), model.name},
                                {QStringLiteral("model"), textOrNull(model.model)},
                                {QStringLiteral("size"), double(model.sizeBytes)},
                                {QStringLiteral("digest"), model.digest},
                                {QStringLiteral("modified_at"), instant(model.modifiedAt)},
                                {QStringLiteral("expires_at"), instant(model.expiresAt)},
                                {QStringLiteral("size_vram"), optional(model.sizeVramBytes)},
                                {QStringLiteral("details"), QJsonObject{{QStringLiteral("parent_model"), d.parentModel},
                                                                        {QStringLiteral("format"), d.format},
                                                                        {QStringLiteral("family"), d.family},
                                                                        {QStringLiteral("families"), QJsonArray::fromStringList(d.families)},
                                                                        {QStringLiteral("parameter_size"), d.parameterSize},
                                                                        {QStringLiteral("quantization_level"), d.quantizationLevel}}}});
    }
    return {{QStringLiteral("models"), list}};
}

QJsonObject toJson(const OllamaVersion& version)
{
    return {{QStringLiteral("version"), version.text},
            {QStringLiteral("major"), version.major},
            {QStringLiteral("minor"), version.minor},
            {QStringLiteral("patch"), version.patch}};
}

QJsonObject toJson(const OpenAiChatCompletion& completion)
{
    QJsonValue usage(QJsonValue::Null);
    if (completion.usage)
        usage = QJsonObject{{QStringLiteral("prompt_tokens"), double(completion.usage->promptTokens)},
                            {QStringLiteral("completion_tokens"), double(completion.usage->completionTokens)},
                            {QStringLiteral("total_tokens"), double(completion.usage->totalTokens)}};
    return {{QStringLiteral("id"), textOrNull(completion.id)},
            {QStringLiteral("model"), completion.model},
            {QStringLiteral("created"), double(completion.created)},
            {QStringLiteral("content"), completion.content},
            {QStringLiteral("finish_reason"), textOrNull(completion.finishReason)},
            {QStringLiteral("system_fingerprint"), textOrNull(completion.systemFingerprint)},
            {QStringLiteral("usage"), usage}};
}

QJsonObject toJson(const QList<OpenAiModel>& models)
{
    QJsonArray list;
    for (const OpenAiModel& model : models)
        list.append(QJsonObject{{QStringLiteral("id"), model.id},
                                {QStringLiteral("owned_by"), textOrNull(model.ownedBy)},
                                {QStringLiteral("created"), double(model.created)}});
    return {{QStringLiteral("models"), list}};
}

} // namespace sentinel::advisor
