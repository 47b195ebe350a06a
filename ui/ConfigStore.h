// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "brokers/BrokerCheck.h"
#include "config/ConfigLoader.h"
#include "strategy/AdvisorCheckReport.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>
#include <utility>

namespace sentinel {

/// Appearance choices kept outside the YAML (they belong to this desktop, not to the engine).
struct UiPreferences {
    QString language; ///< "" follows the system locale; else "en", "de", "es"
    QString theme = QStringLiteral("system"); ///< "system", "light", "dark"
    bool alertSound = false;  ///< beep with new proposals and critical alerts
};

/// A secret to put in the OS keychain under the name its `${NAME}` reference uses.
struct SecretUpdate {
    QString variable;
    QString value;
};

/// Everything the settings dialog needs that involves I/O: reading and writing the configuration
/// file, the OS keychain and the stored preferences. The application implements it; the UI
/// library never touches a file or the keychain itself.
class ConfigStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigStore)
public:
    using QObject::QObject;
    ~ConfigStore() override = default;

    /// The YAML the running configuration came from (the embedded demo profile when there is no file).
    [[nodiscard]] virtual QByteArray currentYaml() const = 0;
    /// Where save() writes, shown in the dialog.
    [[nodiscard]] virtual QString location() const = 0;
    /// Resolves a `${NAME}` reference the way the application will at start-up.
    [[nodiscard]] virtual std::optional<QString> lookup(const QString& variable) const = 0;
    /// Whether the keychain already holds a secret under this name.
    [[nodiscard]] virtual bool inKeychain(const QString& variable) const = 0;
    [[nodiscard]] virtual bool keychainAvailable() const = 0;
    [[nodiscard]] virtual UiPreferences preferences() const = 0;
    /// The market and strategy names the running application knows, markets a user calendar file
    /// adds included, so the dialog accepts what the engine accepts. Default: the built-in names.
    [[nodiscard]] virtual KnownNames knownNames() const { return {}; }
    /// Checks `yaml` as the file at location() would be checked at start-up, against knownNames(),
    /// with `${NAME}` references resolved by `environment`. The default leaves out the checks that
    /// look at the file system (a missing calendars.file, a file others can read): the UI library
    /// does no file I/O, so a store that can answer them overrides this.
    [[nodiscard]] virtual ConfigLoadResult validate(const QByteArray& yaml, EnvironmentLookup environment) const
    {
        ConfigLoadOptions options;
        options.known = knownNames();
        options.environment = std::move(environment);
        options.fileChecks = FileChecks::Skip;
        return ConfigLoader(std::move(options)).loadText(yaml, location());
    }

    /// Stores `secrets` in the keychain, then writes `yaml` and the preferences. Asynchronous:
    /// finishes with saveFinished. `yaml` never holds a secret in clear, only `${NAME}` references.
    virtual void save(const QByteArray& yaml, const QList<SecretUpdate>& secrets, const UiPreferences& preferences) = 0;

    /// Runs the check `sentinel broker check` runs on `broker` ("oanda", "coinbase") with the
    /// settings in `yaml`, the secrets typed but not saved yet (`unsaved`) taking precedence over
    /// the environment and the keychain. Off the UI thread; finishes with brokerChecked. A store
    /// that cannot reach brokers says so.
    virtual void checkBroker(const QByteArray& yaml, const QList<SecretUpdate>& unsaved, const QString& broker)
    {
        Q_UNUSED(yaml);
        Q_UNUSED(unsaved);
        Q_EMIT brokerChecked(BrokerCheckOutcome{broker, std::nullopt,
                                                Error(QStringLiteral("unsupported"), QStringLiteral("this window cannot reach brokers"),
                                                      QStringLiteral("run sentinel broker check --config FILE")),
                                                false});
    }

    /// Runs the test `sentinel advisor test` runs on every model server of the `advisor:` section
    /// in `yaml`, with the secrets typed but not saved yet (`unsaved`) taking precedence over the
    /// environment and the keychain. Off the UI thread; finishes with advisorChecked. A store that
    /// cannot reach model servers says so.
    virtual void checkAdvisor(const QByteArray& yaml, const QList<SecretUpdate>& unsaved)
    {
        Q_UNUSED(yaml);
        Q_UNUSED(unsaved);
        AdvisorCheckReport report;
        report.blocker = Error(QStringLiteral("unsupported"), QStringLiteral("this window cannot reach model servers"),
                               QStringLiteral("run sentinel advisor test --config FILE"));
        Q_EMIT advisorChecked(report);
    }

Q_SIGNALS:
    void saveFinished(bool ok, const QString& message);
    void brokerChecked(const sentinel::BrokerCheckOutcome& outcome);
    /// One row per `advisor.providers` row, in order, or why the test did not run.
    void advisorChecked(const sentinel::AdvisorCheckReport& report);
};

} // namespace sentinel
