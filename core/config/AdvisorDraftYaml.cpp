// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/AdvisorDraftYaml.h"

#include "config/DraftYaml.h"
#include "config/SecretReference.h"

namespace sentinel {

namespace {

using namespace draftyaml;

const QString kOpenAi = QStringLiteral("openai");

ModelServerDraft readRow(const YAML::Node& item, qsizetype index)
{
    ModelServerDraft row;
    row.kind = givenText(item, "kind") == kOpenAi ? ModelServerKind::OpenAiCompatible : ModelServerKind::Ollama;
    row.baseUrl = givenText(item, "base_url").value_or(row.baseUrl);
    row.model = givenText(item, "model").value_or(QString());
    bool ok = false;
    if (const double weight = givenText(item, "weight").value_or(QString()).toDouble(&ok); ok)
        row.weight = weight;
    if (const qint64 timeout = givenText(item, "timeout_s").value_or(QString()).toLongLong(&ok); ok)
        row.timeoutS = timeout;
    if (item["api_key"].IsDefined())
        row.apiKey = readSecret(item["api_key"], defaultAdvisorKeyVariable(index));
    return row;
}

YAML::Node rowNode(const ModelServerDraft& row)
{
    YAML::Node item(YAML::NodeType::Map);
    item["kind"] = utf8(modelServerKindName(row.kind));
    item["base_url"] = utf8(row.baseUrl);
    item["model"] = utf8(row.model);
    item["weight"] = number(row.weight);
    item["timeout_s"] = row.timeoutS;
    if (row.kind == ModelServerKind::OpenAiCompatible && !row.apiKey.variable.isEmpty())
        item["api_key"] = utf8(secretReference(row.apiKey.variable));
    // One server per line, as people write them by hand.
    item.SetStyle(YAML::EmitterStyle::Flow);
    return item;
}

} // namespace

void readAdvisorDraft(const YAML::Node& root, const Config& config, ConfigDraft& draft)
{
    draft.strategyName = config.strategyName;
    if (root["strategy"].IsDefined() && root["strategy"].IsMap()) {
        if (const auto name = givenText(root["strategy"], "name"); name && !name->isEmpty())
            draft.strategyName = *name;
    }
    draft.advisorFallback = config.advisor.fallback;
    draft.advisorFallbackWeight = config.advisor.fallbackWeight;
    const YAML::Node advisor = root["advisor"];
    if (!advisor.IsDefined() || !advisor.IsMap())
        return;
    if (const auto fallback = givenText(advisor, "fallback"); fallback && !fallback->isEmpty())
        draft.advisorFallback = *fallback;
    const YAML::Node providers = advisor["providers"];
    if (!providers.IsDefined() || !providers.IsSequence())
        return;
    for (const YAML::Node& item : providers) {
        if (item.IsMap()) // anything else is not representable as a row; the loader reported it
            draft.advisorProviders.append(readRow(item, draft.advisorProviders.size()));
    }
}

void writeAdvisorDraft(YAML::Node& root, const ConfigDraft& draft)
{
    const ConfigDraft defaults;
    if (root["strategy"].IsDefined() || draft.strategyName != defaults.strategyName)
        mapAt(root, "strategy")["name"] = utf8(draft.strategyName);
    const bool asDefault = draft.advisorProviders.isEmpty() && draft.advisorFallback == defaults.advisorFallback
                           && draft.advisorFallbackWeight == defaults.advisorFallbackWeight;
    if (!root["advisor"].IsDefined() && asDefault)
        return;
    YAML::Node advisor = mapAt(root, "advisor");
    YAML::Node providers(YAML::NodeType::Sequence);
    for (const ModelServerDraft& row : draft.advisorProviders)
        providers.push_back(rowNode(row));
    advisor["providers"] = providers;
    advisor["fallback"] = utf8(draft.advisorFallback);
    advisor["fallback_weight"] = number(draft.advisorFallbackWeight);
}

} // namespace sentinel
