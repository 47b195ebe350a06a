// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

namespace sentinel::keychain {

/// The keychain service every entry lives under; one entry per `${NAME}`, keyed by NAME.
[[nodiscard]] QString serviceName();

/// What one read of one entry came to.
struct ReadOutcome {
    enum class Status {
        Found,
        NotFound,
        Unreachable, ///< no keychain to ask here (no backend, no Secret Service on D-Bus)
        Failed,      ///< a keychain answered with another error (locked, denied, …)
    };
    Status status = Status::NotFound;
    QString value;  ///< Found: the secret
    QString detail; ///< Unreachable and Failed: the backend's words (never the secret)
};

/// Where secrets are read from. The real one is QtKeychainBackend; tests use a fake, so no test
/// needs D-Bus.
class Backend
{
public:
    virtual ~Backend() = default;
    Backend() = default;
    Backend(const Backend&) = delete;
    Backend& operator=(const Backend&) = delete;
    Backend(Backend&&) = delete;
    Backend& operator=(Backend&&) = delete;

    /// Reads the entry `name`; calls `done` once, later (never from inside read()), or never when
    /// the keychain hangs.
    virtual void read(const QString& name, std::function<void(ReadOutcome)> done) = 0;
    /// Asked once when a read Failed: is there a keychain here at all? Calls `done` with why not,
    /// or with nullopt when there is (the failure then stands as an error). QtKeychain reports a
    /// missing Secret Service as an unspecific error; this tells the two apart.
    virtual void explainFailure(std::function<void(std::optional<QString> unreachableReason)> done) = 0;
};

/// Whether the keychain could be asked, for the wording of what to do about a missing secret.
enum class Reach {
    NotAsked,    ///< nothing needed it: the environment had every name
    Skipped,     ///< the caller chose not to ask (SENTINEL_NO_KEYCHAIN)
    Reachable,   ///< it answered
    Unreachable, ///< there is no keychain here (see `reason`)
    NoAnswer,    ///< it did not answer in time (a locked or hung secret service)
};

/// What the keychain held for the names the environment lacked.
struct Secrets {
    QHash<QString, QString> values; ///< NAME → secret; never printed
    Reach reach = Reach::NotAsked;
    QString reason;                 ///< Unreachable: why, in the backend's words
    QHash<QString, QString> errors; ///< NAME → the backend's error for a read that Failed
    std::chrono::milliseconds timeout{0};
};

/// Looks up `${NAME}`: the value, or nullopt when there is none.
using Lookup = std::function<std::optional<QString>(const QString& name)>;

/// The process environment: the value of every variable that is set, empty ones included.
[[nodiscard]] Lookup processEnvironment();

struct Request {
    QStringList references; ///< every `${NAME}` the configuration uses (secretReferenceNames)
    Lookup environment;     ///< names it gives a non-empty value are not read from the keychain
    std::chrono::milliseconds timeout{5000};
    bool skip = false; ///< do not ask the keychain at all (Reach::Skipped)
};

/// Reads from `backend` the referenced names `environment` lacks, all at once, and calls `done`
/// once: when every read has answered, or at `timeout` with what has (Reach::NoAnswer). `done`
/// is not called after `context` is destroyed. Answers that come after `done` are dropped.
void readSecrets(const Request& request, Backend& backend, QObject* context, std::function<void(Secrets)> done);

/// readSecrets() for a program that has not started its event loop yet (the CLI): runs a local
/// event loop until the answer, bounded by `request.timeout`, so a hung D-Bus cannot hang it.
[[nodiscard]] Secrets readSecretsNow(const Request& request, Backend& backend);

/// A non-empty value from the environment first, then what the keychain held.
[[nodiscard]] Lookup environmentThenKeychain(Lookup environment, const Secrets& secrets);

/// The variable that makes the CLI leave the keychain alone: set to anything but "" or "0".
[[nodiscard]] QString skipVariable();
[[nodiscard]] bool skipRequestedByEnvironment();

/// What to do about `name`, which neither the environment nor the keychain provided: says plainly
/// whether the keychain was reachable, e.g. "the OS keychain is not reachable here (no Secret
/// Service on D-Bus): export OANDA_TOKEN".
[[nodiscard]] QString missingSecretRemedy(const QString& name, const Secrets& secrets);

} // namespace sentinel::keychain
