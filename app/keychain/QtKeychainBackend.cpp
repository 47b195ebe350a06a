// SPDX-License-Identifier: GPL-3.0-or-later
#include "QtKeychainBackend.h"

#include <qt6keychain/keychain.h>

#ifdef SENTINEL_KEYCHAIN_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

#include <algorithm>
#include <utility>

namespace sentinel::keychain {

QtKeychainBackend::QtKeychainBackend(QObject* parent) : QObject(parent) {}

QtKeychainBackend::~QtKeychainBackend() = default;

void QtKeychainBackend::read(const QString& name, std::function<void(ReadOutcome)> done)
{
    // No parent: a job whose keychain hangs must not be deleted under QtKeychain's pending call.
    // It deletes itself once it finishes (autoDelete).
    auto* job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        ReadOutcome outcome;
        switch (job->error()) {
        case QKeychain::NoError:
            outcome.status = ReadOutcome::Status::Found;
            outcome.value = job->textData();
            break;
        case QKeychain::EntryNotFound: outcome.status = ReadOutcome::Status::NotFound; break;
        case QKeychain::NoBackendAvailable:
        case QKeychain::NotImplemented:
            outcome.status = ReadOutcome::Status::Unreachable;
            outcome.detail = job->errorString();
            break;
        default:
            outcome.status = ReadOutcome::Status::Failed;
            outcome.detail = job->errorString();
            break;
        }
        done(outcome);
    });
    job->start();
}

void QtKeychainBackend::explainFailure(std::function<void(std::optional<QString> unreachableReason)> done)
{
#ifdef SENTINEL_KEYCHAIN_DBUS
    // QtKeychain's Linux backends report "no Secret Service" as an unspecific error ("Unknown
    // error" without libsecret, a GDBus message with it); the bus itself says whether one is there.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface()) {
        done(QStringLiteral("no D-Bus session bus"));
        return;
    }
    static const QStringList keychainServices{QStringLiteral("org.freedesktop.secrets"), QStringLiteral("org.kde.kwalletd6"),
                                              QStringLiteral("org.kde.kwalletd5"), QStringLiteral("org.kde.kwalletd")};
    const auto offersOne = [](const QStringList& names) {
        return std::any_of(keychainServices.cbegin(), keychainServices.cend(),
                           [&names](const QString& service) { return names.contains(service); });
    };
    // Running now, or started on demand by the bus: either can answer.
    auto* running = new QDBusPendingCallWatcher(bus.interface()->asyncCall(QStringLiteral("ListNames")), this);
    connect(running, &QDBusPendingCallWatcher::finished, this, [this, bus, offersOne, done = std::move(done)](QDBusPendingCallWatcher* call) mutable {
        call->deleteLater();
        const QDBusPendingReply<QStringList> names = *call;
        if (names.isError()) {
            done(QStringLiteral("the D-Bus session bus does not answer: %1").arg(names.error().message()));
            return;
        }
        if (offersOne(names.value())) {
            done(std::nullopt);
            return;
        }
        auto* activatable = new QDBusPendingCallWatcher(bus.interface()->asyncCall(QStringLiteral("ListActivatableNames")), this);
        connect(activatable, &QDBusPendingCallWatcher::finished, this, [offersOne, done = std::move(done)](QDBusPendingCallWatcher* second) {
            second->deleteLater();
            const QDBusPendingReply<QStringList> startable = *second;
            if (!startable.isError() && offersOne(startable.value()))
                done(std::nullopt);
            else
                done(QStringLiteral("no Secret Service on D-Bus"));
        });
    });
#else
    done(std::nullopt);
#endif
}

} // namespace sentinel::keychain
