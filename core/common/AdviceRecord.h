// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sentinel {

/// One model server's part in an advised decision, as the operator and the journal see it.
struct AdvisorVote {
    QString provider;     ///< "ollama llama3.2:latest at http://127.0.0.1:11434"
    QString model;        ///< as sent ("llama3.2:latest")
    QString modelVersion; ///< what the server says identifies the build (digest prefix, fingerprint)
    QString action;       ///< "buy", "sell" or "hold"; empty when it did not vote
    double confidence = 0;
    double weight = 0;
    qint64 latencyMs = 0;
    QString error;        ///< the error kind when the answer was not valid advice ("advisor_invalid_output")
    QString answer;       ///< the validated advice as compact JSON, or the error's message

    [[nodiscard]] bool voted() const { return !action.isEmpty(); }
    friend bool operator==(const AdvisorVote&, const AdvisorVote&) = default;
};

/// What the LLM advisor contributed to a signal (issue 15): its reason, every provider's vote
/// and latency, whether the rule fallback decided, and what the prompt carried. Plain strings
/// and numbers, so the trading, journal and UI layers need none of the advisor's types.
struct AdviceRecord {
    QString action;      ///< the ensemble's decision: "buy", "sell" or "hold"
    QString reason;      ///< shown to the operator
    QList<AdvisorVote> votes;
    bool fallbackDecided = false; ///< no model answered in time: the rule strategy decided
    QString fallback;    ///< the rule strategy's name
    QString promptSha256; ///< hex digest of the exact prompt sent
    QStringList contextLeftOut; ///< "sentiment: no Alpha Vantage key configured"

    [[nodiscard]] QJsonObject toJson() const;
    /// Nothing when `json` is not a record this version wrote.
    [[nodiscard]] static std::optional<AdviceRecord> fromJson(const QJsonObject& json);
    friend bool operator==(const AdviceRecord&, const AdviceRecord&) = default;
};

} // namespace sentinel
