// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/ConfigLoader.h"

#include <QString>

namespace sentinel {

class CalendarRegistry;

struct ConfigBootstrapOptions {
    /// A calendar file that replaces `calendars.file` (the CLI's `--calendars FILE`); empty: use
    /// the configuration's own.
    QString calendarsOverride;
    EnvironmentLookup environment; ///< resolves `${NAME}`; empty: the process environment
    MissingSecretRemedy missingSecretRemedy; ///< empty: the loader's generic remedy
};

/// The names the registries above config know: markets of `calendars` and every compiled-in
/// strategy.
[[nodiscard]] KnownNames knownNamesFrom(const CalendarRegistry& calendars);

/// Loads the configuration the way the programs start with it (`--config`, else the platform
/// file, else the demo profile) and validates its market and strategy names against the real
/// registries: the calendars are the built-in ones overlaid by `calendars.file` (or
/// `options.calendarsOverride`), so a market a user's calendar file adds is a valid watchlist
/// market. A calendar file that does not load is an error at `calendars.file`, and the names are
/// then checked against the built-in calendars. Config sits below market and strategy, so this
/// composition lives here, for app/cli and app/gui alike.
[[nodiscard]] ConfigLoadResult loadConfigWithRegistries(const QString& explicitPath,
                                                        const ConfigBootstrapOptions& options = {});

} // namespace sentinel
