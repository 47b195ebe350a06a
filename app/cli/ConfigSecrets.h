// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/ConfigLoader.h"
#include "engine/ConfigBootstrap.h"

#include <QString>

namespace sentinel::cli {

/// How a command that loads the configuration resolves its `${NAME}` references: the
/// environment first, then the OS keychain the desktop app's Settings store them in, and what to
/// tell the user about one found in neither (docs/adr/0123).
struct ConfigSecrets {
    EnvironmentLookup lookup;
    MissingSecretRemedy remedy; ///< says plainly whether the keychain was reachable
};

/// Reads, from the keychain, the references of the configuration `sentinel` would load with
/// `--config explicitPath` that the environment lacks: at most 5 s, so a hung D-Bus cannot hang
/// the command. SENTINEL_NO_KEYCHAIN=1 leaves the keychain alone; the embedded demo profile needs
/// no secret and never asks it.
[[nodiscard]] ConfigSecrets resolveConfigSecrets(const QString& explicitPath);

/// Options for ConfigLoader and for loadConfigWithRegistries() with resolveConfigSecrets() applied.
[[nodiscard]] ConfigLoadOptions loadOptionsWithSecrets(const QString& explicitPath);
[[nodiscard]] ConfigBootstrapOptions bootstrapOptionsWithSecrets(const QString& explicitPath);

} // namespace sentinel::cli
