// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/Issue.h"
#include "config/Config.h"

#include <QByteArray>
#include <QStringList>

#include <functional>
#include <optional>

namespace sentinel {

/// Names chosen from fixed registries that live in modules above config (calendars,
/// strategies). The caller passes what its registries hold; the defaults are the built-ins.
struct KnownNames {
    QStringList markets{QStringLiteral("XNYS"), QStringLiteral("XNAS"), QStringLiteral("FX"), QStringLiteral("CRYPTO")};
    QStringList strategies{QStringLiteral("sma_cross"), QStringLiteral("rsi_reversion"), QStringLiteral("llm_advisor")};
};

/// Looks up `${NAME}` references. Default: the process environment.
using EnvironmentLookup = std::function<std::optional<QString>(const QString& name)>;

/// The remedy given for a required `${NAME}` that the lookup could not resolve. Empty: the generic
/// one ("export NAME before starting, or store the secret in the OS keychain"). The CLI passes one
/// that says whether the OS keychain was reachable (docs/adr/0123).
using MissingSecretRemedy = std::function<QString(const QString& name)>;

/// Whether loading may look at the file system beyond reading the file itself: whether
/// `calendars.file` can be read, and whether the configuration file is readable by others (a
/// secret in clear is then a warning).
enum class FileChecks { Run, Skip };

struct ConfigLoadOptions {
    KnownNames known;
    EnvironmentLookup environment; ///< empty: qEnvironmentVariable
    MissingSecretRemedy missingSecretRemedy; ///< empty: the generic remedy
    FileChecks fileChecks = FileChecks::Run; ///< Skip: for the UI library, which does no file I/O itself
    /// When set, replaces `known` with the names valid under the configuration's own
    /// `calendars.file` (given resolved, empty when there is none), asked once per load before
    /// the schema is read.
    std::function<KnownNames(const QString& calendarsFile)> knownNamesFor;
};

/// The typed configuration plus every problem found, each with its key path and a remedy.
/// `config` holds defaults where a value was missing or invalid; it is only safe to run with
/// when hasErrors(issues) is false.
struct ConfigLoadResult {
    Config config;
    Issues issues;
    KnownNames known; ///< the market and strategy names the file was checked against
    [[nodiscard]] bool ok() const { return !hasErrors(issues); }
};

/// Loads and validates configuration. Reports every problem at once rather than stopping at
/// the first: unknown keys (with a suggestion), wrong types, bad durations, out-of-range values,
/// unknown markets, intervals and strategies, missing secrets, and secrets written in clear in a
/// file that group or others can read.
class ConfigLoader final
{
public:
    explicit ConfigLoader(ConfigLoadOptions options = {});

    [[nodiscard]] ConfigLoadResult loadFile(const QString& path) const;
    [[nodiscard]] ConfigLoadResult loadText(const QByteArray& yaml, const QString& sourceName = {}) const;
    /// The embedded demo profile (simulated feed, paper account).
    [[nodiscard]] ConfigLoadResult loadDemoProfile() const;
    /// `--config` if given, else the platform config file if it exists, else the demo profile.
    [[nodiscard]] ConfigLoadResult loadDefault(const QString& explicitPath) const;

    /// The file loadDefault() reads: `explicitPath`, else the platform file if it exists; empty
    /// for the embedded demo profile.
    [[nodiscard]] static QString defaultPath(const QString& explicitPath);
    /// <AppConfigLocation>/config.yaml
    [[nodiscard]] static QString platformConfigPath();

private:
    ConfigLoadOptions m_options;
};

} // namespace sentinel
