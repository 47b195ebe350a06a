// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"
#include "config/Config.h"

#include <QList>
#include <QString>

namespace sentinel {

/// A secret as the settings dialog edits it: a reference to an environment variable, or a value
/// kept in the OS keychain under `variable`. Either way the file only ever holds `${variable}`.
struct SecretField {
    enum class Storage { Environment, Keychain };
    Storage storage = Storage::Environment;
    QString variable;
    QString value; ///< keychain only: a new value; empty keeps what the keychain holds

    friend bool operator==(const SecretField&, const SecretField&) = default;
};

/// The variable an advisor row's api key is kept under when the file names none: ADVISOR_API_KEY
/// for the first row, ADVISOR_API_KEY_2 for the second, and so on.
[[nodiscard]] inline QString defaultAdvisorKeyVariable(qsizetype row)
{
    return row == 0 ? QStringLiteral("ADVISOR_API_KEY") : QStringLiteral("ADVISOR_API_KEY_%1").arg(row + 1);
}

/// One `advisor.providers` row as the Settings dialog's Advisor page edits it, as written (a row
/// the loader refuses stays, shown with its issue, instead of vanishing on the next save).
struct ModelServerDraft {
    ModelServerKind kind = ModelServerKind::Ollama;
    QString baseUrl = QStringLiteral("http://127.0.0.1:11434");
    QString model;
    double weight = 1;
    qint64 timeoutS = 20;
    /// OpenAI-compatible servers only, written while its variable is named; an empty variable
    /// (the default) writes no key.
    SecretField apiKey;

    friend bool operator==(const ModelServerDraft&, const ModelServerDraft&) = default;
};

/// The common part of the configuration that the settings dialog edits; ConfigWriter reads it
/// from a YAML file and writes it back into one.
struct ConfigDraft {
    TradingMode mode = TradingMode::Approval;
    bool autonomousEnabled = false;
    QList<Instrument> watchlist;
    bool telegramEnabled = false;
    QString telegramChatId;
    SecretField telegramToken;
    bool webhookEnabled = false;
    QString webhookUrl;
    SecretField webhookSecret;
    double varConfidence = 0.95;
    double maxVarPct = 0.05;
    double maxPositionPct = 0.05;
    double maxDrawdownPct = 0.05;
    int maxTradesPerDay = 20;
    qint64 approvalTimeoutS = 300;
    /// Brokers (issue 14): where orders go, and the `oanda:` and `coinbase:` sections, each
    /// written only while enabled (disabling one removes its section from the file).
    QString platform = QStringLiteral("paper"); ///< "paper", "oanda" or "coinbase"
    bool oandaEnabled = false;
    BrokerEnvironment oandaEnvironment = BrokerEnvironment::Practice;
    bool oandaAllowLive = false;
    QString oandaAccountId;
    SecretField oandaToken{SecretField::Storage::Environment, QStringLiteral("OANDA_TOKEN"), {}};
    bool coinbaseEnabled = false;
    bool coinbaseAllowLive = false;
    SecretField coinbaseKeyName{SecretField::Storage::Environment, QStringLiteral("COINBASE_KEY_NAME"), {}};
    SecretField coinbasePrivateKey{SecretField::Storage::Environment, QStringLiteral("COINBASE_PRIVATE_KEY"), {}};
    /// The advisor (issue 15): `strategy.name`, and the `advisor:` section's providers, fallback and
    /// fallback weight; its other keys (history_bars, max_concurrent, health_interval_s) are kept.
    QString strategyName = QStringLiteral("sma_cross");
    QList<ModelServerDraft> advisorProviders;
    QString advisorFallback = QStringLiteral("sma_cross");
    double advisorFallbackWeight = 0;

    friend bool operator==(const ConfigDraft&, const ConfigDraft&) = default;
};

} // namespace sentinel
