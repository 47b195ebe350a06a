// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppConfigStore.h"

#include "common/Log.h"
#include "config/SecretReference.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>

#include <qt6keychain/keychain.h>

#include <chrono>
#include <utility>

namespace sentinel {

namespace {
/// A keychain that never answers (a locked or hung secret service) must not keep the app from starting.
constexpr std::chrono::milliseconds keychainTimeout{3000};
} // namespace

AppConfigStore::AppConfigStore(QString path, QByteArray currentYaml, QObject* parent)
    : ConfigStore(parent), m_path(std::move(path)), m_yaml(std::move(currentYaml))
{
    connect(&m_checks, &BrokerCheckThread::finished, this, &ConfigStore::brokerChecked);
    connect(&m_advisorChecks, &AdvisorCheckThread::finished, this, &ConfigStore::advisorChecked);
}

void AppConfigStore::preload(std::function<void()> done)
{
    keychain::Request request;
    request.references = secretReferenceNames(m_yaml);
    request.environment = keychain::processEnvironment();
    request.timeout = keychainTimeout;
    keychain::readSecrets(request, m_keychainBackend, this, [this, done = std::move(done)](const keychain::Secrets& secrets) {
        m_keychain = secrets.values;
        for (auto error = secrets.errors.cbegin(); error != secrets.errors.cend(); ++error)
            log::config()->warn("keychain: cannot read {}: {}", error.key(), error.value());
        if (secrets.reach == keychain::Reach::NoAnswer)
            log::config()->warn("keychain did not answer within {} ms; starting with the environment only",
                                keychainTimeout.count());
        if (secrets.reach == keychain::Reach::Unreachable || secrets.reach == keychain::Reach::NoAnswer)
            m_keychainAvailable = false;
        done();
    });
}

std::optional<QString> AppConfigStore::lookup(const QString& variable) const
{
    if (auto exported = keychain::processEnvironment()(variable))
        return exported;
    const auto found = m_keychain.constFind(variable);
    if (found != m_keychain.cend())
        return *found;
    return std::nullopt;
}

ConfigLoadResult AppConfigStore::validate(const QByteArray& yaml, EnvironmentLookup environment) const
{
    ConfigLoadOptions options;
    options.known = m_knownNames;
    options.environment = std::move(environment);
    // As at start-up: a calendars.file that cannot be read stops a save here too.
    options.fileChecks = FileChecks::Run;
    return ConfigLoader(std::move(options)).loadText(yaml, m_path);
}

ConfigLoadResult AppConfigStore::loadWithUnsaved(const QByteArray& yaml, const QList<SecretUpdate>& unsaved) const
{
    QHash<QString, QString> typed;
    for (const SecretUpdate& secret : unsaved)
        typed.insert(secret.variable, secret.value);
    return validate(yaml, [this, typed](const QString& name) -> std::optional<QString> {
        const auto found = typed.constFind(name);
        return found != typed.cend() ? std::optional<QString>(*found) : lookup(name);
    });
}

void AppConfigStore::checkBroker(const QByteArray& yaml, const QList<SecretUpdate>& unsaved, const QString& broker)
{
    const ConfigLoadResult loaded = loadWithUnsaved(yaml, unsaved);
    for (const Issue& issue : loaded.issues) {
        if (blocksBrokerCheck(issue)) {
            Q_EMIT brokerChecked(BrokerCheckOutcome{broker, std::nullopt,
                                                    Error(QStringLiteral("invalid_config"), issue.toString()), true});
            return;
        }
    }
    m_checks.check(loaded.config, broker);
}

void AppConfigStore::checkAdvisor(const QByteArray& yaml, const QList<SecretUpdate>& unsaved)
{
    const ConfigLoadResult loaded = loadWithUnsaved(yaml, unsaved);
    AdvisorCheckReport refused;
    for (const Issue& issue : loaded.issues) {
        if (blocksAdvisorCheck(issue)) {
            refused.blocker = Error(QStringLiteral("invalid_config"), issue.toString());
            break;
        }
    }
    if (!refused.blocker)
        refused.blocker = advisorCheckBlocker(loaded.config.advisor);
    if (refused.blocker) {
        Q_EMIT advisorChecked(refused);
        return;
    }
    m_advisorChecks.check(loaded.config.advisor);
}

UiPreferences AppConfigStore::storedPreferences()
{
    QSettings settings;
    UiPreferences preferences;
    preferences.language = settings.value(QStringLiteral("ui/language")).toString();
    preferences.theme = settings.value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString();
    preferences.alertSound = settings.value(QStringLiteral("ui/alert_sound"), false).toBool();
    return preferences;
}

void AppConfigStore::storePreferences(const UiPreferences& preferences)
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/language"), preferences.language);
    settings.setValue(QStringLiteral("ui/theme"), preferences.theme);
    settings.setValue(QStringLiteral("ui/alert_sound"), preferences.alertSound);
}

UiPreferences AppConfigStore::preferences() const
{
    return storedPreferences();
}

void AppConfigStore::save(const QByteArray& yaml, const QList<SecretUpdate>& secrets, const UiPreferences& preferences)
{
    m_pending = {yaml, preferences, int(secrets.size()), {}};
    if (secrets.isEmpty()) {
        finishSave();
        return;
    }
    for (const SecretUpdate& secret : secrets) {
        auto* job = new QKeychain::WritePasswordJob(keychain::serviceName(), this);
        job->setKey(secret.variable);
        job->setTextData(secret.value);
        connect(job, &QKeychain::Job::finished, this, [this, job, secret] {
            if (job->error() == QKeychain::NoError)
                m_keychain.insert(secret.variable, secret.value);
            else
                m_pending.errors << tr("the keychain did not store %1: %2").arg(secret.variable, job->errorString());
            if (--m_pending.outstanding == 0)
                finishSave();
        });
        job->start();
    }
}

void AppConfigStore::finishSave()
{
    // The file refers to the keychain; writing it when a secret did not land there would leave a
    // configuration that cannot start.
    if (!m_pending.errors.isEmpty()) {
        Q_EMIT saveFinished(false, m_pending.errors.join(QStringLiteral("; ")));
        return;
    }
    storePreferences(m_pending.preferences);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        Q_EMIT saveFinished(false, tr("cannot write %1: %2").arg(m_path, file.errorString()));
        return;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(m_pending.yaml);
    if (!file.commit()) {
        Q_EMIT saveFinished(false, tr("cannot write %1: %2").arg(m_path, file.errorString()));
        return;
    }
    m_yaml = m_pending.yaml;
    log::config()->info("configuration saved to {}", m_path);
    Q_EMIT saveFinished(true, QString());
}

} // namespace sentinel
