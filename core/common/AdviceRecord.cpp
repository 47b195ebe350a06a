// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/AdviceRecord.h"

#include <QJsonArray>

namespace sentinel {

namespace {

QJsonObject voteToJson(const AdvisorVote& vote)
{
    return {{QStringLiteral("provider"), vote.provider},     {QStringLiteral("model"), vote.model},
            {QStringLiteral("model_version"), vote.modelVersion}, {QStringLiteral("action"), vote.action},
            {QStringLiteral("confidence"), vote.confidence}, {QStringLiteral("weight"), vote.weight},
            {QStringLiteral("latency_ms"), vote.latencyMs},  {QStringLiteral("error"), vote.error},
            {QStringLiteral("answer"), vote.answer}};
}

bool allOfType(const QJsonObject& json, std::initializer_list<const char*> keys, QJsonValue::Type type)
{
    return std::all_of(keys.begin(), keys.end(),
                       [&json, type](const char* key) { return json.value(QLatin1String(key)).type() == type; });
}

std::optional<AdvisorVote> voteFromJson(const QJsonObject& json)
{
    if (!allOfType(json, {"provider", "model", "model_version", "action", "error", "answer"}, QJsonValue::String)
        || !allOfType(json, {"confidence", "weight", "latency_ms"}, QJsonValue::Double))
        return std::nullopt;
    AdvisorVote vote;
    vote.provider = json.value(u"provider").toString();
    vote.model = json.value(u"model").toString();
    vote.modelVersion = json.value(u"model_version").toString();
    vote.action = json.value(u"action").toString();
    vote.confidence = json.value(u"confidence").toDouble();
    vote.weight = json.value(u"weight").toDouble();
    vote.latencyMs = json.value(u"latency_ms").toInteger();
    vote.error = json.value(u"error").toString();
    vote.answer = json.value(u"answer").toString();
    return vote;
}

} // namespace

QJsonObject AdviceRecord::toJson() const
{
    QJsonArray voteList;
    for (const AdvisorVote& vote : votes)
        voteList.append(voteToJson(vote));
    return {{QStringLiteral("action"), action},
            {QStringLiteral("reason"), reason},
            {QStringLiteral("votes"), voteList},
            {QStringLiteral("fallback_decided"), fallbackDecided},
            {QStringLiteral("fallback"), fallback},
            {QStringLiteral("prompt_sha256"), promptSha256},
            {QStringLiteral("context_left_out"), QJsonArray::fromStringList(contextLeftOut)}};
}

std::optional<AdviceRecord> AdviceRecord::fromJson(const QJsonObject& json)
{
    if (!allOfType(json, {"action", "reason", "fallback", "prompt_sha256"}, QJsonValue::String)
        || !json.value(u"fallback_decided").isBool() || !json.value(u"votes").isArray()
        || !json.value(u"context_left_out").isArray())
        return std::nullopt;
    AdviceRecord record;
    record.action = json.value(u"action").toString();
    record.reason = json.value(u"reason").toString();
    record.fallbackDecided = json.value(u"fallback_decided").toBool();
    record.fallback = json.value(u"fallback").toString();
    record.promptSha256 = json.value(u"prompt_sha256").toString();
    const QJsonArray voteList = json.value(u"votes").toArray();
    for (const QJsonValue value : voteList) {
        auto vote = voteFromJson(value.toObject());
        if (!value.isObject() || !vote)
            return std::nullopt;
        record.votes << *vote;
    }
    const QJsonArray leftOut = json.value(u"context_left_out").toArray();
    for (const QJsonValue value : leftOut) {
        if (!value.isString())
            return std::nullopt;
        record.contextLeftOut << value.toString();
    }
    return record;
}

} // namespace sentinel
