// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "KeychainSecrets.h"

#include <QObject>

namespace sentinel::keychain {

/// The OS keychain through QtKeychain: the macOS Keychain, the Windows Credential Manager, the
/// Secret Service (or KWallet) on D-Bus elsewhere. Reads are QtKeychain's asynchronous jobs; a job
/// outlives this object if its keychain never answers, and its answer is then dropped.
class QtKeychainBackend final : public QObject, public Backend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QtKeychainBackend)
public:
    explicit QtKeychainBackend(QObject* parent = nullptr);
    ~QtKeychainBackend() override;

    void read(const QString& name, std::function<void(ReadOutcome)> done) override;
    /// On Linux and the BSDs: no D-Bus session bus, or no Secret Service (nor KWallet) on it,
    /// means there is no keychain here. Elsewhere a failure is always an error of the keychain.
    void explainFailure(std::function<void(std::optional<QString> unreachableReason)> done) override;
};

} // namespace sentinel::keychain
