// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppConfigStore.h"

#include "common/Log.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace sentinel {

namespace {
const QString keychainService = QStringLiteral("trade-sentinel");
/// A keychain that never answers (a locked or hung secret service) must not keep the app from starting.
constexpr int keychainTimeoutMs = 3000;
} // namespace

AppConfigStore::AppConfigStore(QString path, QByteArray currentYaml, QObject* parent)
    : ConfigStore(parent), m_path(std::move(path)), m_yaml(std::move(currentYaml))
{
}

QStringList AppConfigStore::referencedVariables(const QByteArray& yaml)
{
    static const QRegularExpression reference(QStringLiteral(R"(\$\{([A-Za-z_][A-Za-z0-9_]*)\})"));
    QStringList names;
    auto it = reference.globalMatch(QString::fromUtf8(yaml));
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names << name;
    }
    return names;
}

void AppConfigStore::preload(std::function<void()> done)
{
    QStringList wanted;
    for (const QString& name : referencedVariables(m_yaml)) {
        if (!qEnvironmentVariableIsSet(qPrintable(name)))
            wanted << name;
    }
    if (wanted.isEmpty()) {
        done();
        return;
    }
    // Shared between the jobs and the timeout; whichever comes last calls `done` once.
    struct State {
        int outstanding = 0;
        bool finished = false;
        std::function<void()> done;
    };
    auto state = std::make_shared<State>();
    state->outstanding = int(wanted.size());
    state->done = std::move(done);
    const auto finish = [state] {
        if (state->finished)
            return;
        state->finished = true;
        state->done();
    };
    for (const QString& name : std::as_const(wanted)) {
        auto* job = new QKeychain::ReadPasswordJob(keychainService, this);
        job->setKey(name);
        connect(job, &QKeychain::Job::finished, this, [this, job, name, state, finish] {
            if (job->error() == QKeychain::NoError)
                m_keychain.insert(name, job->textData());
            else if (job->error() == QKeychain::NoBackendAvailable || job->error() == QKeychain::NotImplemented)
                m_keychainAvailable = false;
            else if (job->error() != QKeychain::EntryNotFound)
                log::config()->warn("keychain: cannot read {}: {}", name, job->errorString());
            if (--state->outstanding == 0)
                finish();
        });
        job->start();
    }
    QTimer::singleShot(keychainTimeoutMs, this, [this, finish, state] {
        if (!state->finished) {
            log::config()->warn("keychain did not answer within {} ms; starting with the environment only", keychainTimeoutMs);
            m_keychainAvailable = false;
        }
        finish();
    });
}

std::optional<QString> AppConfigStore::lookup(const QString& variable) const
{
    if (qEnvironmentVariableIsSet(qPrintable(variable)))
        return qEnvironmentVariable(qPrintable(variable));
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

UiPreferences AppConfigStore::storedPreferences()
{
    QSettings settings;
    UiPreferences preferences;
    preferences.language = settings.value(QStringLiteral("ui/language")).toString();
    preferences.theme = settings.value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString();
    return preferences;
}

void AppConfigStore::storePreferences(const UiPreferences& preferences)
{
    QSettings settings;
    settings.setValue(QStringLiteral("ui/language"), preferences.language);
    settings.setValue(QStringLiteral("ui/theme"), preferences.theme);
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
        auto* job = new QKeychain::WritePasswordJob(keychainService, this);
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
