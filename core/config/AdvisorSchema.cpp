// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/AdvisorSchema.h"

#include "common/Excerpt.h"

#include <QSet>

namespace sentinel {

namespace {

const QString kAdvisorStrategy = QStringLiteral("llm_advisor");

void readProvider(SchemaReader& reader, const YAML::Node& item, const QString& path, ModelServerSettings& server)
{
    if (!reader.checkMap(item, path, {"kind", "base_url", "model", "weight", "timeout_s", "api_key"})) {
        if (item.IsNull())
            reader.error(path, item, QStringLiteral("is empty"), QStringLiteral("give kind, base_url and model"));
        return;
    }
    reader.readChoice(item, path, "kind", server.kind,
                      {{"ollama", ModelServerKind::Ollama}, {"openai", ModelServerKind::OpenAiCompatible}});
    reader.readUrl(item, path, "base_url", server.baseUrl);
    reader.readString(item, path, "model", server.model);
    reader.readDouble(item, path, "weight", server.weight, 0, 100, true);
    reader.readSeconds(item, path, "timeout_s", server.timeout, 600);
    if (item["api_key"].IsDefined() && server.kind == ModelServerKind::Ollama) {
        reader.error(path + u".api_key", item["api_key"], QStringLiteral("Ollama's API takes no key"),
                     QStringLiteral("remove api_key, or set kind: openai for an OpenAI-compatible server"));
        return;
    }
    reader.readSecret(item, path, "api_key", server.apiKey, false, QStringLiteral("ADVISOR_API_KEY"));
}

void readProviders(SchemaReader& reader, const YAML::Node& node, bool inUse, AdvisorSettings& advisor)
{
    const QString path = QStringLiteral("advisor.providers");
    const QString example = QStringLiteral(
        "list a model server, e.g. - {kind: ollama, base_url: \"http://127.0.0.1:11434\", model: \"llama3.2\"}");
    if (!node.IsDefined() || node.IsNull() || (node.IsSequence() && node.size() == 0)) {
        if (inUse)
            reader.error(path, node, QStringLiteral("is missing or empty, but strategy.name is llm_advisor"), example);
        return;
    }
    if (!node.IsSequence()) {
        reader.error(path, node, QStringLiteral("must be a list of model servers"), example);
        return;
    }
    QSet<QString> seen;
    for (std::size_t i = 0; i < node.size(); ++i) {
        const QString rowPath = QStringLiteral("%1[%2]").arg(path).arg(i);
        ModelServerSettings server;
        readProvider(reader, node[i], rowPath, server);
        if (inUse && server.model.trimmed().isEmpty()) {
            reader.error(rowPath + u".model", node[i], QStringLiteral("is missing or empty"),
                         QStringLiteral("name the model the server runs, e.g. model: \"llama3.2\" (see `ollama list`)"));
        }
        const QString identity = server.baseUrl.toString() + u' ' + server.model;
        if (seen.contains(identity)) {
            reader.error(rowPath, node[i], QStringLiteral("asks the same server for the same model as an earlier row"),
                         QStringLiteral("remove the duplicate, or give it another model"));
            continue;
        }
        seen.insert(identity);
        advisor.providers << server;
    }
}

void readFallback(SchemaReader& reader, const YAML::Node& advisorNode, const KnownNames& known, AdvisorSettings& advisor)
{
    QString name;
    if (!reader.readString(advisorNode, QStringLiteral("advisor"), "fallback", name))
        return;
    QStringList rules = known.strategies;
    rules.removeAll(kAdvisorStrategy);
    if (rules.contains(name)) {
        advisor.fallback = name;
        return;
    }
    reader.error(QStringLiteral("advisor.fallback"), advisorNode["fallback"],
                 QStringLiteral("'%1' is not a rule strategy").arg(excerpt(name)),
                 QStringLiteral("use one of: %1").arg(rules.join(u", ")));
}

} // namespace

void readAdvisor(SchemaReader& reader, const YAML::Node& root, const KnownNames& known, Config& config)
{
    const YAML::Node advisorNode = root["advisor"];
    const QString path = QStringLiteral("advisor");
    const bool inUse = config.strategyName == kAdvisorStrategy;
    if (!advisorNode.IsDefined() || advisorNode.IsNull()) {
        if (inUse)
            reader.error(path, advisorNode, QStringLiteral("is missing, but strategy.name is llm_advisor"),
                         QStringLiteral("add advisor: {providers: [{kind: ollama, base_url: \"http://127.0.0.1:11434\", "
                                        "model: \"llama3.2\"}]}"));
        return;
    }
    if (!reader.checkMap(advisorNode, path,
                         {"providers", "fallback", "fallback_weight", "history_bars", "max_concurrent",
                          "health_interval_s"}))
        return;
    AdvisorSettings& advisor = config.advisor;
    readProviders(reader, advisorNode["providers"], inUse, advisor);
    readFallback(reader, advisorNode, known, advisor);
    reader.readDouble(advisorNode, path, "fallback_weight", advisor.fallbackWeight, 0, 100);
    // Fewer bars than the slowest indicator (SMA 30) leave the model guessing; a prompt past a
    // few hundred bars costs model time and context for little.
    reader.readInt(advisorNode, path, "history_bars", advisor.historyBars, 10, 500);
    reader.readInt(advisorNode, path, "max_concurrent", advisor.maxConcurrent, 1, 16);
    // Each health check has a 5 s deadline inside the interval (ADR 0128).
    reader.readSeconds(advisorNode, path, "health_interval_s", advisor.healthInterval, 3600);
    if (advisor.healthInterval < std::chrono::seconds(10)) {
        reader.error(QStringLiteral("advisor.health_interval_s"), advisorNode["health_interval_s"],
                     QStringLiteral("must be at least 10 s: each check may take 5 s"),
                     QStringLiteral("use 10 or more (30 by default)"));
    }
}

} // namespace sentinel
