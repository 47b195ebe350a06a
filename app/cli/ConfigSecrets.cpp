// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfigSecrets.h"

#include "KeychainSecrets.h"
#include "QtKeychainBackend.h"
#include "common/BoundedFile.h"
#include "common/Log.h"
#include "config/SecretReference.h"

#include <chrono>
#include <utility>

namespace sentinel::cli {

namespace {
/// A locked keychain waiting for a prompt, or a D-Bus that never answers, costs this much at most.
constexpr std::chrono::milliseconds keychainTimeout{5000};
} // namespace

ConfigSecrets resolveConfigSecrets(const QString& explicitPath)
{
    keychain::Request request;
    request.environment = keychain::processEnvironment();
    request.timeout = keychainTimeout;
    request.skip = keychain::skipRequestedByEnvironment();
    // The file the loader will read; one it cannot read has no references here and is reported there.
    if (const QString path = ConfigLoader::defaultPath(explicitPath); !path.isEmpty()) {
        if (const Result<QByteArray> text = readBoundedFile(path, FileKind::Config))
            request.references = secretReferenceNames(text.value());
    }
    keychain::QtKeychainBackend backend;
    keychain::Secrets secrets = keychain::readSecretsNow(request, backend);
    // Names only: a value never reaches a log.
    for (auto error = secrets.errors.cbegin(); error != secrets.errors.cend(); ++error)
        log::config()->warn("keychain: cannot read {}: {}", error.key(), error.value());
    log::config()->debug("keychain: {} of {} reference(s) read from it", secrets.values.size(), request.references.size());
    ConfigSecrets resolved;
    resolved.lookup = keychain::environmentThenKeychain(request.environment, secrets);
    secrets.values.clear(); // the wording needs to know what happened, not what was found
    resolved.remedy = [secrets = std::move(secrets)](const QString& name) { return keychain::missingSecretRemedy(name, secrets); };
    return resolved;
}

namespace {
/// ConfigLoadOptions and ConfigBootstrapOptions name the two fields alike.
template<typename Options>
Options optionsWithSecrets(const QString& explicitPath)
{
    ConfigSecrets secrets = resolveConfigSecrets(explicitPath);
    Options options;
    options.environment = std::move(secrets.lookup);
    options.missingSecretRemedy = std::move(secrets.remedy);
    return options;
}
} // namespace

ConfigLoadOptions loadOptionsWithSecrets(const QString& explicitPath)
{
    return optionsWithSecrets<ConfigLoadOptions>(explicitPath);
}

ConfigBootstrapOptions bootstrapOptionsWithSecrets(const QString& explicitPath)
{
    return optionsWithSecrets<ConfigBootstrapOptions>(explicitPath);
}

} // namespace sentinel::cli
