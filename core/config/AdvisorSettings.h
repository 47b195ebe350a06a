// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Secret.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>

namespace sentinel {

/// How a model server is spoken to: Ollama's native API or any OpenAI-compatible server
/// (llama.cpp's server, vLLM, LM Studio).
enum class ModelServerKind { Ollama, OpenAiCompatible };

/// One row of `advisor.providers`.
struct ModelServerSettings {
    ModelServerKind kind = ModelServerKind::Ollama;
    QUrl baseUrl{QStringLiteral("http://127.0.0.1:11434")}; ///< https, or http to a loopback host only
    QString model;        ///< as written; for Ollama no tag means :latest
    double weight = 1;    ///< its share of the ensemble's vote
    std::chrono::seconds timeout{20}; ///< one request, from sending it to the whole answer
    Secret apiKey;        ///< OpenAI-compatible servers only, sent as a bearer token

    friend bool operator==(const ModelServerSettings&, const ModelServerSettings&) = default;
};

/// The `advisor:` section, used when `strategy.name` is llm_advisor (issue 15). The advisor only
/// proposes: every proposal passes the freshness gate, the risk gate and the operator.
struct AdvisorSettings {
    QList<ModelServerSettings> providers;
    /// The rule strategy that decides when no model answers in time (sma_cross, rsi_reversion).
    QString fallback = QStringLiteral("sma_cross");
    /// The fallback's share of the vote when models answer; 0: it decides only when none does.
    double fallbackWeight = 0;
    int historyBars = 30;   ///< closed bars the prompt lists
    int maxConcurrent = 2;  ///< requests in flight at once, across all providers
    std::chrono::seconds healthInterval{30}; ///< a server that goes down is held back within this

    friend bool operator==(const AdvisorSettings&, const AdvisorSettings&) = default;
};

[[nodiscard]] inline QString modelServerKindName(ModelServerKind kind)
{
    return kind == ModelServerKind::Ollama ? QStringLiteral("ollama") : QStringLiteral("openai");
}

} // namespace sentinel
