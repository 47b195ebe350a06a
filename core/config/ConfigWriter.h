// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Config.h"
#include "config/ConfigDraft.h"

#include <QByteArray>

namespace sentinel {

/// Writes a ConfigDraft into a YAML configuration and reads one out of it. With ConfigLoader it
/// is the only code that knows the file's layout: the settings dialog edits a draft, never YAML.
class ConfigWriter final
{
public:
    /// The draft for `yaml`, with values from the already loaded `config` and, from the YAML text,
    /// how each secret is kept (a `${NAME}` reference, or a value in clear to move to the keychain)
    /// and the watchlist rows as written, the ones the loader refused included.
    [[nodiscard]] static ConfigDraft readDraft(const QByteArray& yaml, const Config& config);

    /// `base` with the draft's keys replaced and every other key kept as it was. Comments are not
    /// kept (yaml-cpp drops them). Secrets are written as `${NAME}` references only, never in clear.
    [[nodiscard]] static QByteArray render(const QByteArray& base, const ConfigDraft& draft);
};

} // namespace sentinel
