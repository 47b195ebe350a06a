// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Cli.h"

#include "common/Issue.h"
#include "config/Config.h"

#include <functional>
#include <optional>

namespace sentinel::cli {

/// The configuration for a command that checks one part of it (`broker check`, `advisor test`),
/// loaded with the keychain's secrets (ConfigSecrets.h). Every issue goes to stderr: the ones
/// `blocks` names as they are, the others as notes, so the part can be tried while the rest of
/// the file is unfinished. nullopt when an issue blocks: the command then exits 2.
[[nodiscard]] std::optional<Config> loadCheckedConfig(Invocation& invocation, const QString& configFile,
                                                      const std::function<bool(const Issue&)>& blocks);

} // namespace sentinel::cli
