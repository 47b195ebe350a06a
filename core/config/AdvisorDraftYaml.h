// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the config module: it exposes yaml-cpp, which sentinel_core links privately.

#include "config/Config.h"
#include "config/ConfigDraft.h"

#include <yaml-cpp/yaml.h>

namespace sentinel {

/// The draft's advisor part out of `root`: `strategy.name`, fallback and providers as written
/// (so a name or row the loader refused stays visible with its issue), the fallback weight from
/// the loaded `config`.
void readAdvisorDraft(const YAML::Node& root, const Config& config, ConfigDraft& draft);

/// Writes `strategy.name` (when the file has a strategy or the draft is not the default) and the
/// `advisor:` section's providers, fallback and fallback weight (when the file has the section or
/// the draft is not the default); the section's other keys are kept. A provider's api_key is
/// written as a `${NAME}` reference, for OpenAI-compatible servers only (Ollama takes none).
void writeAdvisorDraft(YAML::Node& root, const ConfigDraft& draft);

} // namespace sentinel
