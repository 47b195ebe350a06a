// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "advisor/Advice.h"
#include "advisor/ProviderKind.h"
#include "common/Error.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>

namespace sentinel::advisor {

/// What the advisor asks: a system instruction and the market context, both plain text. The
/// provider adds the answer schema (AdviceSchema.h) and asks for a deterministic answer.
struct AdviceRequest {
    QString system;
    QString user;
};

/// The outcome of one advice request. `advice` is the validated advice or why there is none
/// (a transport, server or invalid-output error; effectiveAction() makes any error hold).
struct AdviceOutcome {
    Result<Advice> advice;
    /// Of the request: from sending to having the whole answer (network and model time, which the
    /// advisor does not spend); 0 when none was sent. Microseconds: a local model can answer in one.
    std::chrono::microseconds latency{0};
    /// The model that answered as the server names it, with what identifies its build where the
    /// server says (Ollama: the digest's first 12 digits; OpenAI: system_fingerprint).
    QString modelVersion;
};

/// How one provider's requests used its connection: every request not needing a new TCP
/// connection reused the kept-alive one.
struct ConnectionUse {
    qint64 requests = 0;
    qint64 connectionsOpened = 0;
};

/// Whether a server answers and has the configured model.
struct ProviderHealth {
    QString serverVersion; ///< Ollama's /api/version; empty for OpenAI-compatible servers
    bool modelPresent = false;
    std::chrono::milliseconds latency{0};
};

/// A model server the advisor may ask for advice: it proposes, it never executes (issue 15).
/// Every call answers exactly once through its callback, on the provider's thread, and never
/// blocks. Implementations: OllamaProvider, OpenAiCompatibleProvider.
class LlmProvider : public QObject
{
    Q_OBJECT
public:
    using HealthCallback = std::function<void(Result<ProviderHealth>)>;
    using ModelsCallback = std::function<void(Result<QStringList>)>;
    using AdviceCallback = std::function<void(AdviceOutcome)>;

    using QObject::QObject;
    ~LlmProvider() override = default;

    [[nodiscard]] virtual ProviderKind kind() const = 0;
    /// The model as it is sent ("llama3.2:latest").
    [[nodiscard]] virtual QString model() const = 0;
    /// The server, as configured (no user info; checkBaseUrl refuses it).
    [[nodiscard]] virtual QUrl baseUrl() const = 0;
    [[nodiscard]] virtual ConnectionUse connectionUse() const = 0;

    /// Reachable (an error if not), its version where it has one, and whether the model is there.
    virtual void checkHealth(HealthCallback done) = 0;
    /// The names of the models the server offers.
    virtual void listModels(ModelsCallback done) = 0;
    /// Asks the model, with the answer schema, for one advice.
    virtual void advise(const AdviceRequest& request, AdviceCallback done) = 0;
};

} // namespace sentinel::advisor
