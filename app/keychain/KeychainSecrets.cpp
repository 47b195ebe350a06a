// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeychainSecrets.h"

#include <QEventLoop>
#include <QPointer>
#include <QTimer>

#include <memory>
#include <utility>

namespace sentinel::keychain {

QString serviceName()
{
    return QStringLiteral("trade-sentinel");
}

namespace {

/// Shared by the reads, the failure check and the timeout; whichever settles it calls `done` once.
struct Pending {
    QPointer<QObject> context;
    std::function<void(Secrets)> done;
    Secrets secrets;
    int outstanding = 0;
    bool anyFailed = false;
    bool finished = false;

    void finish(Reach reach)
    {
        if (finished)
            return;
        finished = true;
        secrets.reach = reach;
        if (context)
            done(std::move(secrets));
    }
};

} // namespace

void readSecrets(const Request& request, Backend& backend, QObject* context, std::function<void(Secrets)> done)
{
    QStringList wanted;
    for (const QString& name : request.references) {
        const std::optional<QString> exported = request.environment ? request.environment(name) : std::nullopt;
        if ((!exported || exported->isEmpty()) && !wanted.contains(name))
            wanted << name;
    }
    Secrets secrets;
    secrets.timeout = request.timeout;
    if (wanted.isEmpty() || request.skip) {
        secrets.reach = wanted.isEmpty() ? Reach::NotAsked : Reach::Skipped;
        done(std::move(secrets));
        return;
    }
    auto pending = std::make_shared<Pending>();
    pending->context = context;
    pending->done = std::move(done);
    pending->secrets = std::move(secrets);
    pending->outstanding = int(wanted.size());

    const auto settle = [pending, &backend] {
        if (!pending->anyFailed) {
            pending->finish(Reach::Reachable);
            return;
        }
        // Every failure may have one cause: no keychain here at all. Ask once.
        backend.explainFailure([pending](const std::optional<QString>& unreachableReason) {
            if (!unreachableReason) {
                pending->finish(Reach::Reachable);
                return;
            }
            pending->secrets.reason = *unreachableReason;
            pending->secrets.errors.clear(); // symptoms of the missing keychain, not errors of their own
            pending->finish(Reach::Unreachable);
        });
    };
    for (const QString& name : std::as_const(wanted)) {
        backend.read(name, [pending, name, settle](const ReadOutcome& outcome) {
            if (pending->finished)
                return;
            switch (outcome.status) {
            case ReadOutcome::Status::Found: pending->secrets.values.insert(name, outcome.value); break;
            case ReadOutcome::Status::NotFound: break;
            case ReadOutcome::Status::Unreachable:
                // No keychain: the other reads can only say the same.
                pending->secrets.reason = outcome.detail;
                pending->secrets.errors.clear();
                pending->finish(Reach::Unreachable);
                return;
            case ReadOutcome::Status::Failed:
                pending->anyFailed = true;
                pending->secrets.errors.insert(name, outcome.detail);
                break;
            }
            if (--pending->outstanding == 0)
                settle();
        });
    }
    QTimer::singleShot(request.timeout, context, [pending] { pending->finish(Reach::NoAnswer); });
}

Secrets readSecretsNow(const Request& request, Backend& backend)
{
    // Not a nested loop: the CLI calls this before its command's own event loop starts, and the
    // timeout in readSecrets() bounds it.
    QEventLoop loop;
    std::optional<Secrets> answer;
    readSecrets(request, backend, &loop, [&answer, &loop](Secrets secrets) {
        answer = std::move(secrets);
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return answer ? std::move(*answer) : Secrets{};
}

Lookup processEnvironment()
{
    return [](const QString& name) -> std::optional<QString> {
        if (!qEnvironmentVariableIsSet(qPrintable(name)))
            return std::nullopt;
        return qEnvironmentVariable(qPrintable(name));
    };
}

Lookup environmentThenKeychain(Lookup environment, const Secrets& secrets)
{
    return [environment = std::move(environment), values = secrets.values](const QString& name) -> std::optional<QString> {
        if (environment) {
            if (auto value = environment(name); value && !value->isEmpty())
                return value;
        }
        const auto found = values.constFind(name);
        if (found != values.cend())
            return *found;
        return std::nullopt;
    };
}

QString skipVariable()
{
    return QStringLiteral("SENTINEL_NO_KEYCHAIN");
}

bool skipRequestedByEnvironment()
{
    const QString value = qEnvironmentVariable(qPrintable(skipVariable()));
    return !value.isEmpty() && value != u"0";
}

QString missingSecretRemedy(const QString& name, const Secrets& secrets)
{
    switch (secrets.reach) {
    case Reach::NotAsked: break;
    case Reach::Skipped:
        return QStringLiteral("the OS keychain was not read (%2 is set): export %1, or unset %2").arg(name, skipVariable());
    case Reach::Unreachable:
        return QStringLiteral("%1 is not set and the OS keychain is not reachable here (%2): export %1").arg(name, secrets.reason);
    case Reach::NoAnswer:
        return QStringLiteral("the OS keychain did not answer within %2 s: export %1, or unlock the keychain and try again")
            .arg(name)
            .arg(std::chrono::duration<double>(secrets.timeout).count());
    case Reach::Reachable:
        if (const auto error = secrets.errors.constFind(name); error != secrets.errors.cend())
            return QStringLiteral("the OS keychain could not be read (%2): export %1, or unlock the keychain and try again")
                .arg(name, *error);
        return QStringLiteral("%1 is not in the OS keychain either: export it, or store it through Settings").arg(name);
    }
    return QStringLiteral("export %1 before starting, or store the secret in the OS keychain").arg(name);
}

} // namespace sentinel::keychain
