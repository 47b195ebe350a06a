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

    friend bool operator==(const ConfigDraft&, const ConfigDraft&) = default;
};

} // namespace sentinel
