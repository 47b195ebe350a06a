// SPDX-License-Identifier: GPL-3.0-or-later
#include "CheckedConfig.h"

#include "ConfigSecrets.h"

#include "config/ConfigLoader.h"

namespace sentinel::cli {

std::optional<Config> loadCheckedConfig(Invocation& invocation, const QString& configFile,
                                        const std::function<bool(const Issue&)>& blocks)
{
    const ConfigLoadResult loaded = ConfigLoader(loadOptionsWithSecrets(configFile)).loadDefault(configFile);
    int blocking = 0;
    for (const Issue& issue : loaded.issues) {
        const bool stops = blocks(issue);
        blocking += stops ? 1 : 0;
        invocation.err << "sentinel " << invocation.commandName << ": " << (stops ? "" : "note: ") << issue.toString() << Qt::endl;
    }
    if (blocking > 0)
        return std::nullopt;
    return loaded.config;
}

} // namespace sentinel::cli
