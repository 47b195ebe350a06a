// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "QtKeychainBackend.h"
#include "brokers/BrokerCheckThread.h"
#include "strategy/AdvisorCheckThread.h"
#include "ui/ConfigStore.h"

#include <QHash>
#include <QSet>

#include <functional>

namespace sentinel {

/// The GUI's ConfigStore: the YAML file (written atomically, mode 0600), the OS keychain (service
/// "trade-sentinel", one entry per `${NAME}`; read through sentinel_keychain, as the CLI reads it,
/// and written through QtKeychain), and the appearance preferences in QSettings. Keychain jobs are
/// asynchronous; nothing here blocks the UI thread.
class AppConfigStore final : public ConfigStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppConfigStore)
public:
    /// `path`: where to save (the --config file or the platform config path); `currentYaml`: the
    /// text the running configuration came from.
    AppConfigStore(QString path, QByteArray currentYaml, QObject* parent = nullptr);

    /// Reads the keychain entries for the `${NAME}` references in the current YAML that the
    /// environment does not provide, then calls `done` (also when the keychain is unavailable).
    void preload(std::function<void()> done);

    [[nodiscard]] QByteArray currentYaml() const override { return m_yaml; }
    [[nodiscard]] QString location() const override { return m_path; }
    [[nodiscard]] std::optional<QString> lookup(const QString& variable) const override;
    [[nodiscard]] bool inKeychain(const QString& variable) const override { return m_keychain.contains(variable); }
    [[nodiscard]] bool keychainAvailable() const override { return m_keychainAvailable; }
    [[nodiscard]] UiPreferences preferences() const override;
    [[nodiscard]] KnownNames knownNames() const override { return m_knownNames; }
    /// The names of the registries the running configuration was checked against.
    void setKnownNames(KnownNames names) { m_knownNames = std::move(names); }
    /// Every check of ConfigLoader, those that look at the file system included.
    [[nodiscard]] ConfigLoadResult validate(const QByteArray& yaml, EnvironmentLookup environment) const override;
    void save(const QByteArray& yaml, const QList<SecretUpdate>& secrets, const UiPreferences& preferences) override;
    /// Checks on the broker-check thread, with the file's issues in the broker's own sections
    /// answered at once, as `sentinel broker check` answers them.
    void checkBroker(const QByteArray& yaml, const QList<SecretUpdate>& unsaved, const QString& broker) override;
    /// Tests on the advisor-check thread, with the file's issues in `advisor:` answered at once, as
    /// `sentinel advisor test` answers them.
    void checkAdvisor(const QByteArray& yaml, const QList<SecretUpdate>& unsaved) override;

    static UiPreferences storedPreferences();
    static void storePreferences(const UiPreferences& preferences);

private:
    void finishSave();
    /// `yaml` checked as validate() checks it, the typed but unsaved secrets looked up first.
    [[nodiscard]] ConfigLoadResult loadWithUnsaved(const QByteArray& yaml, const QList<SecretUpdate>& unsaved) const;

    keychain::QtKeychainBackend m_keychainBackend;
    BrokerCheckThread m_checks;
    AdvisorCheckThread m_advisorChecks;
    QString m_path;
    KnownNames m_knownNames;
    QByteArray m_yaml;
    QHash<QString, QString> m_keychain;
    bool m_keychainAvailable = true;

    struct PendingSave {
        QByteArray yaml;
        UiPreferences preferences;
        int outstanding = 0;
        QStringList errors;
    };
    PendingSave m_pending;
};

} // namespace sentinel
