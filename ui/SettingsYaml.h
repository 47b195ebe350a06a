// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Instrument.h"
#include "config/Config.h"

#include <QByteArray>
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
};

/// The common configuration the settings dialog edits.
struct SettingsDraft {
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
};

/// Reads and writes the dialog's part of a YAML configuration, leaving every other key as it was.
class SettingsYaml final
{
public:
    /// The draft for `yaml`, with values from the already validated `config` and the secrets'
    /// storage from the YAML text (a `${NAME}` reference, or a value in clear to move to the keychain).
    [[nodiscard]] static SettingsDraft read(const QByteArray& yaml, const Config& config);
    /// `base` with the draft's keys replaced. Secrets are written as `${NAME}` references only.
    [[nodiscard]] static QByteArray render(const QByteArray& base, const SettingsDraft& draft);
    [[nodiscard]] static QString modeName(TradingMode mode);
};

} // namespace sentinel
